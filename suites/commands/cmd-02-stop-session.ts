import { fail, pass } from '../../src/checks/finding.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { commandResultObject, commandUrl, continueIfAccepted, findSession, STARTED, unlessCommandsAllowed } from './command-steps.js';

// Steps: (1) tester POSTs STOP_SESSION for the session CMD-01 started (after the charging profile cases used it);
// (2) the target answers and POSTs the CommandResult; (3) tester looks the session up in the Sessions list.
// Validated: the CommandResponse, the CommandResult in time and valid, and the session COMPLETED.
export default defineCase({
  id: 'CMD-02',
  title: 'STOP_SESSION is answered, its result arrives in time, and the session completes',
  module: 'commands',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'commands', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'chargingSession'],
  after: ['CPR-01', 'CPR-02', 'CPR-03'],
  skipWhen: unlessCommandsAllowed,
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Commands module, STOP_SESSION; Sessions module',
    rule: 'A CPO answers STOP_SESSION with a CommandResponse, POSTs the CommandResult within the timeout it gave, and the session ends with status COMPLETED.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_commands.md: CPO Interface, POST Method; StopSession Object; mod_sessions.md: SessionStatus enum',
    rule: 'A CPO answers STOP_SESSION with a CommandResponse, POSTs the Charge Point\'s CommandResponse to the response_url when it has it, and the session ends with status COMPLETED.',
  }],
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS, 'commands.session-stopped'],
  async run(t) {
    const { sessionId } = t.get('chargingSession');
    const stopped = new Date();
    const outcome = await sendWithResult(t, {
      request: (responseUrl) => ({ method: 'POST', url: commandUrl(t, 'STOP_SESSION'), body: { response_url: responseUrl, session_id: sessionId } }),
      response: 'CommandResponse',
      result: commandResultObject(t),
      what: `the STOP_SESSION result (a ${commandResultObject(t)} POSTed to the response_url)`,
      name: 'STOP_SESSION',
    });
    if (outcome.result?.['result'] === 'ACCEPTED') t.settle(STARTED.session);
    continueIfAccepted(t, outcome, 'STOP_SESSION');
    if (outcome.failed) return;
    // A stopped session ends COMPLETED, or INVALID when the CPO judged it so (SessionStatus): both are ends.
    const completed = await t.poll('the session ended in the Sessions list', () => findSession(t, stopped, (s) => s['id'] === sessionId && (s['status'] === 'COMPLETED' || s['status'] === 'INVALID')));
    t.check(completed
      ? pass('commands.session-stopped', `session ${sessionId} is ${String(completed['status'])}`)
      : fail('commands.session-stopped', `session ${sessionId} did not show status COMPLETED (with a new last_updated) in the Sessions list within ${t.deadlineMs} ms of an ACCEPTED STOP_SESSION result`, { expected: 'COMPLETED' }));
  },
});
