import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ERROR_FORMAT_CHECK, expectErrorAnswer } from '../../src/checks/error-answer.js';

// Steps: (1) tester GETs the versions URL with a token the target never issued.
// Validated: HTTP 401; its body in the OCPI response format (a warning when not).
export default defineCase({
  id: 'VER-04',
  title: 'A request with an unknown credentials token is refused with 401',
  module: 'versions',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'connect',
  requires: ['target'],
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Transport and format, authorization header',
      rule: 'When the credentials token matches no known party, the server answers HTTP 401 Unauthorized.',
    }, '2.3.0'),
    { version: '2.1.1', section: 'transport_and_format.md, Request format', rule: 'When the token matches no known party, the server must answer HTTP 401 Unauthorized.' },
  ],
  severity: 'required',
  checks: ['auth.unknown-token-refused', ERROR_FORMAT_CHECK],
  async run(t) {
    const response = await t.request({ method: 'GET', url: t.get('target').versionsUrl, token: t.newToken() });
    t.check(expectErrorAnswer({ version: t.version, exchange: response.exchange, expected: 401, check: 'auth.unknown-token-refused', because: 'a token the target never issued must be refused' }));
  },
});
