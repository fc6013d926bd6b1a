import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ERROR_FORMAT_CHECK, expectErrorAnswer } from '../../src/checks/error-answer.js';

// Steps: (1) tester GETs the versions URL without an Authorization header.
// Validated: HTTP 401.
export default defineCase({
  id: 'VER-05',
  title: 'A request without Authorization header is refused with 401',
  module: 'versions',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'connect',
  requires: ['target'],
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Transport and format, authorization header',
      rule: 'Every request carries an Authorization header; without one the server answers HTTP 401 Unauthorized.',
    }, '2.3.0'),
    { version: '2.1.1', section: 'transport_and_format.md, Request format', rule: 'Every request must carry an Authorization header; when it is missing, the server must answer HTTP 401 Unauthorized.' },
  ],
  severity: 'required',
  checks: ['auth.missing-token-refused', ERROR_FORMAT_CHECK],
  async run(t) {
    const response = await t.request({ method: 'GET', url: t.get('target').versionsUrl, token: null });
    t.check(expectErrorAnswer({ version: t.version, exchange: response.exchange, expected: 401, check: 'auth.missing-token-refused', because: 'a request without credentials must be refused' }));
  },
});
