import { fail, pass } from '../../src/checks/finding.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import { DeadlineExceededError, type InboundRecord } from '../../src/runner/case-context.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { withQuery } from '../../src/transport/with-query.js';
import { judgeSender, SENDER_CHECKS } from './judge-sender.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

// How far back the tester looks in the CPO's Sessions list for a session of the blocked Token (clocks may differ).
const LOOK_BACK_MS = 5 * 60_000;

const pathOf = (record: InboundRecord): string => new URL(record.exchange.request.url).pathname.replace(/\/+$/, '');

// Steps: (1) through the trigger (docs/triggers.md) the tester asks the CPO's operator to start a session on an EVSE of
// a crawled Location with an RFID card of the tester's whose whitelist is NEVER and which is not valid; at the end of the
// run, whatever happened, it asks for the session on that EVSE to be stopped; (2) waits, within --deadline, for the
// CPO's POST to {tokens}/{token_uid}/authorize at its Tokens Sender, and answers BLOCKED; (3) looks for a Session of
// that Token: pushed to the tester by then, or in the CPO's Sessions list (one declared INVALID does not charge). Validated: the real-time authorization was asked (whitelist NEVER: the CPO SHALL), at the declared
// Tokens URL, with the token given, Base64, routing headers and valid LocationReferences; no Session started for the
// blocked Token.
export default defineCase({
  id: 'IN-AUTH-01',
  title: 'A CPO asks real-time authorization for a Token whose whitelist is NEVER, and does not charge it when blocked',
  module: 'tokens',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints', 'locationsList'],
  // It starts a session on the EVSE IN-SES-01 uses: one at a time.
  after: ['IN-SES-01'],
  skipWhen: notRegisteredWithTester,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Tokens module, Real-time authorization; WhitelistType enum; POST Authorize method; AllowedType enum',
    rule: 'For a Token whose whitelist is NEVER the CPO shall ask its eMSP for real-time authorization, whatever it knows of the Token\'s validity; an answer other than ALLOWED says charging is not allowed.',
  }, '2.3.0'),
  severity: 'required',
  checks: ['tokens.real-time-authorization', 'inbound.declared-endpoint', ...SENDER_CHECKS, 'schema.request', 'inbound.blocked-token-refused'],
  async run(t) {
    const sample = t.get('locationsList').sample as { readonly id?: string; readonly evses?: ReadonlyArray<{ readonly uid?: string }> } | undefined;
    const evse = sample?.evses?.[0]?.uid ?? t.skip('no crawled Location has an EVSE to ask for a session on');
    const token = t.peer.tokens?.find((candidate) => candidate.type === 'RFID' && candidate.whitelist === 'NEVER' && !candidate.valid) ?? t.skip('the tester has no blocked RFID card with whitelist NEVER');
    const site = { location_id: String(sample?.id), evse_uid: evse, receiver_url: t.peer.versionsUrl };
    const tokens = `${new URL(t.peer.detailsUrlOf(t.version)).pathname}/tokens`;
    const before = t.peer.inbound.since(0).at(-1)?.seq ?? 0;
    await t.trigger({ action: 'start-session', params: { ...site, token_uid: token.uid, token_type: token.type } });
    // A CPO that charges the blocked Token anyway leaves a session: at the end, whatever happened, one of that Token seen
    // by then is asked to stop.
    // A Session of the blocked Token that charges; one the CPO declared INVALID (not billed) does not.
    const charges = (session: unknown): boolean => {
      const { cdr_token: cdrToken, status } = (session ?? {}) as { cdr_token?: { uid?: unknown }; status?: unknown };
      return cdrToken?.uid === token.uid && status !== 'INVALID';
    };
    const sessionOf = (r: InboundRecord): boolean => ['PUT', 'PATCH'].includes(r.exchange.request.method) && /\/sessions\//.test(pathOf(r))
      && charges(r.exchange.request.body);
    // A session the CPO began for the blocked Token, once the case has seen it (pushed, or in the CPO's Sessions list).
    let charged: { readonly id: string; readonly exchangeId: string; readonly how: string } | undefined;
    t.compensateWithTrigger('IN-AUTH-01 session', `stop-session for a session of the blocked Token ${token.uid}, if one started`, () => {
      const pushed = t.peer.inbound.since(before).find(sessionOf);
      const id = charged?.id ?? (pushed?.exchange.request.body as { id?: unknown } | undefined)?.id;
      return charged || pushed ? { action: 'stop-session', params: { ...site, session_id: typeof id === 'string' ? id : '' } } : undefined;
    });
    const startedAt = Date.now();
    const isAuthorize = (r: InboundRecord): boolean => r.exchange.request.method === 'POST' && decodeURIComponent(pathOf(r)).toUpperCase().endsWith(`/${token.uid.toUpperCase()}/AUTHORIZE`);
    const asked = await t.waitForRequest(`the target to ask real-time authorization of Token ${token.uid}`, isAuthorize, { after: before })
      .catch((error: unknown) => { if (error instanceof DeadlineExceededError) return undefined; throw error; });
    if (!asked) {
      t.check(fail('tokens.real-time-authorization', `no real-time authorization of Token ${token.uid} (whitelist NEVER) reached the tester within ${t.deadlineMs} ms of asking for a session with it: for such a Token the CPO shall ask its eMSP before it charges`));
    } else {
      t.check(pass('tokens.real-time-authorization', `the CPO asked real-time authorization of Token ${token.uid} (whitelist NEVER)`, { exchangeId: asked.exchange.id }));
      const path = pathOf(asked);
      t.check(path.startsWith(`${tokens}/`)
        ? pass('inbound.declared-endpoint', `the authorization went to the declared Tokens Sender (${tokens})`, { exchangeId: asked.exchange.id })
        : fail('inbound.declared-endpoint', `POST ${path} is not under the Tokens URL the tester declared (${tokens}): a party calls only the endpoints its partner declared`, { exchangeId: asked.exchange.id, expected: `${tokens}/{token_uid}/authorize`, actual: path }));
      judgeSender(t, [asked], 'the authorization request');
      if (asked.exchange.request.body !== undefined) t.check(checkRequestBody(asked.exchange, t.version, 'LocationReferences'));
    }
    // Without the question the CPO never heard BLOCKED: what it did next is the missing question's failure, not another.
    if (!asked) return;
    // The tester answered BLOCKED (the Token is not valid): no session of it may start. Evidence, not a timer: a Session
    // pushed by now, else one in the CPO's own Sessions list since shortly before the attempt.
    const pushed = t.peer.inbound.since(before).find(sessionOf);
    if (pushed) charged = { id: String((pushed.exchange.request.body as { id?: unknown }).id ?? ''), exchangeId: pushed.exchange.id, how: 'pushed' };
    const sessions = t.get('endpoints').find((e) => e.identifier === 'sessions' && (e.role ?? '').toUpperCase() === 'SENDER')?.url;
    let looked = 'no Session of it was pushed';
    if (!charged && sessions) {
      const listed = await moduleRequest(t, { method: 'GET', url: withQuery(sessions, { date_from: ocpiNow(new Date(startedAt - LOOK_BACK_MS)) }) });
      const data = (listed.body as { data?: unknown } | undefined)?.data;
      const found = (Array.isArray(data) ? data : []).find(charges) as { id?: unknown } | undefined;
      if (found) charged = { id: String(found.id ?? ''), exchangeId: listed.exchange.id, how: 'listed in its Sessions' };
      looked = `no Session of it was pushed, nor listed in the CPO's Sessions since the attempt`;
    }
    t.check(charged
      ? fail('inbound.blocked-token-refused', `the CPO ${charged.how} a Session for Token ${token.uid}, which the tester answered BLOCKED: a Token whose authorization is not ALLOWED does not charge`, { exchangeId: charged.exchangeId })
      : pass('inbound.blocked-token-refused', `${looked}: the blocked Token ${token.uid} did not charge`, { exchangeId: asked.exchange.id }));
  },
});
