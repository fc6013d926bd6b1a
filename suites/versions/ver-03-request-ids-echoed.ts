import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkCorrelationIdEchoed, checkRequestIdEchoed } from '../../src/checks/request-ids.js';

// Steps: (1) tester GETs the versions URL with a fresh X-Request-ID and X-Correlation-ID.
// Validated: the response carries the same two values.
export default defineCase({
  id: 'VER-03',
  title: 'Responses echo the request\'s X-Request-ID and X-Correlation-ID',
  module: 'versions',
  versions: ['2.2.1', '2.3.0'],
  stage: 'connect',
  requires: ['target'],
  spec: citedAlike({
    version: '2.2.1',
    section: 'Transport and format, request and correlation headers',
    rule: 'Every response carries the X-Request-ID and the X-Correlation-ID of the request it answers.',
  }, '2.3.0'),
  severity: 'required',
  checks: ['headers.request-id-echoed', 'headers.correlation-id-echoed'],
  async run(t) {
    const target = t.get('target');
    const response = await t.request({ method: 'GET', url: target.versionsUrl, token: target.token });
    t.check(checkRequestIdEchoed(response.exchange), checkCorrelationIdEchoed(response.exchange));
  },
});
