import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { EmspStore, PushedObject } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush, keyOfRequest, ownedObjectRoutes, unknownObject, type OwnedObjectKind } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

// The Session fields of cardinality 1; a PUT carries the full object.
const REQUIRED_FIELDS = [
  'country_code', 'party_id', 'id', 'start_date_time', 'kwh', 'cdr_token', 'auth_method', 'location_id', 'evse_uid', 'connector_id', 'currency', 'status', 'last_updated',
] as const;
// A 2.1.1 Session: no owner, start_datetime, the token's auth_id and the Location embedded.
const REQUIRED_FIELDS_211 = ['id', 'start_datetime', 'kwh', 'auth_id', 'auth_method', 'location', 'currency', 'status', 'last_updated'] as const;

/** The charging_periods after a PATCH adding some: the stored ones followed by the added ones. */
function periodsAfterPatch(party: PartyContext, stored: PushedObject, added: readonly unknown[]): unknown[] {
  if (party.faults.has('session-patch-replaces-periods')) return [...added];
  return [...(Array.isArray(stored['charging_periods']) ? (stored['charging_periods'] as unknown[]) : []), ...added];
}

function patchSession(party: PartyContext, kind: OwnedObjectKind, request: ServerRequest): ServerResponseSpec {
  const key = keyOfRequest(request, kind);
  const stored = kind.objects.get(key);
  if (!stored) return unknownObject('Session');
  const body = asPushedObject(request.body);
  if (!body) return invalidPush('the body must be a partial Session object');
  // 2.1.1 requires no last_updated in a PATCH (spec-notes X9), and a charging_periods sent replaces the stored list.
  const v211 = party.version === '2.1.1';
  if (!v211 && (body['last_updated'] === undefined || body['last_updated'] === null)) return invalidPush('PATCH must contain last_updated');
  const added = body['charging_periods'] ?? [];
  if (!Array.isArray(added)) return invalidPush('charging_periods must be a list');
  // The identity stays the URL's, so the Session remains findable under its key.
  const identity = v211 ? { id: stored['id'] } : { country_code: stored['country_code'], party_id: stored['party_id'], id: stored['id'] };
  const { charging_periods: _periods, ...rest } = body;
  // An omitted or empty charging_periods leaves the stored list as it was.
  const periods = v211 && body['charging_periods'] !== undefined ? { charging_periods: added } : added.length > 0 ? { charging_periods: periodsAfterPatch(party, stored, added) } : {};
  kind.objects.set(key, { ...stored, ...rest, ...identity, ...periods });
  return { status: 200, body: envelope(undefined) };
}

/**
 * The eMSP's Sessions Receiver: GET, PUT and PATCH of one Session at `{url}/{country_code}/{party_id}/{session_id}`.
 * A PATCH's charging_periods are added to the stored ones; only a PUT replaces them.
 */
export function sessionsReceiverRoutes(party: PartyContext, store: EmspStore): ModuleRoute[] {
  // A PUT replaces the whole Session, its charging_periods included (none when it carries none).
  const kind: OwnedObjectKind = { what: 'Session', idParam: 'session_id', required: party.version === '2.1.1' ? REQUIRED_FIELDS_211 : REQUIRED_FIELDS, objects: store.sessions, dropOnFault: { fault: 'session-put-drops-field', field: 'meter_id' } };
  return [
    ...ownedObjectRoutes(party, kind),
    { method: 'PATCH', path: '/:country_code/:party_id/:session_id', handler: (request) => patchSession(party, kind, request) },
  ];
}
