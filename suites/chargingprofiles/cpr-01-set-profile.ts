import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { STARTED, undoAtTeardown, unlessCommandsAllowed } from '../commands/command-steps.js';
import { profileUrl, TEST_PROFILE } from './profile-steps.js';

// Steps: (1) tester PUTs a SetChargingProfile on the session CMD-01 started; (2) the target answers with a
// ChargingProfileResponse and POSTs a ChargingProfileResult to the response_url.
// Validated: the response, and the result in time and valid.
export default defineCase({
  id: 'CPR-01',
  title: 'Setting a charging profile on an active session is answered and its result arrives in time',
  module: 'chargingprofiles',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'chargingprofiles', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'chargingSession'],
  skipWhen: unlessCommandsAllowed,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Charging Profiles module, Receiver interface, PUT',
    rule: 'A CPO answers a SetChargingProfile with a ChargingProfileResponse and POSTs a ChargingProfileResult to the response_url within the timeout it gave.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS],
  async run(t) {
    const { sessionId } = t.get('chargingSession');
    await sendWithResult(t, {
      request: (responseUrl) => ({ method: 'PUT', url: profileUrl(t, sessionId), body: { charging_profile: TEST_PROFILE, response_url: responseUrl } }),
      response: 'ChargingProfileResponse',
      result: 'ChargingProfileResult',
      what: 'the result of setting the profile (a ChargingProfileResult POSTed to the response_url)',
      name: 'setting a charging profile',
      onAccepted: () => undoAtTeardown(t, STARTED.profile, `clear the charging profile ${t.id} set`, { method: 'DELETE', url: profileUrl(t, sessionId, { response_url: t.peer.resultUrl('ClearProfileResult') }) }),
    });
  },
});
