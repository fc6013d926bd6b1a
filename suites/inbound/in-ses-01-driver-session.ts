import { fail, pass, warn } from '../../src/checks/finding.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import type { Finding } from '../../src/model/finding.js';
import { DeadlineExceededError, type CaseContext, type InboundRecord } from '../../src/runner/case-context.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { sameInstant } from '../../src/schemas/ocpi-datetime.js';
import { judgeOwner, judgeSender, SENDER_CHECKS } from './judge-sender.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

type Body = Record<string, unknown>;

// The compensation that stops the session this case asked for, settled once it asked for the stop itself.
const STOP = 'IN-SES-01 session';

const bodyOf = (record: InboundRecord): Body => (record.exchange.request.body ?? {}) as Body;
const pathOf = (record: InboundRecord): string => new URL(record.exchange.request.url).pathname.replace(/\/+$/, '');
const at = (record: InboundRecord): Partial<Finding> => ({ exchangeId: record.exchange.id });

/** Whether a record is a push of the Session `id` (PUT or PATCH under the Sessions Receiver path). */
const isSessionPush = (record: InboundRecord, id?: string): boolean => ['PUT', 'PATCH'].includes(record.exchange.request.method)
  && /\/sessions\//.test(pathOf(record)) && (id === undefined || decodeURIComponent(pathOf(record).split('/').at(-1) ?? '') === id);

/** Judges a CDR POST: the declared URL, the token, a valid CDR, its totals and times agreeing with the Session's last push. */
function judgeCdr(t: CaseContext, record: InboundRecord, session: Body | undefined, declared: string): void {
  const path = pathOf(record);
  t.check(path === declared
    ? pass('inbound.declared-endpoint', `the CDR was POSTed to the declared CDRs Receiver (${declared})`, at(record))
    : fail('inbound.declared-endpoint', `the CDR was POSTed to ${path}, not to ${declared}: a CDR goes to the CDRs Receiver URL the eMSP declared`, { ...at(record), expected: declared, actual: path }));
  t.check(checkRequestBody(record.exchange, t.version, 'CDR'));
  judgeOwner(t, record, bodyOf(record), `the CDR of session ${String(bodyOf(record)['session_id'])}`);
  // Without the Session's completion (inbound.session-completed said so) there is no final Session to compare with.
  if (!session) return;
  const cdr = bodyOf(record);
  const differences: string[] = [];
  if (typeof session['kwh'] === 'number' && typeof cdr['total_energy'] === 'number' && Math.abs(session['kwh'] - cdr['total_energy']) > 1e-6) differences.push(`total_energy ${cdr['total_energy']} against the Session's kwh ${session['kwh']}`);
  if (typeof session['start_date_time'] === 'string' && typeof cdr['start_date_time'] === 'string' && !sameInstant(session['start_date_time'], cdr['start_date_time'])) differences.push(`start_date_time ${cdr['start_date_time']} against the Session's ${session['start_date_time']}`);
  t.check(differences.length === 0
    ? pass('inbound.cdr-matches-session', 'the CDR\'s energy and start agree with the Session as last pushed', at(record))
    : warn('inbound.cdr-matches-session', `the CDR of session ${String(cdr['session_id'])} differs from the Session as last pushed: ${differences.join('; ')}: a CDR closes the Session it describes, so its totals should agree`, at(record)));
}

// Steps: (1) through the trigger (docs/triggers.md) the tester asks the CPO's operator to start a session, with one of
// the tester's own Tokens, on an EVSE of a crawled Location; (2) waits, within --deadline, for the Session PUT to the
// tester's declared Sessions Receiver; (3) asks for that session to be stopped; (4) waits for the CDR POSTed to its
// declared CDRs Receiver (the Session's updates in between are recorded). Validated: the Session went to
// {sessions}/{country_code}/{party_id}/{session_id} of the declared URL, the ids matching the body's, with the token the
// tester gave and a valid Session; each PATCH carried last_updated; the completion was pushed (status COMPLETED); the
// session was closed by a CDR at the declared CDRs URL, valid, whose energy and start agree with the Session (warns
// otherwise, as a CDR that comes after the deadline: no time is set for it).
export default defineCase({
  id: 'IN-SES-01',
  title: 'A session the CPO is asked to run is pushed as a Session, completed, and closed by a CDR at the tester\'s declared Receivers',
  module: 'sessions',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints', 'locationsList'],
  // The session it starts joins the Sessions and CDRs lists and changes an EVSE's status: the cases reading them go first (as CMD-01).
  after: ['LOC-04', 'SES-01', 'SES-02', 'SES-03', 'CDR-01', 'CDR-02', 'CDR-03'],
  skipWhen: notRegisteredWithTester,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Sessions module, Flow and Receiver interface (PUT, PATCH); CDRs module, Flow and Receiver interface (POST); Transport and format, PATCH',
    rule: 'A CPO pushes a new Session with PUT to {url}/{country_code}/{party_id}/{session_id} of its eMSP\'s Receiver, sends every change with PATCH (carrying last_updated), and POSTs the CDR to the eMSP\'s CDRs Receiver when the session ends.',
  }, '2.3.0'),
  severity: 'required',
  checks: ['inbound.declared-endpoint', 'inbound.url-structure', ...SENDER_CHECKS, 'schema.request', 'inbound.object-owner', 'inbound.patch-last-updated', 'inbound.session-completed', 'inbound.session-closed-by-cdr', 'inbound.cdr-matches-session'],
  async run(t) {
    const sample = t.get('locationsList').sample as { readonly id?: string; readonly evses?: ReadonlyArray<{ readonly uid?: string }> } | undefined;
    const evse = sample?.evses?.[0]?.uid ?? t.skip('no crawled Location has an EVSE to ask for a session on');
    const token = t.peer.tokens?.[0] ?? t.skip('the tester has no Token of its own to start a session with');
    const sessions = `${new URL(t.peer.detailsUrlOf(t.version)).pathname}/sessions`;
    const cdrs = `${new URL(t.peer.detailsUrlOf(t.version)).pathname}/cdrs`;
    const before = t.peer.inbound.since(0).at(-1)?.seq ?? 0;
    const site = { location_id: String(sample?.id), evse_uid: evse, receiver_url: t.peer.versionsUrl };
    let sessionId = '';
    await t.trigger({ action: 'start-session', params: { ...site, token_uid: token.uid, token_type: token.type } });
    // Whatever happens next, the session asked for is asked to stop at the end (DESIGN §7), unless this case stops it.
    t.compensateWithTrigger(STOP, 'stop-session for the session IN-SES-01 asked for', () => ({ action: 'stop-session', params: { ...site, session_id: sessionId } }));
    const started = await t.waitForRequest('the target to push the started Session to the tester', (r) => isSessionPush(r), { after: before });
    sessionId = String(bodyOf(started)['id'] ?? '');
    const path = pathOf(started);
    if (!path.startsWith(`${sessions}/`)) {
      t.check(fail('inbound.declared-endpoint', `${started.exchange.request.method} ${path} is not under the Sessions Receiver URL the tester declared (${sessions}): a party calls only the endpoints its partner declared`, { ...at(started), expected: `${sessions}/...`, actual: path }));
      return;
    }
    t.check(pass('inbound.declared-endpoint', `the Session went to the declared Sessions Receiver (${sessions})`, at(started)));
    const ids = path.slice(sessions.length + 1).split('/').map(decodeURIComponent);
    const pushed = bodyOf(started);
    const structured = ids.length === 3 && (started.exchange.request.method !== 'PUT' || (pushed['country_code'] === ids[0] && pushed['party_id'] === ids[1] && pushed['id'] === ids[2]));
    t.check(structured
      ? pass('inbound.url-structure', `the URL names ${ids.join('/')}, as the body does`, at(started))
      : fail('inbound.url-structure', `the URL must name the country_code, party_id and id of the Session after the Receiver URL; it names ${ids.join('/')} and the body ${String(pushed['country_code'])}/${String(pushed['party_id'])}/${String(pushed['id'])}`, { ...at(started), expected: 'country_code/party_id/id of the body', actual: ids.join('/') }));
    if (started.exchange.request.method === 'PUT') {
      t.check(checkRequestBody(started.exchange, t.version, 'Session'));
      judgeOwner(t, started, pushed, `the pushed Session ${ids[2] ?? ''}`);
    }
    sessionId = ids[2] ?? t.skip('the pushed Session names no id in its URL');
    const mark = started.seq;
    await t.trigger({ action: 'stop-session', params: { ...site, session_id: sessionId } });
    t.settle(STOP);
    let cdr: InboundRecord | undefined;
    try {
      cdr = await t.waitForRequest(`the target to POST the CDR of session ${sessionId}`, (r) => r.exchange.request.method === 'POST' && bodyOf(r)['session_id'] === sessionId, { after: mark });
    } catch (error) {
      if (!(error instanceof DeadlineExceededError)) throw error;
    }
    // Every update of the Session between its start and the CDR (or the deadline), oldest first.
    const updates = [...t.peer.inbound.since(mark).filter((r) => isSessionPush(r, sessionId))];
    const completes = (r: InboundRecord): boolean => isSessionPush(r, sessionId) && bodyOf(r)['status'] === 'COMPLETED';
    // A completion sent after the CDR (from another queue, say) is as good: waited for within the deadline.
    const late = updates.some(completes) || !cdr ? undefined : await t.waitForRequest(`the completion of session ${sessionId}`, completes, { after: updates.at(-1)?.seq ?? cdr.seq })
      .catch((error: unknown) => { if (error instanceof DeadlineExceededError) return undefined; throw error; });
    if (late) updates.push(late);
    t.attach(...updates.map((r) => r.exchange));
    for (const update of updates) t.peer.claim(update);
    const patches = updates.filter((r) => r.exchange.request.method === 'PATCH');
    const bare = patches.filter((r) => bodyOf(r)['last_updated'] === undefined);
    if (patches.length > 0) {
      t.check(bare.length === 0
        ? pass('inbound.patch-last-updated', `each of the ${patches.length} Session PATCH(es) carried last_updated`, at(patches[0] as InboundRecord))
        : bare.map((r) => fail('inbound.patch-last-updated', `the Session PATCH ${pathOf(r)} carries no last_updated: every PATCH must carry it`, at(r))));
    }
    // The Session as the eMSP holds it after the updates: the PUT, then each update applied.
    const latest = updates.reduce<Body>((held, r) => (r.exchange.request.method === 'PUT' ? bodyOf(r) : { ...held, ...bodyOf(r) }), pushed);
    const completion = updates.find(completes);
    t.check(completion
      ? pass('inbound.session-completed', `the Session's completion (status COMPLETED) was pushed with ${completion.exchange.request.method}`, at(completion))
      : fail('inbound.session-completed', `no PUT or PATCH of session ${sessionId} set its status to COMPLETED after it was stopped${cdr ? `, by ${t.deadlineMs} ms after its CDR` : ''}: a CPO sends every change of a Session to its eMSP`, { exchangeId: (cdr ?? started).exchange.id }));
    if (!cdr) {
      judgeSender(t, [started, ...updates], 'the push');
      t.check(warn('inbound.session-closed-by-cdr', `no CDR for session ${sessionId} arrived within ${t.deadlineMs} ms of asking for it to stop: a CPO POSTs the CDR of an ended session to its eMSP (no time is set, so a later CDR is allowed; raise --deadline to wait longer)`, at(started)));
      return;
    }
    t.check(pass('inbound.session-closed-by-cdr', `session ${sessionId} was closed by CDR ${String(bodyOf(cdr)['id'])}`, at(cdr)));
    judgeCdr(t, cdr, completion ? latest : undefined, cdrs);
    // Every push of the flow (the Session, its updates, the CDR) carries the token given and is addressed to the tester.
    judgeSender(t, [started, ...updates, cdr], 'the push');
  },
});
