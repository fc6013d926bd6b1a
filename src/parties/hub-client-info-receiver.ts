import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { ocpiNow } from '../schemas/ocpi-datetime.js';
import type { PushedObject } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { invalidPush, missingFields, asPushedObject, sameCi, unknownObject } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

/** The ClientInfo fields, every one of cardinality 1 (2.2.1 and 2.3.0 alike). */
const REQUIRED_FIELDS = ['party_id', 'country_code', 'role', 'status', 'last_updated'] as const;

/** The ClientInfo objects a Hub pushed to a party, by `CC/PID` upper-cased (both are CiStrings). One map for every version. */
export type ClientInfoStore = Map<string, PushedObject>;

const keyOf = (request: ServerRequest): string => `${request.params['country_code'] ?? ''}/${request.params['party_id'] ?? ''}`.toUpperCase();

/** The ClientInfo as the GET returns it: as stored, or with its CiStrings in lower case under the variant. */
function presented(party: PartyContext, object: PushedObject): PushedObject {
  if (!party.variants.has('clientinfo-lowercase-ids')) return object;
  return { ...object, country_code: String(object['country_code']).toLowerCase(), party_id: String(object['party_id']).toLowerCase() };
}

/**
 * A PUT of a ClientInfo: the full object, whose country_code and party_id are the URL's (the PUT's parameter table
 * words them as the sender's, a slip: spec-notes, Hub Client Info H1). Stores it, new (201) or replacing (200).
 * Faults: the party stamps the time of receipt as last_updated, or keeps the first version of an object it knows.
 */
function putClientInfo(party: PartyContext, store: ClientInfoStore, request: ServerRequest): ServerResponseSpec {
  const object = asPushedObject(request.body);
  if (!object) return invalidPush('the body must be a ClientInfo object');
  const missing = missingFields(object, REQUIRED_FIELDS);
  if (missing.length > 0) return invalidPush(`the ClientInfo lacks required fields: ${missing.join(', ')}`);
  const countryCode = request.params['country_code'] ?? '';
  const partyId = request.params['party_id'] ?? '';
  if (!sameCi(object['country_code'], countryCode) || !sameCi(object['party_id'], partyId)) {
    return invalidPush(`the ClientInfo's country_code/party_id (${String(object['country_code'])}/${String(object['party_id'])}) differ from the URL's (${countryCode}/${partyId})`);
  }
  const key = keyOf(request);
  const existed = store.has(key);
  if (!(existed && party.faults.has('client-info-update-ignored'))) {
    store.set(key, party.faults.has('client-info-restamped') ? { ...object, last_updated: ocpiNow() } : { ...object });
  }
  const data = party.variants.has('clientinfo-put-echoes-object') ? presented(party, store.get(key) as PushedObject) : undefined;
  return { status: existed ? 200 : 201, body: envelope(data) };
}

/**
 * The Receiver interface of Hub Client Info (2.2.1, 2.3.0): GET and PUT of one ClientInfo at
 * `{url}/{country_code}/{party_id}`; there is no DELETE (a Hub invalidates a ClientInfo with a PUT of status SUSPENDED).
 * Authorization and routing headers are the caller's `functionalHandler`'s job.
 */
export function hubClientInfoReceiverRoutes(party: PartyContext, store: ClientInfoStore): ModuleRoute[] {
  const path = '/:country_code/:party_id';
  const get = (request: ServerRequest): ServerResponseSpec => {
    const object = store.get(keyOf(request));
    return object ? { status: 200, body: envelope(presented(party, object)) } : unknownObject('ClientInfo');
  };
  return [
    { method: 'GET', path, handler: get },
    { method: 'PUT', path, handler: (request) => putClientInfo(party, store, request) },
  ];
}
