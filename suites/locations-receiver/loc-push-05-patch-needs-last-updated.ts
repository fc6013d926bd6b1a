import { checkStatusCode } from '../../src/checks/envelope.js';
import { asWarning } from '../../src/checks/finding.js';
import { checkOcpiLayerStatus, OCPI_LAYER_STATUS_CHECK } from '../../src/checks/ocpi-layer-status.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { storeTestLocation } from './stored-location.js';

// Steps: (1) tester PUTs a Location; (2) PATCHes its name without last_updated. Validated: no HTTP error status (the
// PATCH reached the OCPI layer); status_code 2001 (a warning when not: 2001 is the advised answer).
export default defineCase({
  id: 'LOC-PUSH-05',
  title: 'A Location PATCH without last_updated is refused with 2001',
  module: 'locations',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: citedAlike({
    version: '2.2.1',
    section: 'Locations module, Receiver interface, PATCH; Status codes',
    rule: 'Every PATCH carries last_updated; one without it is answered with status_code 2001 (invalid or missing parameters), and, having reached the OCPI layer, without an HTTP error status.',
  }, '2.3.0'),
  // The MUST NOT on an HTTP error status binds the receiver; the SHALL that a PATCH carries last_updated binds the
  // sender, so 2001 (invalid or missing parameters), the advised answer, warns (T44, T143).
  severity: 'required',
  checks: [OCPI_LAYER_STATUS_CHECK, 'locations.patch-needs-last-updated'],
  async run(t) {
    const { url } = await storeTestLocation(t);
    const patched = await moduleRequest(t, { method: 'PATCH', url, body: { name: 'ocpi-conformance patch without last_updated' } });
    const layer = checkOcpiLayerStatus(patched.exchange);
    t.check(layer);
    // An HTTP error without a JSON body is one answer, reported once (as the HTTP status).
    if (layer.status === 'fail' && !patched.json) return;
    t.check(asWarning(checkStatusCode(patched.exchange, { expected: 2001, check: 'locations.patch-needs-last-updated', because: 'a PATCH without last_updated is invalid' })));
  },
});
