import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { unlessCommandsAllowed } from '../commands/command-steps.js';
import { profileUrl } from './profile-steps.js';

// Steps: (1) tester GETs the active charging profile of the session for the next 15 minutes; (2) the target answers
// and POSTs an ActiveChargingProfileResult. Validated: the response, and the result in time and valid.
export default defineCase({
  id: 'CPR-02',
  title: 'Asking for the active charging profile is answered and its result arrives in time',
  module: 'chargingprofiles',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'chargingprofiles', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'chargingSession'],
  after: ['CPR-01'],
  skipWhen: unlessCommandsAllowed,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Charging Profiles module, Receiver interface, GET',
    rule: 'A CPO answers a GET of the active charging profile with a ChargingProfileResponse and POSTs an ActiveChargingProfileResult to the response_url within the timeout it gave.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS],
  async run(t) {
    const { sessionId } = t.get('chargingSession');
    await sendWithResult(t, {
      request: (responseUrl) => ({ method: 'GET', url: profileUrl(t, sessionId, { duration: '900', response_url: responseUrl }) }),
      response: 'ChargingProfileResponse',
      result: 'ActiveChargingProfileResult',
      what: 'the active profile (an ActiveChargingProfileResult POSTed to the response_url)',
      name: 'the request for the active charging profile',
    });
  },
});
