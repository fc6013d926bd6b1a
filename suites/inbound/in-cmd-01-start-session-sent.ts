import { fail, pass } from '../../src/checks/finding.js';
import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { awaitStartSession } from './await-command.js';
import { judgeSender, SENDER_CHECKS } from './judge-sender.js';
import { sendResult } from './send-result.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

// Steps: (1) the tester, playing the CPO, asks the eMSP's operator through the trigger (docs/triggers.md) to send a
// START_SESSION for one of the tester's own EVSEs; (2) waits, within --deadline, for a POST under its declared
// Commands Receiver and answers it, as its endpoint does, with a CommandResponse ACCEPTED; (3) POSTs a CommandResult
// ACCEPTED to the command's response_url, with the token the target gave the tester. No charger is involved: the EVSE
// is the tester's own, and nothing starts. Validated: the command went to {commands}/START_SESSION of the URL the
// tester declared; it carried the token the tester gave the target, Base64-encoded, and the routing headers; its body is a valid StartSession (response_url,
// token, location_id); the response_url takes the CommandResult (HTTP 200, status_code 1000).
export default defineCase({
  id: 'IN-CMD-01',
  title: 'A START_SESSION the eMSP is asked to send arrives at the tester\'s declared Commands Receiver, valid, and its response_url takes the result',
  module: 'commands',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'emsp',
  requires: ['session'],
  provides: ['commandResultTaken'],
  skipWhen: notRegisteredWithTester,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Commands module, Receiver interface, POST method; StartSession object; Sender interface (response_url)',
    rule: 'An eMSP sends a command by POST to {commands}/{command} of the CPO\'s Receiver, with a complete command object whose response_url is where the CPO POSTs the CommandResult, which the eMSP accepts.',
  }, '2.3.0'),
  severity: 'required',
  checks: ['inbound.declared-endpoint', ...SENDER_CHECKS, 'schema.request', ...OCPI_RESPONSE_CHECKS],
  async run(t) {
    const declared = new URL(`${t.peer.detailsUrlOf(t.version)}/commands`).pathname;
    const record = await awaitStartSession(t);
    const at = { exchangeId: record.exchange.id };
    const path = new URL(record.exchange.request.url).pathname.replace(/\/+$/, '');
    if (path !== `${declared}/START_SESSION`) {
      t.check(fail('inbound.declared-endpoint', `the command was POSTed to ${path}, not to ${declared}/START_SESSION: a command goes to {commands}/{command} of the Commands Receiver URL the CPO declared`, { ...at, expected: `${declared}/START_SESSION`, actual: path }));
      return;
    }
    t.check(pass('inbound.declared-endpoint', `the command went to ${declared}/START_SESSION`, at));
    judgeSender(t, [record], 'the command');
    const body = checkRequestBody(record.exchange, t.version, 'StartSession');
    t.check(body);
    // Without a response_url (the schema check said so) there is nowhere to send the result.
    const judged = await sendResult(t, record, { result: 'ACCEPTED' });
    // IN-CMD-02 sends a REJECTED result later, to a response_url that took this one.
    if (judged?.every((finding) => finding.status !== 'fail')) t.provide('commandResultTaken', { by: 'IN-CMD-01' });
  },
});
