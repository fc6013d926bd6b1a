import { fail, pass } from '../../src/checks/finding.js';
import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { awaitTriggered } from './await-command.js';
import { judgeSender, SENDER_CHECKS } from './judge-sender.js';
import { sendResult } from './send-result.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

// Steps: (1) the tester, playing the CPO, asks the eMSP's operator through the trigger (docs/triggers.md) to send a
// ChargingProfile for one of the tester's own Sessions; (2) waits, within --deadline, for a PUT under its declared
// ChargingProfiles Receiver and answers it, as its endpoint does, with a ChargingProfileResponse ACCEPTED; (3) POSTs a
// ChargingProfileResult ACCEPTED to the request's response_url, with the token the target gave the tester. No charger
// is involved: the Session is the tester's own. Validated: the PUT went to {chargingprofiles}/{session_id} of the URL
// the tester declared; it carried the token the tester gave the target, Base64-encoded, and the routing headers; its
// body is a valid SetChargingProfile (charging_profile, response_url); the response_url takes the result (HTTP 200,
// status_code 1000).
export default defineCase({
  id: 'IN-CPR-01',
  title: 'A ChargingProfile the eMSP is asked to send arrives at the tester\'s declared ChargingProfiles Receiver, valid, and its response_url takes the result',
  module: 'chargingprofiles',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'emsp',
  requires: ['session'],
  skipWhen: notRegisteredWithTester,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Charging Profiles module, Receiver interface, PUT method; SetChargingProfile object; Sender interface (response_url)',
    rule: 'The Sender (an eMSP or SCSP) sets a ChargingProfile with a PUT to {chargingprofiles}/{session_id} of the CPO\'s Receiver, with a SetChargingProfile whose response_url is where the CPO POSTs the ChargingProfileResult, which the Sender accepts.',
  }, '2.3.0'),
  severity: 'required',
  checks: ['inbound.declared-endpoint', ...SENDER_CHECKS, 'schema.request', ...OCPI_RESPONSE_CHECKS],
  async run(t) {
    const sessionId = t.peer.firstSessionId ?? t.skip('the tester has no Session of its own to set a ChargingProfile on');
    const declared = new URL(`${t.peer.detailsUrlOf(t.version)}/chargingprofiles`).pathname;
    const record = await awaitTriggered(t, { action: 'send-charging-profile', params: { session_id: sessionId, receiver_url: t.peer.versionsUrl } },
      `the target to send a ChargingProfile for Session ${sessionId} to the tester`,
      (r) => r.exchange.request.method === 'PUT' && decodeURIComponent(new URL(r.exchange.request.url).pathname).replace(/\/+$/, '').endsWith(`/${sessionId}`));
    const at = { exchangeId: record.exchange.id };
    const path = decodeURIComponent(new URL(record.exchange.request.url).pathname).replace(/\/+$/, '');
    if (path !== `${declared}/${sessionId}`) {
      t.check(fail('inbound.declared-endpoint', `the ChargingProfile was PUT to ${path}, not to ${declared}/${sessionId}: a ChargingProfile goes to {chargingprofiles}/{session_id} of the ChargingProfiles Receiver URL the CPO declared`, { ...at, expected: `${declared}/${sessionId}`, actual: path }));
      return;
    }
    t.check(pass('inbound.declared-endpoint', `the ChargingProfile went to ${declared}/${sessionId}`, at));
    judgeSender(t, [record], 'the ChargingProfile');
    t.check(checkRequestBody(record.exchange, t.version, 'SetChargingProfile'));
    // Without a response_url (the schema check said so) there is nowhere to send the result.
    await sendResult(t, record, { result: 'ACCEPTED' });
  },
});
