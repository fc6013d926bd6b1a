import { ERROR_FORMAT_CHECK, expectErrorAnswer, foldFormatWarnings } from '../../src/checks/error-answer.js';
import type { Finding } from '../../src/model/finding.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { moduleProbes } from './module-probes.js';

const BROKEN_JSON = '{"uid": "OCT-PROBE-0", "valid": tru';

// Steps: (1) for every functional module the target declared that takes a request body (tokens, commands, charging
// profiles; the last two only with --allow-commands, since the body goes with the credentials token), tester sends a
// body that is not JSON (all at once: none depends on another). Validated: HTTP 400 (an OCPI 2001 on HTTP 200 fails:
// the rule is a MUST on the HTTP status); its body in the OCPI response format (a warning when not).
export default defineCase({
  id: 'AUTH-04',
  title: 'Every functional module refuses a request body that is not JSON',
  module: 'transport',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  requires: ['session', 'endpoints'],
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Status codes, HTTP status codes',
      rule: 'A request whose body is not valid JSON is answered with HTTP 400 Bad Request: it never reached the OCPI layer.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'status_codes.md, Status codes (opening paragraphs)',
      rule: 'A message that is not valid JSON is answered with HTTP 400 Bad Request: the transport layer ends where the JSON is parsed.',
    },
  ],
  severity: 'required',
  checks: ['transport.malformed-json-refused', ERROR_FORMAT_CHECK],
  async run(t) {
    const probes = moduleProbes(t, { body: true });
    if (probes.length === 0) t.skip(t.settings.allowCommands ? 'the target declares no functional module that takes a request body' : 'the target declares no functional module that takes a request body besides commands and charging profiles, which get the credentials token only with --allow-commands');
    // The probes are independent: sent at once, their findings in the modules' order.
    const findings: Finding[] = (await t.inParallel(probes, async (probe) => {
      const response = await moduleRequest(t, { ...probe.request, rawBody: BROKEN_JSON });
      return expectErrorAnswer({ version: t.version, exchange: response.exchange, expected: 400, check: 'transport.malformed-json-refused', because: `${probe.module}: a body that is not JSON is answered with HTTP 400${statusCodeNote(response.body)}` });
    })).flat();
    t.check(foldFormatWarnings(findings));
  },
});

/** The status_code that came with the answer, for the failure message ("with status_code 2001"). */
function statusCodeNote(body: unknown): string {
  const code = (body as { status_code?: unknown } | undefined)?.status_code;
  return code === undefined ? '' : ` (the answer came with status_code ${String(code)})`;
}
