import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { EmspStore, PushedObject } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush, ownedObjectAddress, ownedObjectKey, unknownObject, vetFullPush } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

// The Session fields of cardinality 1; a PUT carries the full object.
const REQUIRED_FIELDS = [
  'country_code', 'party_id', 'id', 'start_date_time', 'kwh', 'cdr_token', 'auth_method', 'location_id', 'evse_uid', 'connector_id', 'currency', 'status', 'last_updated',
] as const;

const keyOf = (request: ServerRequest): string => ownedObjectKey(ownedObjectAddress(request, 'session_id'));

function getSession(store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const session = store.sessions.get(keyOf(request));
  return session ? { status: 200, body: envelope(session) } : unknownObject('Session');
}

// A PUT replaces the whole Session, its charging_periods included (none when it carries none).
function putSession(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const vetted = vetFullPush(request.body, ownedObjectAddress(request, 'session_id'), { what: 'Session', required: REQUIRED_FIELDS });
  if ('refusal' in vetted) return vetted.refusal;
  const { meter_id: _dropped, ...withoutMeterId } = vetted.object;
  const key = keyOf(request);
  const existed = store.sessions.has(key);
  store.sessions.set(key, party.faults.has('session-put-drops-field') ? withoutMeterId : { ...vetted.object });
  return { status: existed ? 200 : 201, body: envelope(undefined) };
}

/** The charging_periods after a PATCH adding some: the stored ones followed by the added ones. */
function periodsAfterPatch(party: PartyContext, stored: PushedObject, added: readonly unknown[]): unknown[] {
  if (party.faults.has('session-patch-replaces-periods')) return [...added];
  return [...(Array.isArray(stored['charging_periods']) ? (stored['charging_periods'] as unknown[]) : []), ...added];
}

function patchSession(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const key = keyOf(request);
  const stored = store.sessions.get(key);
  if (!stored) return unknownObject('Session');
  const body = asPushedObject(request.body);
  if (!body) return invalidPush('the body must be a partial Session object');
  if (body['last_updated'] === undefined || body['last_updated'] === null) return invalidPush('PATCH must contain last_updated');
  const added = body['charging_periods'] ?? [];
  if (!Array.isArray(added)) return invalidPush('charging_periods must be a list');
  // The identity stays the URL's, so the Session remains findable under its key.
  const identity = { country_code: stored['country_code'], party_id: stored['party_id'], id: stored['id'] };
  const { charging_periods: _periods, ...rest } = body;
  // An omitted or empty charging_periods leaves the stored list as it was.
  const periods = added.length > 0 ? { charging_periods: periodsAfterPatch(party, stored, added) } : {};
  store.sessions.set(key, { ...stored, ...rest, ...identity, ...periods });
  return { status: 200, body: envelope(undefined) };
}

/**
 * The eMSP's Sessions Receiver: GET, PUT and PATCH of one Session at `{url}/{country_code}/{party_id}/{session_id}`.
 * A PATCH's charging_periods are added to the stored ones; only a PUT replaces them.
 */
export function sessionsReceiverRoutes(party: PartyContext, store: EmspStore): ModuleRoute[] {
  const path = '/:country_code/:party_id/:session_id';
  return [
    { method: 'GET', path, handler: (request) => getSession(store, request) },
    { method: 'PUT', path, handler: (request) => putSession(party, store, request) },
    { method: 'PATCH', path, handler: (request) => patchSession(party, store, request) },
  ];
}
