import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { EmspStore } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { keyOfRequest, ownedObjectRoutes, unknownObject, type OwnedObjectKind } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

// The Tariff fields of cardinality 1 or +; a PUT carries the full object.
const REQUIRED_FIELDS = ['country_code', 'party_id', 'id', 'currency', 'elements', 'last_updated'] as const;

function deleteTariff(party: PartyContext, kind: OwnedObjectKind, request: ServerRequest): ServerResponseSpec {
  const key = keyOfRequest(request, kind);
  if (!kind.objects.has(key)) return unknownObject('Tariff');
  if (!party.faults.has('tariff-delete-ignored')) kind.objects.delete(key);
  return { status: 200, body: envelope(undefined) };
}

/**
 * The eMSP's Tariffs Receiver: GET, PUT and DELETE of one Tariff at `{url}/{country_code}/{party_id}/{tariff_id}`.
 * Authorization and routing headers are the caller's `functionalHandler`'s job.
 */
export function tariffsReceiverRoutes(party: PartyContext, store: EmspStore): ModuleRoute[] {
  const kind: OwnedObjectKind = { what: 'Tariff', idParam: 'tariff_id', required: REQUIRED_FIELDS, objects: store.tariffs, dropOnFault: { fault: 'tariff-put-drops-field', field: 'tariff_alt_text' } };
  return [
    ...ownedObjectRoutes(party.faults, kind),
    { method: 'DELETE', path: '/:country_code/:party_id/:tariff_id', handler: (request) => deleteTariff(party, kind, request) },
  ];
}
