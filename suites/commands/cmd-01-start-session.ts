import { fail, pass, warn } from '../../src/checks/finding.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ASYNC_REQUEST_CHECKS, sendWithResult } from '../common/async-request.js';
import { testTokenIn } from '../tokens/test-token.js';
import { commandResultObject, commandUrl, continueIfAccepted, findSession, newReference, stopAtTeardown, unlessCommandsAllowed } from './command-steps.js';

// The statuses of a session that is over; a session START_SESSION began has neither before it is stopped.
const ENDED: readonly string[] = ['COMPLETED', 'INVALID'];

// Steps: (1) tester POSTs START_SESSION for the charge site, with an authorization_reference of its own;
// (2) the target answers with a CommandResponse and, later, POSTs a CommandResult to the response_url;
// (3) tester looks for the session in the Sessions list. Validated: the CommandResponse, the CommandResult in time and
// valid, and a session carrying the reference (or the token) that is not COMPLETED.
export default defineCase({
  id: 'CMD-01',
  title: 'START_SESSION is answered, its result arrives in time, and the session appears',
  module: 'commands',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'commands', role: 'RECEIVER' },
  requires: ['session', 'endpoints', 'chargeSite'],
  provides: ['chargingSession'],
  after: ['CMD-04', 'LOC-04', 'SES-01', 'SES-02', 'SES-03', 'CDR-01', 'CDR-02', 'CDR-03'],
  skipWhen: unlessCommandsAllowed,
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Commands module, START_SESSION; Sessions module',
    rule: 'A CPO answers START_SESSION with a CommandResponse, POSTs the CommandResult to the response_url within the timeout it gave, and the started session is in its Sessions list.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_commands.md: CPO Interface, POST Method; eMSP Interface, POST Method; StartSession Object; mod_sessions.md',
    rule: 'A CPO answers START_SESSION with a CommandResponse, POSTs the Charge Point\'s CommandResponse to the response_url when it has it, and the started session is in its Sessions list.',
  }],
  severity: 'required',
  checks: [...ASYNC_REQUEST_CHECKS, 'commands.session-started'],
  async run(t) {
    const site = t.get('chargeSite');
    const token = testTokenIn(t.version, { type: 'APP_USER', whitelist: 'NEVER' });
    const reference = newReference('OCT-START');
    // A 2.1.1 StartSession names no connector and carries no authorization_reference: the session is found by the
    // token's auth_id at the Location.
    const v211 = t.version === '2.1.1';
    const started = new Date();
    let sessionId: string | undefined;
    const outcome = await sendWithResult(t, {
      request: (responseUrl) => ({
        method: 'POST',
        url: commandUrl(t, 'START_SESSION'),
        body: v211
          ? { response_url: responseUrl, token, location_id: site.locationId, evse_uid: site.evseUid }
          : { response_url: responseUrl, token, location_id: site.locationId, evse_uid: site.evseUid, connector_id: site.connectorId, authorization_reference: reference },
      }),
      response: 'CommandResponse',
      result: commandResultObject(t),
      what: `the START_SESSION result (a ${commandResultObject(t)} POSTed to the response_url)`,
      name: 'START_SESSION',
      // From here on the charger may be charging: whatever the checks say, the run stops it (CMD-02, or at teardown).
      onAccepted: () => stopAtTeardown(t, { reference, tokenUid: String(token['uid']), since: started, sessionId: () => sessionId }),
    });
    continueIfAccepted(t, outcome, 'START_SESSION');
    if (outcome.failed) return;
    if (!t.get('endpoints').some((e) => e.identifier === 'sessions')) t.skip('the target declares no Sessions module to find the session in');
    const ours = v211
      ? (s: Record<string, unknown>): boolean => s['auth_id'] === token['auth_id'] && (s['location'] as { id?: unknown } | undefined)?.id === site.locationId
      : (s: Record<string, unknown>): boolean => s['authorization_reference'] === reference || (s['cdr_token'] as { uid?: unknown } | undefined)?.uid === token['uid'];
    const session = await t.poll('the started session in the Sessions list', () => findSession(t, started, ours));
    if (!session || typeof session['id'] !== 'string') {
      // A charger accepts START_SESSION before an EV is plugged in, and a session may start only then (the spec's own
      // sequence shows it): no session is a warning, not a failure.
      const sought = v211 ? `auth_id ${String(token['auth_id'])} at Location ${site.locationId}` : `authorization_reference ${reference} or token ${String(token['uid'])}`;
      t.check(warn('commands.session-started', `no session with ${sought} appeared in the Sessions list within ${t.deadlineMs} ms of an ACCEPTED START_SESSION result; with an EV plugged in, one should`));
      return;
    }
    sessionId = session['id'];
    // Nothing has stopped it: a session that already ended (or never counted) is not the session the command started.
    if (ENDED.includes(String(session['status']))) {
      t.check(fail('commands.session-started', `session ${session['id']} of the ACCEPTED START_SESSION is ${String(session['status'])} in the Sessions list, though nothing stopped it: a session the command started is ACTIVE (or PENDING) until it is stopped`, { expected: 'ACTIVE or PENDING', actual: session['status'] }));
      return;
    }
    t.check(pass('commands.session-started', `session ${session['id']} (${String(session['status'])}) started`));
    t.provide('chargingSession', { sessionId: session['id'] });
  },
});
