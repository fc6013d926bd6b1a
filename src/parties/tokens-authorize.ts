import { randomUUID } from 'node:crypto';
import { ocpiNow } from '../schemas/ocpi-datetime.js';
import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { Token } from '../ocpi-data/ocpi-objects.js';
import type { EmspStore } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import type { PartyContext } from './party-context.js';
import { sameCi } from './owned-object-push.js';
import { token211 } from '../ocpi-data/token-211.js';

/** Where a CPO asks to charge: a Location of its own and, optionally, some of its EVSEs. */
interface LocationReferences {
  readonly location_id: string;
  readonly evse_uids?: readonly string[];
}

// location_id and evse_uids are CiString(36): printable ASCII, at most 36 characters (2.1.1: string(39)).
const isIdString = (max: number) => (value: unknown): value is string => typeof value === 'string' && value.length <= max && /^[\x20-\x7E]*$/.test(value);

/** The LocationReferences of a request body, or a message saying why the body is not one. */
function locationReferences(party: PartyContext, body: unknown): LocationReferences | string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a LocationReferences object';
  const { location_id: locationId, evse_uids: evseUids } = body as Record<string, unknown>;
  const max = party.version === '2.1.1' ? 39 : 36;
  const isId = isIdString(max);
  if (!isId(locationId) || locationId === '') return `LocationReferences.location_id must be a string of at most ${max} characters`;
  if (evseUids === undefined) return { location_id: locationId };
  if (!Array.isArray(evseUids) || !evseUids.every(isId)) return `LocationReferences.evse_uids must be a list of strings of at most ${max} characters`;
  return { location_id: locationId, evse_uids: evseUids };
}

// What the eMSP says about a known token: valid ones may charge anywhere, the others are blocked.
function allowedFor(party: PartyContext, token: Token, location: LocationReferences | undefined): string {
  if (party.faults.has('authorize-ignores-validity')) return 'ALLOWED';
  if (!token.valid) return 'BLOCKED';
  return location && party.faults.has('authorize-valid-token-not-allowed') ? 'NOT_ALLOWED' : 'ALLOWED';
}

// The AuthorizationInfo; the location is echoed only where the driver may charge (it names the allowed EVSEs).
// A 2.1.1 AuthorizationInfo has no token and no authorization_reference.
function authorizationInfo(party: PartyContext, token: Token, allowed: string, location: LocationReferences | undefined): Record<string, unknown> {
  if (party.version === '2.1.1') {
    const { token: _token, authorization_reference: _reference, ...rest } = authorizationInfo({ ...party, version: '2.2.1' }, token, allowed, location);
    return rest;
  }
  return {
    allowed,
    token,
    ...(location && allowed === 'ALLOWED' ? { location } : {}),
    authorization_reference: randomUUID(),
    ...(allowed === 'ALLOWED' ? {} : { info: { language: 'en', text: allowed === 'BLOCKED' ? 'This token is blocked.' : 'This token may not charge here.' } }),
  };
}

// For the fault that answers an unknown token: a stand-in Token made up from the URL.
function madeUpToken(party: PartyContext, uid: string, type: string): Token {
  return { country_code: party.countryCode, party_id: party.partyId, uid, type, contract_id: `${party.countryCode}-${party.partyId}-UNKNOWN`, issuer: 'unknown', valid: false, whitelist: 'NEVER', last_updated: ocpiNow() };
}

function authorize(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const uid = request.params['token_uid'] ?? '';
  // 2.1.1's parameter table calls it token_type, its URL type: both are read there.
  const type = request.query.get('type') ?? (party.version === '2.1.1' ? request.query.get('token_type') : null) ?? 'RFID';
  // No body at all means no LocationReferences; a body that is there must be one.
  const location = request.text === '' ? undefined : locationReferences(party, request.body);
  if (typeof location === 'string') return { status: 200, body: envelope(undefined, 2001, location) };
  const token = party.version === '2.1.1' ? store.tokens.find((candidate) => sameCi(candidate.uid, uid) && token211(candidate)['type'] === type) : store.token(uid, type);
  if (!token) {
    if (party.faults.has('authorize-unknown-token-answered')) return { status: 200, body: envelope(authorizationInfo(party, madeUpToken(party, uid, type), 'NOT_ALLOWED', location)) };
    // 2.1.1 has no 2004 (unknown Token): its generic client error says it there.
    return { status: 404, body: envelope(undefined, party.version === '2.1.1' ? 2000 : 2004, 'unknown token') };
  }
  if (!location && party.variants.has('authorize-without-location-2002')) return { status: 200, body: envelope(undefined, 2002, 'LocationReferences are needed to decide on this token') };
  // authorize-without-location-2002-http-400: the 2002 answer with the HTTP status of a bad request.
  if (!location && party.faults.has('authorize-without-location-2002-http-400')) return { status: 400, body: envelope(undefined, 2002, 'LocationReferences are needed to decide on this token') };
  if (!location && party.faults.has('authorize-without-location-2001')) return { status: 200, body: envelope(undefined, 2001, 'LocationReferences are missing') };
  const info = authorizationInfo(party, token, allowedFor(party, token, location), location);
  // A real deviation seen in the field: the one AuthorizationInfo wrapped in a list (here for a valid token at a Location).
  if (location && token.valid && party.faults.has('authorize-info-wrapped-in-list')) return { status: 200, body: envelope([info]) };
  return { status: 200, body: envelope(info) };
}

/**
 * Real-time authorization on the eMSP's Tokens Sender: POST `{url}/{token_uid}/authorize[?type=…]` with optional
 * LocationReferences. The reference eMSP does not need a Location to decide, so it answers 2002 only under the variant that does.
 */
export function authorizeRoutes(party: PartyContext, store: EmspStore): ModuleRoute[] {
  const handler = (request: ServerRequest): ServerResponseSpec => authorize(party, store, request);
  if (!party.faults.has('authorize-at-other-path')) return [{ method: 'POST', path: '/:token_uid/authorize', handler }];
  // A mistake seen in the field: the route written as {tokens}/authorize/{token_uid}; the spec's path then gets the
  // web framework's plain-text 404, as any path that is not served does.
  const notServed = (request: ServerRequest): ServerResponseSpec => ({ status: 404, text: `Cannot POST ${request.path}`, contentType: 'text/plain; charset=utf-8' });
  return [{ method: 'POST', path: '/authorize/:token_uid', handler }, { method: 'POST', path: '/:token_uid/authorize', handler: notServed }];
}
