import { expectStatus } from '../../../src/checks/http-status.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../../src/runner/module-request.js';
import { endpointUrl } from '../../../src/transport/endpoint-url.js';

// Steps: (1) tester GETs a Location id that no crawl returned. Validated: HTTP 404 (any 2xxx envelope may come with it).
export default defineCase({
  id: 'LOC-05',
  title: 'An unknown Location id is answered with 404',
  module: 'locations',
  versions: ['2.2.1'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Status codes, HTTP status codes',
    rule: 'A GET of an object that does not exist should be answered with HTTP 404 Not Found.',
  },
  severity: 'recommended',
  checks: ['http.unknown-object-404'],
  async run(t) {
    const url = endpointUrl(moduleUrl(t, 'locations', 'SENDER'), `OCT-UNKNOWN-${Date.now().toString(36).toUpperCase()}`);
    const response = await moduleRequest(t, { method: 'GET', url });
    t.check(expectStatus({ exchange: response.exchange, expected: 404, check: 'http.unknown-object-404', because: 'a Location that does not exist is not found (a 2003 status_code may come with the 404)' }));
  },
});
