import { ERROR_FORMAT_CHECK, expectErrorAnswer, UNKNOWN_OBJECT_CODE_CHECK } from '../../src/checks/error-answer.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { testTokenIn, tokenUrl } from './test-token.js';

// Steps: (1) tester GETs one of its own Token URLs it never PUT. Validated: HTTP 404; its body in the OCPI response
// format, with status_code 2004 (unknown Token) or 2000 (generic client error).
export default defineCase({
  id: 'TOK-05',
  title: 'An unknown Token is answered with 404',
  module: 'tokens',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Status codes, HTTP status codes',
    rule: 'A GET of an object that does not exist should be answered with HTTP 404 Not Found.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'status_codes.md: HTTP status codes',
    rule: 'A request for an object that does not exist should be answered with HTTP 404 Not Found.',
  }],
  severity: 'recommended',
  checks: ['http.unknown-object-404', ERROR_FORMAT_CHECK, UNKNOWN_OBJECT_CODE_CHECK],
  async run(t) {
    const response = await moduleRequest(t, { method: 'GET', url: tokenUrl(t, testTokenIn(t.version)) });
    t.check(expectErrorAnswer({
      version: t.version,
      exchange: response.exchange,
      expected: 404,
      check: 'http.unknown-object-404',
      because: 'a Token that was never pushed is not found',
      // OCPI 2.1.1 has no 2004 (spec-notes X8): the generic client error is its answer.
      statusCode: t.version === '2.1.1'
        ? { check: UNKNOWN_OBJECT_CODE_CHECK, expected: [2000], because: 'the status_code of an unknown Token is the generic 2000 (OCPI 2.1.1 has no 2004)' }
        : { check: UNKNOWN_OBJECT_CODE_CHECK, expected: [2004, 2000], because: 'the status_code of an unknown Token is 2004 (unknown Token) or the generic 2000' },
    }));
  },
});
