import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { EmspStore } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush, keyOfRequest, ownedObjectRoutes, unknownObject, type OwnedObjectKind } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';
import { readBack } from './read-back.js';

// The Tariff fields of cardinality 1 or +; a PUT carries the full object.
const REQUIRED_FIELDS = ['country_code', 'party_id', 'id', 'currency', 'elements', 'last_updated'] as const;
// A 2.1.1 Tariff has no owner fields.
const REQUIRED_FIELDS_211 = ['id', 'currency', 'elements', 'last_updated'] as const;

function deleteTariff(party: PartyContext, kind: OwnedObjectKind, deleted: Set<string>, request: ServerRequest): ServerResponseSpec {
  const key = keyOfRequest(request, kind);
  if (!kind.objects.has(key)) return unknownObject('Tariff');
  if (!party.faults.has('tariff-delete-ignored')) {
    kind.objects.delete(key);
    deleted.add(key);
  }
  return { status: 200, body: envelope(undefined) };
}

/** GET of one Tariff; under the variant, one the CPO deleted is Gone (410) rather than unknown (404). */
function getTariff(party: PartyContext, kind: OwnedObjectKind, deleted: ReadonlySet<string>, request: ServerRequest): ServerResponseSpec {
  const key = keyOfRequest(request, kind);
  const object = kind.objects.get(key);
  if (object) return { status: 200, body: envelope(readBack(party, object)) };
  return party.variants.has('tariff-deleted-410') && deleted.has(key) ? { status: 410, body: envelope(undefined, 2003, 'the Tariff was deleted') } : unknownObject('Tariff');
}

/** A 2.1.1 PATCH of a stored Tariff: the fields it carries replace the stored ones, the id stays the URL's. */
function patchTariff(party: PartyContext, kind: OwnedObjectKind, request: ServerRequest): ServerResponseSpec {
  const key = keyOfRequest(request, kind);
  const stored = kind.objects.get(key);
  if (!stored) return unknownObject('Tariff');
  const body = asPushedObject(request.body);
  if (!body) return invalidPush('the body must be a partial Tariff object');
  if (!party.faults.has('tariff-patch-ignored')) kind.objects.set(key, { ...stored, ...structuredClone(body), id: stored['id'] });
  return { status: 200, body: envelope(undefined) };
}

/**
 * The eMSP's Tariffs Receiver: GET, PUT and DELETE of one Tariff at `{url}/{country_code}/{party_id}/{tariff_id}`.
 * Authorization and routing headers are the caller's `functionalHandler`'s job.
 */
export function tariffsReceiverRoutes(party: PartyContext, store: EmspStore): ModuleRoute[] {
  const kind: OwnedObjectKind = { what: 'Tariff', idParam: 'tariff_id', required: party.version === '2.1.1' ? REQUIRED_FIELDS_211 : REQUIRED_FIELDS, objects: store.tariffs, dropOnFault: { fault: 'tariff-put-drops-field', field: 'tariff_alt_text' } };
  const deleted = new Set<string>();
  const path = '/:country_code/:party_id/:tariff_id';
  const [, put] = ownedObjectRoutes(party, kind);
  return [
    { method: 'GET', path, handler: (request) => getTariff(party, kind, deleted, request) },
    put as ModuleRoute,
    { method: 'DELETE', path, handler: (request) => deleteTariff(party, kind, deleted, request) },
    // 2.1.1 has a Tariff PATCH on the eMSP interface; 2.2 removed it.
    ...(party.version === '2.1.1' ? [{ method: 'PATCH' as const, path, handler: (request: ServerRequest) => patchTariff(party, kind, request) }] : []),
  ];
}
