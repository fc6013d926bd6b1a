import { pass, warn } from '../../src/checks/finding.js';
import { checkOcpiLayerStatus, OCPI_LAYER_STATUS_CHECK } from '../../src/checks/ocpi-layer-status.js';
import { checkJsonBody } from '../../src/checks/envelope.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { testTokenIn } from '../tokens/test-token.js';
import { commandUrl, newReference, unlessCommandsAllowed } from './command-steps.js';

// Steps: (1) tester POSTs START_SESSION for a Location id that does not exist.
// Validated: no HTTP error status (the POST is JSON, to the START_SESSION resource, from the registered partner: it
// reached the OCPI layer); status_code 2003 (unknown Location) or a CommandResponse with result REJECTED (a warning
// when neither).
export default defineCase({
  id: 'CMD-06',
  title: 'START_SESSION on an unknown Location is rejected',
  module: 'commands',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'commands', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  skipWhen: unlessCommandsAllowed,
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Commands module, START_SESSION; Status codes',
    rule: 'A command for a Location the CPO does not know is answered with status_code 2003 (unknown Location) or result REJECTED, and, having reached the OCPI layer, without an HTTP error status.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_commands.md: CPO Interface, POST Method; Flow (the unknown Location example); status_codes.md: 2xxx',
    rule: 'A command for a Location the CPO does not know is answered with status_code 2003 (unknown Location) or result REJECTED, and, having reached the OCPI layer, should get no HTTP error status.',
  }],
  // The MUST NOT on an HTTP error status is required; 2003 and REJECTED are the defined answers, but no SHALL requires
  // one of them, so another answer warns (T44, T143). 2.1.1 words the HTTP status rule as "should" (X7).
  severity: { '2.1.1': 'recommended', '2.2.1': 'required', '2.3.0': 'required' },
  checks: [OCPI_LAYER_STATUS_CHECK, 'envelope.json-body', 'commands.unknown-location-rejected'],
  async run(t) {
    const response = await moduleRequest(t, {
      method: 'POST',
      url: commandUrl(t, 'START_SESSION'),
      body: { response_url: t.peer.resultUrl('CommandResult'), token: testTokenIn(t.version, { type: 'APP_USER', whitelist: 'NEVER' }), location_id: newReference('OCT-NOWHERE') },
    });
    const layer = checkOcpiLayerStatus(response.exchange, t.version);
    t.check(layer);
    // An HTTP error without a JSON body is one answer, reported once (as the HTTP status).
    if (layer.status !== 'pass' && !response.json) return;
    const json = checkJsonBody(response.exchange);
    t.check(json);
    if (json.status === 'fail') return;
    const body = response.body as { status_code?: unknown; data?: { result?: unknown } } | undefined;
    const check = 'commands.unknown-location-rejected';
    const at = { exchangeId: response.exchange.id };
    t.check(body?.status_code === 2003 || body?.data?.result === 'REJECTED'
      ? pass(check, `answered with status_code ${String(body?.status_code)} and result ${String(body?.data?.result)}`, at)
      : warn(check, `answered with status_code ${String(body?.status_code)} and result ${String(body?.data?.result)}: a command for an unknown Location is answered with 2003 or REJECTED`, { ...at, expected: 'status_code 2003 or result REJECTED', actual: { status_code: body?.status_code ?? null, result: body?.data?.result ?? null } }));
  },
});
