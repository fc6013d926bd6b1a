import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { STARTED, unlessCommandsAllowed } from '../commands/command-steps.js';
import { profileUrl } from './profile-steps.js';

// Steps: (1) tester DELETEs the charging profile of the session; (2) the target answers and POSTs a
// ClearProfileResult. Validated: the response, and the result in time and valid.
export default defineCase({
  id: 'CPR-03',
  title: 'Clearing the charging profile is answered and its result arrives in time',
  module: 'chargingprofiles',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'chargingprofiles', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'chargingSession'],
  after: ['CPR-02'],
  skipWhen: unlessCommandsAllowed,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Charging Profiles module, Receiver interface, DELETE',
    rule: 'A CPO answers a DELETE of the charging profile with a ChargingProfileResponse and POSTs a ClearProfileResult to the response_url within the timeout it gave.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS],
  async run(t) {
    const { sessionId } = t.get('chargingSession');
    const outcome = await sendWithResult(t, {
      request: (responseUrl) => ({ method: 'DELETE', url: profileUrl(t, sessionId, { response_url: responseUrl }) }),
      response: 'ChargingProfileResponse',
      result: 'ClearProfileResult',
      what: 'the result of clearing the profile (a ClearProfileResult POSTed to the response_url)',
      name: 'clearing the charging profile',
    });
    if (outcome.result?.['result'] === 'ACCEPTED') t.settle(STARTED.profile);
  },
});
