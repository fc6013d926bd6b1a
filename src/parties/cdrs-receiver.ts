import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { EmspStore, type PushedObject } from './emsp-store.js';
import { readBack } from './read-back.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush, missingFields, unknownObject } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

// The CDR fields of cardinality 1 or +; a POST carries the full and final CDR.
const REQUIRED_FIELDS = [
  'country_code', 'party_id', 'id', 'start_date_time', 'end_date_time', 'cdr_token', 'auth_method', 'cdr_location', 'currency', 'charging_periods',
  'total_cost', 'total_energy', 'total_time', 'last_updated',
] as const;
// A 2.1.1 CDR: no owner, stop_date_time, the token's auth_id and the Location embedded.
const REQUIRED_FIELDS_211 = [
  'id', 'start_date_time', 'stop_date_time', 'auth_id', 'auth_method', 'location', 'currency', 'charging_periods', 'total_cost', 'total_energy', 'total_time', 'last_updated',
] as const;

// A 2.1.1 CDR names no owner: every CDR a 2.1.1 partner sends is its own, known by its id.
const ownerKey = (cdr: PushedObject): string => EmspStore.key(String(cdr['country_code'] ?? ''), String(cdr['party_id'] ?? ''), String(cdr['id']));

/** Why the CDR cannot be taken, or undefined when it can. A credit CDR is a CDR like any other, with its reference. */
function refusalReason(party: PartyContext, store: EmspStore, cdr: PushedObject): string | undefined {
  const missing = missingFields(cdr, party.version === '2.1.1' ? REQUIRED_FIELDS_211 : REQUIRED_FIELDS);
  if (missing.length > 0) return `the CDR lacks required fields: ${missing.join(', ')}`;
  const credit = cdr['credit'] === true;
  if (credit && party.faults.has('credit-cdr-refused')) return 'credit CDRs are not accepted';
  if (credit && typeof cdr['credit_reference_id'] !== 'string') return 'a credit CDR must carry the credit_reference_id of the CDR it credits';
  if (!credit && cdr['credit_reference_id'] !== undefined) return 'only a credit CDR (credit: true) carries a credit_reference_id';
  // CDRs are final: a correction comes as a credit CDR with an id of its own.
  const key = ownerKey(cdr);
  if ([...store.cdrs.values()].some((existing) => ownerKey(existing) === key)) return `a CDR ${String(cdr['id'])} of this party was already received; CDRs cannot be replaced`;
  return undefined;
}

function postCdr(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const cdr = asPushedObject(request.body);
  if (!cdr) return invalidPush('the body must be a CDR object');
  const refused = refusalReason(party, store, cdr);
  if (refused) return invalidPush(refused);
  const { remark: _dropped, ...withoutRemark } = cdr;
  const id = store.nextId('CDR-');
  store.cdrs.set(id, party.faults.has('cdr-stored-without-field') ? withoutRemark : { ...cdr });
  const headers: Record<string, string> = party.faults.has('cdr-post-no-location-header') ? {} : { location: `${party.detailsUrl()}/cdrs/${id}` };
  return { status: 201, headers, body: envelope(undefined) };
}

function getCdr(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const cdr = store.cdrs.get(request.params['cdr_id'] ?? '');
  return cdr ? { status: 200, body: envelope(readBack(party, cdr)) } : unknownObject('CDR');
}

/**
 * The eMSP's CDRs Receiver: POST of a new CDR at the module URL, answered with HTTP 201 and a Location header naming
 * the URL (of the eMSP's own making, `{url}/{id}`) where a GET returns it.
 */
export function cdrsReceiverRoutes(party: PartyContext, store: EmspStore): ModuleRoute[] {
  return [
    { method: 'POST', path: '', handler: (request) => postCdr(party, store, request) },
    { method: 'GET', path: '/:cdr_id', handler: (request) => getCdr(party, store, request) },
  ];
}
