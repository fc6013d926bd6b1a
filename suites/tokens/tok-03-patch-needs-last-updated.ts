import { checkStatusCode } from '../../src/checks/envelope.js';
import { asWarning } from '../../src/checks/finding.js';
import { checkOcpiLayerStatus, OCPI_LAYER_STATUS_CHECK } from '../../src/checks/ocpi-layer-status.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { storeTestToken } from './test-token.js';

// Steps: (1) tester PUTs a Token; (2) PATCHes valid=false without last_updated. Validated: no HTTP error status (the
// PATCH is JSON, for a Token that exists, from the registered partner: it reached the OCPI layer); status_code 2001
// (a warning when not: 2001 is the advised answer).
export default defineCase({
  id: 'TOK-03',
  title: 'A PATCH without last_updated is refused with 2001',
  module: 'tokens',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: citedAlike({
    version: '2.2.1',
    section: 'Tokens module, Receiver interface, PATCH; Status codes',
    rule: 'Every PATCH carries last_updated; one without it is answered with status_code 2001 (invalid or missing parameters), and, having reached the OCPI layer, without an HTTP error status.',
  }, '2.3.0'),
  // The MUST NOT on an HTTP error status binds the receiver; the SHALL that a PATCH carries last_updated binds the
  // sender, so 2001 (invalid or missing parameters), the advised answer, warns (T44, T143).
  severity: 'required',
  checks: [OCPI_LAYER_STATUS_CHECK, 'tokens.patch-needs-last-updated'],
  async run(t) {
    const { url } = await storeTestToken(t);
    const patched = await moduleRequest(t, { method: 'PATCH', url, body: { valid: false } });
    const layer = checkOcpiLayerStatus(patched.exchange);
    t.check(layer);
    // An HTTP error without a JSON body is one answer, reported once (as the HTTP status).
    if (layer.status === 'fail' && !patched.json) return;
    t.check(asWarning(checkStatusCode(patched.exchange, { expected: 2001, check: 'tokens.patch-needs-last-updated', because: 'a PATCH without last_updated is invalid' })));
  },
});
