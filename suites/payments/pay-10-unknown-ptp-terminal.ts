import { ERROR_FORMAT_CHECK, expectErrorAnswer } from '../../src/checks/error-answer.js';
import { defineCase } from '../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { testerId } from '../common/tester-objects.js';

// Steps: (1) tester GETs {payments}/terminals/{terminal_id} at a PTP for a terminal_id of its own, which no PTP issued.
// Validated: HTTP 404, its body in the OCPI response format.
export default defineCase({
  id: 'PAY-10',
  title: 'A PTP answers an unknown Terminal id with 404',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'ptp',
  endpoint: { module: 'payments', role: 'SENDER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.3.0',
    section: 'Status codes, HTTP status codes; Payments module, Sender interface, GET Terminal method',
    rule: 'A GET of a Terminal the PTP does not have should be answered with HTTP 404 Not Found.',
  },
  severity: 'recommended',
  checks: ['http.unknown-object-404', ERROR_FORMAT_CHECK],
  async run(t) {
    const response = await moduleRequest(t, { method: 'GET', url: endpointUrl(moduleUrl(t, 'payments', 'SENDER'), 'terminals', testerId('TERM')) });
    t.check(expectErrorAnswer({
      version: t.version,
      exchange: response.exchange,
      expected: 404,
      check: 'http.unknown-object-404',
      because: 'a Terminal the PTP never issued is not found',
    }));
  },
});
