import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { EmspStore, type PushedObject } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import type { PartyContext } from './party-context.js';
import { readBack } from './read-back.js';

/**
 * Where a Client Owned Object lives, as a Receiver URL `{url}/{country_code}/{party_id}/{object_id}` names it. The
 * parts are CiStrings: compare them without regard to case.
 */
export interface OwnedObjectAddress {
  readonly countryCode: string;
  readonly partyId: string;
  readonly id: string;
}

/** The owner and id in a request's URL; `idParam` names the route's id segment (`tariff_id`, `session_id`, ...). */
export function ownedObjectAddress(request: ServerRequest, idParam: string): OwnedObjectAddress {
  return { countryCode: request.params['country_code'] ?? '', partyId: request.params['party_id'] ?? '', id: request.params[idParam] ?? '' };
}

/** The store key of the object at that address (`CC/PID/ID`, upper-cased). */
export const ownedObjectKey = (address: OwnedObjectAddress): string => EmspStore.key(address.countryCode, address.partyId, address.id);

/** The body as a JSON object, or undefined when it is anything else (an array, a string, nothing). */
export function asPushedObject(value: unknown): PushedObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as PushedObject) : undefined;
}

/** The fields of `required` the object lacks (absent or null). */
export function missingFields(object: PushedObject, required: readonly string[]): string[] {
  return required.filter((field) => object[field] === undefined || object[field] === null);
}

/** CiStrings (ids, country codes, party ids) compare without regard to case. */
export const sameCi = (value: unknown, expected: string): boolean => typeof value === 'string' && value.toUpperCase() === expected.toUpperCase();

/**
 * Why a pushed object does not belong at its URL, or undefined when it does: its country_code, party_id and id (or
 * `idField`, e.g. an EVSE's `uid`) equal the URL's, ignoring case. With `owner: false` only the id is compared, for
 * objects that carry no owner of their own (an EVSE, a Connector).
 */
export function urlBodyMismatch(object: PushedObject, address: OwnedObjectAddress, { idField = 'id', owner = true }: { idField?: string; owner?: boolean } = {}): string | undefined {
  if (owner && (!sameCi(object['country_code'], address.countryCode) || !sameCi(object['party_id'], address.partyId))) {
    return `the object's country_code/party_id (${String(object['country_code'])}/${String(object['party_id'])}) differ from the URL's (${address.countryCode}/${address.partyId})`;
  }
  if (!sameCi(object[idField], address.id)) return `the object's ${idField} ${String(object[idField])} differs from the URL's ${address.id}`;
  return undefined;
}

/** A push the Receiver refuses: HTTP 200 (it reached the OCPI layer) with status_code 2001, invalid or missing parameters. */
export const invalidPush = (message: string): ServerResponseSpec => ({ status: 200, body: envelope(undefined, 2001, message) });

/**
 * An object the Receiver does not know: HTTP 404 with status_code 2000 (generic client error), since OCPI 2.2.1 has
 * specific codes only for unknown Locations (2003, which the Locations Receiver passes) and Tokens (2004).
 */
export const unknownObject = (what: string, statusCode = 2000): ServerResponseSpec => ({ status: 404, body: envelope(undefined, statusCode, `unknown ${what}`) });

/** What a Receiver needs to vet a pushed object. */
export interface PushRules {
  /** The object's name for messages: `Tariff`, `Session`. */
  readonly what: string;
  /** The fields of cardinality 1 (or +) that a full object carries. */
  readonly required: readonly string[];
  /** Accept an object whose owner or id differs from the URL's (a fault). */
  readonly acceptMismatch?: boolean;
  readonly idField?: string;
  readonly owner?: boolean;
}

/**
 * Vets the body of a PUT of a full Client Owned Object: a JSON object with every required field, whose owner and id
 * are the URL's. Returns the object, or the 2001 response refusing it.
 */
export function vetFullPush(body: unknown, address: OwnedObjectAddress, rules: PushRules): { object: PushedObject } | { refusal: ServerResponseSpec } {
  const object = asPushedObject(body);
  if (!object) return { refusal: invalidPush(`the body must be a ${rules.what} object`) };
  const missing = missingFields(object, rules.required);
  if (missing.length > 0) return { refusal: invalidPush(`the ${rules.what} lacks required fields: ${missing.join(', ')}`) };
  const mismatch = urlBodyMismatch(object, address, rules);
  if (mismatch && !rules.acceptMismatch) return { refusal: invalidPush(mismatch) };
  return { object };
}

/** One kind of Client Owned Object a Receiver keeps, as its GET and PUT need it. */
export interface OwnedObjectKind {
  /** The object's name for messages: `Tariff`, `Session`. */
  readonly what: string;
  /** The route's id segment: `tariff_id`, `session_id`. */
  readonly idParam: string;
  readonly required: readonly string[];
  readonly objects: Map<string, PushedObject>;
  /** A fault that makes the Receiver store the object without one of its fields. */
  readonly dropOnFault?: { readonly fault: string; readonly field: string };
}

/** The store key of the object a request's URL names. */
export const keyOfRequest = (request: ServerRequest, kind: OwnedObjectKind): string => ownedObjectKey(ownedObjectAddress(request, kind.idParam));

/**
 * GET and PUT of one object at `{url}/{country_code}/{party_id}/{id}`: GET returns it (404 when unknown); PUT vets the
 * full object, then stores or replaces it (201 when new, 200 when replaced).
 */
export function ownedObjectRoutes(party: PartyContext, kind: OwnedObjectKind): ModuleRoute[] {
  const { faults } = party;
  const path = `/:country_code/:party_id/:${kind.idParam}`;
  const get = (request: ServerRequest): ServerResponseSpec => {
    const object = kind.objects.get(keyOfRequest(request, kind));
    return object ? { status: 200, body: envelope(readBack(party, object)) } : unknownObject(kind.what);
  };
  const put = (request: ServerRequest): ServerResponseSpec => {
    // A 2.1.1 object carries no owner fields (spec-notes X4): only its id is compared with the URL's.
    const vetted = vetFullPush(request.body, ownedObjectAddress(request, kind.idParam), { what: kind.what, required: kind.required, owner: party.version !== '2.1.1' });
    if ('refusal' in vetted) return vetted.refusal;
    const object = { ...vetted.object };
    if (kind.dropOnFault && faults.has(kind.dropOnFault.fault)) delete object[kind.dropOnFault.field];
    const key = keyOfRequest(request, kind);
    const existed = kind.objects.has(key);
    kind.objects.set(key, object);
    return { status: existed ? 200 : 201, body: envelope(undefined) };
  };
  return [{ method: 'GET', path, handler: get }, { method: 'PUT', path, handler: put }];
}
