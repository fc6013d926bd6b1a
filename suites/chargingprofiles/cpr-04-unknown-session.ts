import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { fail, pass } from '../../src/checks/finding.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { newReference, unlessCommandsAllowed } from '../commands/command-steps.js';
import { profileUrl, TEST_PROFILE } from './profile-steps.js';

// Steps: (1) tester PUTs a SetChargingProfile on a session id that does not exist.
// Validated: a valid ChargingProfileResponse with result UNKNOWN_SESSION.
export default defineCase({
  id: 'CPR-04',
  title: 'A charging profile for an unknown session is answered with UNKNOWN_SESSION',
  module: 'chargingprofiles',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'chargingprofiles', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  skipWhen: unlessCommandsAllowed,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Charging Profiles module, ChargingProfileResponseType',
    rule: 'A charging profile request for a session the CPO does not know is answered with result UNKNOWN_SESSION.',
  }, '2.3.0'),
  // UNKNOWN_SESSION is the defined answer, but no SHALL requires it.
  severity: 'recommended',
  checks: [...OCPI_RESPONSE_CHECKS, 'chargingprofiles.unknown-session'],
  async run(t) {
    const response = await moduleRequest(t, {
      method: 'PUT',
      url: profileUrl(t, newReference('OCT-NO-SESSION')),
      body: { charging_profile: TEST_PROFILE, response_url: t.peer.resultUrl('ChargingProfileResult') },
    });
    const findings = checkOcpiResponse(response.exchange, t.version, { data: 'ChargingProfileResponse' });
    t.check(findings);
    if (findings.some((f) => f.check === 'envelope.json-body' && f.status === 'fail')) return;
    const result = (response.body as { data?: { result?: unknown } } | undefined)?.data?.result;
    const check = 'chargingprofiles.unknown-session';
    t.check(result === 'UNKNOWN_SESSION'
      ? pass(check, 'result UNKNOWN_SESSION', { exchangeId: response.exchange.id })
      : fail(check, `result ${String(result)}: a request for a session the CPO does not know is answered with UNKNOWN_SESSION`, { exchangeId: response.exchange.id, at: '/data/result', expected: 'UNKNOWN_SESSION', actual: result ?? null }));
  },
});
