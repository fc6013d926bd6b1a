import { fail, pass } from '../../../src/checks/finding.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest } from '../../../src/runner/module-request.js';
import { moduleProbes } from './module-probes.js';

const BROKEN_JSON = '{"uid": "OCT-PROBE-0", "valid": tru';

// Steps: (1) for every functional module the target declared that takes a request body (tokens, commands, charging
// profiles; the last two only with --allow-commands, since the body goes with the credentials token), tester sends a
// body that is not JSON. Validated: HTTP 400, or HTTP 200 with status_code 2001.
export default defineCase({
  id: 'AUTH-04',
  title: 'Every functional module refuses a request body that is not JSON',
  module: 'transport',
  versions: ['2.2.1'],
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Status codes, HTTP status codes',
    rule: 'A request whose body is not valid JSON is answered with HTTP 400 (an OCPI 2001 answer with HTTP 200 is accepted too).',
  },
  severity: 'required',
  checks: ['transport.malformed-json-refused'],
  async run(t) {
    const probes = moduleProbes(t, { body: true });
    if (probes.length === 0) t.skip(t.settings.allowCommands ? 'the target declares no functional module that takes a request body' : 'the target declares no functional module that takes a request body besides commands and charging profiles, which get the credentials token only with --allow-commands');
    const check = 'transport.malformed-json-refused';
    for (const probe of probes) {
      const response = await moduleRequest(t, { ...probe.request, rawBody: BROKEN_JSON });
      const code = (response.body as { status_code?: unknown } | undefined)?.status_code;
      const at = { exchangeId: response.exchange.id };
      t.check(response.status === 400 || (response.status === 200 && code === 2001)
        ? pass(check, `${probe.module}: refused with HTTP ${response.status}${code === undefined ? '' : ` and status_code ${String(code)}`}`, at)
        : fail(check, `${probe.module}: a body that is not JSON got HTTP ${response.status}${code === undefined ? '' : ` with status_code ${String(code)}`}; expected HTTP 400 (or 200 with 2001)`, { ...at, expected: 'HTTP 400', actual: response.status }));
    }
  },
});
