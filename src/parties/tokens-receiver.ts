import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { Token } from '../ocpi-data/ocpi-objects.js';
import { ocpiType } from '../schemas/ocpi-type.js';
import { CpoStore } from './cpo-store.js';
import { knownFieldsOnly, listedValues, unknownFields } from './known-fields.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush, urlBodyMismatch } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

// The Token fields of cardinality 1; a PUT carries the full object. A 2.1.1 Token has no owner and names its contract auth_id.
const REQUIRED_FIELDS = ['country_code', 'party_id', 'uid', 'type', 'contract_id', 'issuer', 'valid', 'whitelist', 'last_updated'] as const;
const REQUIRED_FIELDS_211 = ['uid', 'type', 'auth_id', 'issuer', 'valid', 'whitelist', 'last_updated'] as const;

// A 2.1.1 Receiver URL names no type: there a token is known by its uid alone, stored under this type slot.
const ANY_TYPE_211 = '*';

/** Where a token lives, as the Receiver URL names it: owner, uid, and the `type` query (RFID when absent). */
interface TokenAddress {
  readonly countryCode: string;
  readonly partyId: string;
  readonly uid: string;
  readonly type: string;
}

function addressOf(party: PartyContext, request: ServerRequest): TokenAddress {
  return {
    countryCode: request.params['country_code'] ?? '',
    partyId: request.params['party_id'] ?? '',
    uid: request.params['token_uid'] ?? '',
    type: party.version === '2.1.1' ? ANY_TYPE_211 : request.query.get('type') ?? 'RFID',
  };
}

const keyOf = (address: TokenAddress): string => CpoStore.tokenKey(address.countryCode, address.partyId, address.uid, address.type);

// 2.1.1 has no 2004 (unknown Token): its generic client error 2000 says it there.
const unknownToken = (party: PartyContext, status: number): ServerResponseSpec => ({ status, body: envelope(undefined, party.version === '2.1.1' ? 2000 : 2004, 'unknown token') });
/** Why a pushed Token does not belong at its URL, or undefined when it does: owner and uid as for any owned object, and its type. */
function tokenMismatch(token: Record<string, unknown>, address: TokenAddress): string | undefined {
  // A 2.1.1 Token names no owner, and its URL no type: the uid is all there is to compare.
  const v211 = address.type === ANY_TYPE_211;
  return urlBodyMismatch(token, { countryCode: address.countryCode, partyId: address.partyId, id: address.uid }, { idField: 'uid', owner: !v211 })
    ?? (!v211 && token['type'] !== address.type ? `the token's type ${String(token['type'])} differs from the type in the URL (${address.type})` : undefined);
}

function getToken(party: PartyContext, store: CpoStore, request: ServerRequest): ServerResponseSpec {
  const token = store.tokens.get(keyOf(addressOf(party, request)));
  if (token) return { status: 200, body: envelope(token) };
  return unknownToken(party, party.faults.has('unknown-token-200') ? 200 : 404);
}

function putToken(party: PartyContext, store: CpoStore, request: ServerRequest): ServerResponseSpec {
  const body = asPushedObject(request.body);
  if (!body) return invalidPush('the body must be a Token object');
  const missing = (party.version === '2.1.1' ? REQUIRED_FIELDS_211 : REQUIRED_FIELDS).filter((field) => body[field] === undefined || body[field] === null);
  if (missing.length > 0) return invalidPush(`the Token lacks required fields: ${missing.join(', ')}`);
  // A Receiver whose model refuses fields it does not know (a strict deserializer), which 2.3.0 forbids (EXT-01).
  if (party.faults.has('tokens-unknown-field-refused')) {
    const unknown = unknownFields(ocpiType(party.version, 'Token'), body);
    if (unknown.length > 0) return invalidPush(`unknown field ${unknown.join(', ')}`);
  }
  // A Receiver whose model has TokenType as a closed enum: a type the spec does not list is refused (EXT-03).
  if (party.faults.has('tokens-unlisted-type-refused') && !listedValues(party.version, 'TokenType').has(String(body['type']))) return invalidPush(`unknown token type ${String(body['type'])}`);
  const address = addressOf(party, request);
  const mismatch = tokenMismatch(body, address);
  if (mismatch && !party.faults.has('token-url-body-mismatch-accepted')) return invalidPush(mismatch);
  const { visual_number: _dropped, ...withoutVisualNumber } = body;
  const kept = party.variants.has('unknown-fields-dropped') ? (knownFieldsOnly(ocpiType(party.version, 'Token'), body) as Record<string, unknown>) : { ...body };
  const token = (party.faults.has('token-put-drops-field') ? withoutVisualNumber : kept) as unknown as Token;
  const key = keyOf(address);
  const existed = store.tokens.has(key);
  store.tokens.set(key, token);
  return { status: existed ? 200 : 201, body: envelope(undefined) };
}

function patchToken(party: PartyContext, store: CpoStore, request: ServerRequest): ServerResponseSpec {
  const key = keyOf(addressOf(party, request));
  const stored = store.tokens.get(key);
  if (!stored) return unknownToken(party, 404);
  const body = asPushedObject(request.body);
  if (!body) return invalidPush('the body must be a partial Token object');
  // OCPI 2.2+ requires last_updated in every PATCH (spec issue #355); 2.1.1 does not (spec-notes X9).
  if (party.version !== '2.1.1' && body['last_updated'] === undefined && !party.faults.has('token-patch-without-last-updated-accepted')) {
    // token-patch-without-last-updated-400: the refusal right, the HTTP status of a validation framework (400).
    const refusal = invalidPush('PATCH must contain last_updated');
    return party.faults.has('token-patch-without-last-updated-400') ? { ...refusal, status: 400 } : refusal;
  }
  // token-patch-requires-last-updated: a 2.1.1 Receiver with the 2.2 habit of refusing a PATCH without last_updated.
  if (party.version === '2.1.1' && body['last_updated'] === undefined && party.faults.has('token-patch-requires-last-updated')) return invalidPush('PATCH must contain last_updated');
  if (party.faults.has('token-patch-ignored')) return { status: 200, body: envelope(undefined) };
  // The identity stays the URL's, so the token remains findable under its key.
  const identity = party.version === '2.1.1' ? { uid: stored.uid, type: stored.type } : { country_code: stored.country_code, party_id: stored.party_id, uid: stored.uid, type: stored.type };
  store.tokens.set(key, { ...stored, ...body, ...identity } as Token);
  return { status: 200, body: envelope(undefined) };
}

/**
 * The CPO's Tokens Receiver interface: GET, PUT and PATCH of one token at
 * `{url}/{country_code}/{party_id}/{token_uid}[?type=…]`. Authorization and routing headers are the caller's
 * `functionalHandler`'s job.
 */
export function tokensRoutes(party: PartyContext, store: CpoStore): ModuleRoute[] {
  const path = '/:country_code/:party_id/:token_uid';
  return [
    { method: 'GET', path, handler: (request) => getToken(party, store, request) },
    { method: 'PUT', path, handler: (request) => putToken(party, store, request) },
    { method: 'PATCH', path, handler: (request) => patchToken(party, store, request) },
  ];
}
