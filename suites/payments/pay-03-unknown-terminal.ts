import { ERROR_FORMAT_CHECK, expectErrorAnswer } from '../../src/checks/error-answer.js';
import { defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { testerId } from '../common/tester-objects.js';
import { paymentsUrl } from './payment-objects.js';

// Steps: (1) tester GETs {payments}/terminals/{terminal_id} for a terminal_id of its own it never POSTed.
// Validated: HTTP 404, its body in the OCPI response format.
export default defineCase({
  id: 'PAY-03',
  title: 'An unknown Terminal id is answered with 404',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'payments', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.3.0',
    section: 'Status codes, HTTP status codes; Payments module, Receiver interface, GET Terminal method',
    rule: 'A GET of a Terminal that does not exist should be answered with HTTP 404 Not Found.',
  },
  severity: 'recommended',
  checks: ['http.unknown-object-404', ERROR_FORMAT_CHECK],
  async run(t) {
    const response = await moduleRequest(t, { method: 'GET', url: paymentsUrl(t, 'terminals', testerId('TERM')) });
    t.check(expectErrorAnswer({
      version: t.version,
      exchange: response.exchange,
      expected: 404,
      check: 'http.unknown-object-404',
      because: 'a Terminal that was never POSTed is not found',
    }));
  },
});
