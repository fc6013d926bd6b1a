import { ERROR_FORMAT_CHECK, expectErrorAnswer, UNKNOWN_OBJECT_CODE_CHECK } from '../../src/checks/error-answer.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';

// Steps: (1) tester GETs a Location id that no crawl returned. Validated: HTTP 404; its body in the OCPI response
// format, with status_code 2003 (unknown Location) or 2000 (generic client error).
export default defineCase({
  id: 'LOC-05',
  title: 'An unknown Location id is answered with 404',
  module: 'locations',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Status codes, HTTP status codes',
    rule: 'A GET of an object that does not exist should be answered with HTTP 404 Not Found.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'status_codes.md, Status codes',
    rule: 'A GET of an object that does not exist should be answered with HTTP 404 Not Found.',
  }],
  severity: 'recommended',
  checks: ['http.unknown-object-404', ERROR_FORMAT_CHECK, UNKNOWN_OBJECT_CODE_CHECK],
  async run(t) {
    const url = endpointUrl(moduleUrl(t, 'locations', 'SENDER'), `OCT-UNKNOWN-${Date.now().toString(36).toUpperCase()}`);
    const response = await moduleRequest(t, { method: 'GET', url });
    t.check(expectErrorAnswer({
      version: t.version,
      exchange: response.exchange,
      expected: 404,
      check: 'http.unknown-object-404',
      because: 'a Location that does not exist is not found (a 2003 status_code may come with the 404)',
      statusCode: { check: UNKNOWN_OBJECT_CODE_CHECK, expected: [2003, 2000], because: 'the status_code of an unknown Location is 2003 (unknown Location) or the generic 2000' },
    }));
  },
});
