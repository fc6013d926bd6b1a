import type { TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import type { Cdr, Session } from '../ocpi-data/ocpi-objects.js';
import { cdrLocationOf } from '../ocpi-data/generate-sessions.js';
import { shapeForVersion } from '../ocpi-data/shape-for-version.js';
import type { CpoStore } from './cpo-store.js';
import type { PartyContext } from './party-context.js';
import { pushToPartner, sendToPartner } from './push-to-partner.js';

// What the simulated driver charges, in kWh, and the price the reference CPO asks for it (EUR excl. and incl. VAT).
const CHARGED_KWH = 7.5;
const PRICE = { excl_vat: 2.25, incl_vat: 2.72 };

/** A CDR's singular URL slip (fault cdr-to-undeclared-url): `…/cdr` instead of the `…/cdrs` the partner declared. */
const singular = (declared: string): string => declared.replace(/\/cdrs\/*$/, '/cdr');

/**
 * The reference CPO's `start-session` trigger: a driver starts charging at the EVSE asked for (the first of the
 * Location when none is named, the first Location when it is unknown) with the Token uid asked for, a Token of its
 * partner's; the CPO records an ACTIVE Session (its Sessions list shows it) and PUTs it to the partner's Sessions
 * Receiver at `{url}/{country_code}/{party_id}/{session_id}`.
 */
export async function startDriverSession(party: PartyContext, store: CpoStore, request: TriggerRequest): Promise<TriggerOutcome> {
  const registration = party.state.registration;
  if (!registration) return { status: 'failed', reason: 'the reference CPO is not registered with a partner' };
  const location = store.location(request.params['location_id'] ?? '') ?? store.locations[0];
  const evse = location?.evses?.find((e) => e.uid === request.params['evse_uid']) ?? location?.evses?.[0];
  const connector = evse?.connectors[0];
  if (!location || !evse || !connector) return { status: 'failed', reason: 'the reference CPO has no EVSE to start a session on' };
  const uid = request.params['token_uid'] ?? 'UNKNOWN';
  const type = request.params['token_type'] ?? 'RFID';
  // A driver whose Token the partner refuses does not charge: no session.
  const refused = await authorizationRefused(party, { uid, type, locationId: location.id, evseUid: evse.uid });
  if (refused) return { status: 'done', detail: refused };
  const owner = registration.partner ?? { countryCode: party.countryCode, partyId: party.partyId };
  const now = store.now();
  const session: Session = {
    country_code: party.countryCode,
    party_id: party.partyId,
    id: store.nextId('SES'),
    start_date_time: now,
    kwh: 0,
    cdr_token: { country_code: owner.countryCode, party_id: owner.partyId, uid, type, contract_id: `${owner.countryCode}-${owner.partyId}-C${uid.slice(-8)}` },
    auth_method: 'WHITELIST',
    location_id: location.id,
    evse_uid: evse.uid,
    connector_id: connector.id,
    currency: 'EUR',
    charging_periods: [],
    status: 'ACTIVE',
    last_updated: now,
  };
  store.sessions.push(session);
  const spoken = party.inVersion(registration.version);
  return pushToPartner(party, {
    module: 'sessions',
    method: 'PUT',
    ids: [party.countryCode, party.partyId, session.id],
    body: shapeForVersion(spoken.version, 'sessions', session, store),
    ownToken: party.faults.has('session-push-with-own-token'),
  });
}

/**
 * Real-time authorization before a driver charges (Tokens module: the CPO asks its eMSP, which it always does here, as
 * for a Token whose whitelist is NEVER): a POST to the partner's `{tokens}/{uid}/authorize?type=` with the Location and
 * EVSE. Why the driver may not charge (an answer other than ALLOWED, an unknown Token), or undefined when it may, or
 * when the partner declared no Tokens Sender to ask. Faults skip the question, or charge whatever the answer.
 */
async function authorizationRefused(party: PartyContext, driver: { readonly uid: string; readonly type: string; readonly locationId: string; readonly evseUid: string }): Promise<string | undefined> {
  if (party.faults.has('no-real-time-authorization') || party.inVersion(party.state.registration?.version ?? party.version).version === '2.1.1') return undefined;
  const answer = await sendToPartner(party, { module: 'tokens', method: 'POST', ids: [driver.uid, 'authorize'], query: { type: driver.type }, body: { location_id: driver.locationId, evse_uids: [driver.evseUid] } }, 'SENDER');
  if ('outcome' in answer) return answer.outcome.status === 'failed' ? answer.outcome.reason : undefined;
  const allowed = (answer.response.body as { data?: { allowed?: unknown } } | undefined)?.data?.allowed;
  if (allowed === 'ALLOWED' || party.faults.has('blocked-token-charges')) return undefined;
  return `the partner answered the real-time authorization of ${driver.uid} with ${typeof allowed === 'string' ? allowed : `HTTP ${answer.response.status}`}: no session`;
}

/**
 * The reference CPO's `stop-session` trigger: the driver stops; the CPO completes the Session (7.5 kWh, one charging
 * period), PATCHes the change to the partner's Sessions Receiver with last_updated (the variant session-updates-by-put
 * PUTs the whole Session instead), then creates the CDR and POSTs it to the partner's CDRs Receiver (the variant
 * session-completed-after-cdr sends the CDR first). Faults leave out
 * last_updated, the completion, or the CDR, or make the CDR's energy differ from the Session's.
 */
export async function stopDriverSession(party: PartyContext, store: CpoStore, request: TriggerRequest): Promise<TriggerOutcome> {
  const registration = party.state.registration;
  if (!registration) return { status: 'failed', reason: 'the reference CPO is not registered with a partner' };
  const id = request.params['session_id'] ?? '';
  // Without an id (the partner never learned it), the latest active session on the EVSE named.
  const session = id !== '' ? store.session(id) : [...store.sessions].reverse().find((s) => s.status === 'ACTIVE' && s.location_id === request.params['location_id'] && s.evse_uid === request.params['evse_uid']);
  if (!session) return { status: 'failed', reason: id !== '' ? `the reference CPO has no session ${id}` : 'the reference CPO has no active session on that EVSE' };
  if (session.status !== 'ACTIVE') return { status: 'done', detail: `session ${session.id} is not active` };
  const location = store.location(session.location_id);
  const evse = location?.evses?.find((e) => e.uid === session.evse_uid);
  const connector = evse?.connectors.find((c) => c.id === session.connector_id);
  if (!location || !evse || !connector) return { status: 'failed', reason: `the EVSE of session ${session.id} is gone` };
  const end = store.now();
  const closed: Session = {
    ...session,
    status: 'COMPLETED',
    end_date_time: end,
    kwh: CHARGED_KWH,
    charging_periods: [{ start_date_time: session.start_date_time, dimensions: [{ type: 'ENERGY', volume: CHARGED_KWH }] }],
    total_cost: PRICE,
    last_updated: end,
  };
  store.updateSession(closed);
  const spoken = party.inVersion(registration.version);
  const shaped = shapeForVersion(spoken.version, 'sessions', closed, store) as unknown as Record<string, unknown>;
  const completion = async (): Promise<TriggerOutcome> => {
    if (party.faults.has('session-completion-not-pushed')) return { status: 'done' };
    const ids = [party.countryCode, party.partyId, session.id];
    const byPut = party.variants.has('session-updates-by-put');
    const changed = ['status', 'end_date_time', 'kwh', 'charging_periods', 'total_cost', ...(party.faults.has('session-patch-without-last-updated') ? [] : ['last_updated'])];
    const body = byPut ? shaped : Object.fromEntries(changed.map((field) => [field, shaped[field]]));
    return pushToPartner(party, { module: 'sessions', method: byPut ? 'PUT' : 'PATCH', ids, body });
  };
  const closing = async (): Promise<TriggerOutcome> => {
    if (party.faults.has('session-never-closed-by-cdr')) return { status: 'done' };
    const cdr: Cdr = {
      country_code: party.countryCode,
      party_id: party.partyId,
      id: store.nextId('CDR'),
      start_date_time: closed.start_date_time,
      end_date_time: end,
      session_id: session.id,
      cdr_token: closed.cdr_token,
      auth_method: closed.auth_method,
      cdr_location: cdrLocationOf(location, evse, connector),
      currency: closed.currency,
      charging_periods: closed.charging_periods ?? [],
      total_cost: PRICE,
      // A CDR whose energy is not the session's (a meter read at another moment, say).
      total_energy: party.faults.has('cdr-energy-differs') ? CHARGED_KWH + 1 : CHARGED_KWH,
      total_time: 0.5,
      last_updated: end,
    };
    store.cdrs.push(cdr);
    return pushToPartner(party, {
      module: 'cdrs',
      method: 'POST',
      ids: [],
      body: shapeForVersion(spoken.version, 'cdrs', cdr, store),
      ...(party.faults.has('cdr-to-undeclared-url') ? { rewrite: singular } : {}),
    });
  };
  // The completion, then the CDR; under the variant the CDR goes first (two queues of the CPO's, say).
  const [first, second] = party.variants.has('session-completed-after-cdr') ? [closing, completion] : [completion, closing];
  const done = await first();
  return done.status === 'done' ? second() : done;
}
