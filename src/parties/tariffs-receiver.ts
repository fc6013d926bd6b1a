import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { EmspStore } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { ownedObjectAddress, ownedObjectKey, unknownObject, vetFullPush } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

// The Tariff fields of cardinality 1 or +; a PUT carries the full object.
const REQUIRED_FIELDS = ['country_code', 'party_id', 'id', 'currency', 'elements', 'last_updated'] as const;

const keyOf = (request: ServerRequest): string => ownedObjectKey(ownedObjectAddress(request, 'tariff_id'));

function getTariff(store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const tariff = store.tariffs.get(keyOf(request));
  return tariff ? { status: 200, body: envelope(tariff) } : unknownObject('Tariff');
}

function putTariff(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const vetted = vetFullPush(request.body, ownedObjectAddress(request, 'tariff_id'), { what: 'Tariff', required: REQUIRED_FIELDS });
  if ('refusal' in vetted) return vetted.refusal;
  const { tariff_alt_text: _dropped, ...withoutAltText } = vetted.object;
  const key = keyOf(request);
  const existed = store.tariffs.has(key);
  store.tariffs.set(key, party.faults.has('tariff-put-drops-field') ? withoutAltText : { ...vetted.object });
  return { status: existed ? 200 : 201, body: envelope(undefined) };
}

function deleteTariff(party: PartyContext, store: EmspStore, request: ServerRequest): ServerResponseSpec {
  const key = keyOf(request);
  if (!store.tariffs.has(key)) return unknownObject('Tariff');
  if (!party.faults.has('tariff-delete-ignored')) store.tariffs.delete(key);
  return { status: 200, body: envelope(undefined) };
}

/**
 * The eMSP's Tariffs Receiver: GET, PUT and DELETE of one Tariff at `{url}/{country_code}/{party_id}/{tariff_id}`.
 * Authorization and routing headers are the caller's `functionalHandler`'s job.
 */
export function tariffsReceiverRoutes(party: PartyContext, store: EmspStore): ModuleRoute[] {
  const path = '/:country_code/:party_id/:tariff_id';
  return [
    { method: 'GET', path, handler: (request) => getTariff(store, request) },
    { method: 'PUT', path, handler: (request) => putTariff(party, store, request) },
    { method: 'DELETE', path, handler: (request) => deleteTariff(party, store, request) },
  ];
}
