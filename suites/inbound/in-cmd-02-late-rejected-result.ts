import { fail, pass } from '../../src/checks/finding.js';
import { acceptedByTarget } from '../../src/checks/ocpi-response.js';
import { PEER_COMMAND_TIMEOUT_S } from '../../src/runner/case-context.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { awaitStartSession } from './await-command.js';
import { resultUrl } from './send-result.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

// How long after the command the tester sends its result: later than at once, well within the timeout it gave.
const LATE_MS = 500;

// Steps: after IN-CMD-01, whose response_url took an ACCEPTED result at once, (1) the tester asks through the trigger
// for another START_SESSION on its own EVSE and answers it, as its endpoint does, with a CommandResponse ACCEPTED and
// a timeout of 30 s; (2) waits half a second; (3) POSTs a CommandResult REJECTED, with a message, to the command's
// response_url.
// Validated: the eMSP accepts that result (HTTP 2xx, status_code 1xxx), as it accepted the first: a CommandResult
// of any result type, arriving within the timeout the CPO gave, is one its response_url must take. How the answer is
// written is IN-CMD-01's to judge (the same endpoint), so a fault in its form fails once. Without IN-CMD-01's result
// taken, the case is skipped (one root cause, one failure).
export default defineCase({
  id: 'IN-CMD-02',
  title: 'A REJECTED CommandResult sent a while after the command, within the timeout given, is accepted at the response_url',
  module: 'commands',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'emsp',
  requires: ['session', 'commandResultTaken'],
  skipWhen: notRegisteredWithTester,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Commands module, Sender interface (response_url); CommandResponse timeout; CommandResult and CommandResultType',
    rule: 'The CPO POSTs the CommandResult, whatever its result, to the response_url; the CommandResponse timeout says how long the eMSP is to expect it.',
  }, '2.3.0'),
  severity: 'required',
  checks: ['commands.result-accepted'],
  async run(t) {
    const record = await awaitStartSession(t);
    const responseUrl = resultUrl(t, record) ?? t.skip('the second START_SESSION carried no response_url (IN-CMD-01 judges the commands the target sends)');
    await new Promise((resolve) => setTimeout(resolve, LATE_MS));
    const result = await moduleRequest(t, {
      method: 'POST',
      url: responseUrl,
      body: { result: 'REJECTED', message: [{ language: 'en', text: 'Refused by the conformance tester: no charger is behind this EVSE.' }] },
    });
    const response = result.exchange.response;
    const code = (response?.body as { status_code?: unknown } | undefined)?.status_code;
    const answered = `HTTP ${response?.status ?? '-'}${code === undefined ? '' : `, status_code ${String(code)}`}`;
    t.check(acceptedByTarget(result.exchange)
      ? pass('commands.result-accepted', `the response_url took a CommandResult REJECTED ${LATE_MS} ms after the command, within the ${PEER_COMMAND_TIMEOUT_S} s timeout the tester gave`, { exchangeId: result.exchange.id })
      : fail('commands.result-accepted', `the response_url refused a CommandResult REJECTED sent ${LATE_MS} ms after the command, within the ${PEER_COMMAND_TIMEOUT_S} s timeout the tester gave (${answered}), though it took an ACCEPTED one at once: a response_url takes every CommandResult the CPO sends within the timeout`,
        { exchangeId: result.exchange.id, expected: 'HTTP 2xx with a status_code 1xxx', actual: answered }));
  },
});
