import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { schemaRegistry } from '../schemas/schema-registry.js';
import type { PushedObject } from './emsp-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush, unknownObject } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';
import { PaymentsStore } from './payments-store.js';
import { lowercasePaymentIds } from './lowercase-payment-ids.js';

/** One of the two collections of the CPO's Payments Receiver, with the object it holds and the field that names one. */
interface Collection {
  /** The sub-path under the module URL (reading P1). */
  readonly path: 'terminals' | 'financial-advice-confirmations';
  /** The 2.3.0 schema a POSTed body must satisfy. */
  readonly object: 'Terminal' | 'FinancialAdviceConfirmation';
  readonly idField: 'terminal_id' | 'id';
  /** The fault that stores the object without one of its optional fields, and that field. */
  readonly dropFault: string;
  readonly dropped: string;
  /** The fault that answers an unknown id with HTTP 200 (status_code 2000) instead of 404. */
  readonly unknown200Fault?: string;
}

const TERMINALS: Collection = { path: 'terminals', object: 'Terminal', idField: 'terminal_id', dropFault: 'terminal-post-drops-field', dropped: 'customer_reference', unknown200Fault: 'unknown-terminal-200' };
const CONFIRMATIONS: Collection = { path: 'financial-advice-confirmations', object: 'FinancialAdviceConfirmation', idField: 'id', dropFault: 'fac-post-drops-field', dropped: 'capture_status_message' };

/** Why the body is not a valid object of the collection (the first schema error), or undefined when it is. */
function invalidBody(collection: Collection, body: unknown): string | undefined {
  const validator = schemaRegistry().validator('2.3.0', collection.object);
  if (validator(body)) return undefined;
  const [first] = validator.errors ?? [];
  return `the body is not a valid ${collection.object}: ${first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'invalid'}`;
}


/**
 * The refusal of a valid object under the faults that model a CPO whose own data model is narrower than the spec's:
 * Terminal coordinates parsed as numbers (they are strings), a Price without taxes (the 2.2.1 shape).
 */
function faultyRefusal(party: PartyContext, collection: Collection, body: PushedObject): ServerResponseSpec | undefined {
  if (collection === TERMINALS && party.faults.has('terminal-coordinates-refused') && body['coordinates']) return invalidPush('coordinates must be numbers');
  const costs = body['total_costs'] as { taxes?: unknown } | undefined;
  if (collection === CONFIRMATIONS && party.faults.has('fac-taxes-400') && costs?.taxes) return { status: 400, body: envelope(undefined, 2001, 'total_costs: unknown field taxes') };
  return undefined;
}

function post(party: PartyContext, store: PaymentsStore, collection: Collection, request: ServerRequest): ServerResponseSpec {
  const body = asPushedObject(request.body);
  if (!body) return invalidPush(`the body must be a ${collection.object} object`);
  const invalid = invalidBody(collection, body);
  if (invalid) return invalidPush(invalid);
  const refused = faultyRefusal(party, collection, body);
  if (refused) return refused;
  const { [collection.dropped]: _dropped, ...without } = body;
  const stored = party.faults.has(collection.dropFault) ? without : { ...body };
  store.put(collection.path, String(body[collection.idField]), stored);
  // The chapter defines no data for the POST's answer; echoing the stored object is allowed (payments-post-echoes-object).
  return { status: 201, body: envelope(party.variants.has('payments-post-echoes-object') ? lowercasePaymentIds(party, stored) : undefined) };
}

function get(party: PartyContext, store: PaymentsStore, collection: Collection, request: ServerRequest): ServerResponseSpec {
  const object = store.get(collection.path, request.params['object_id'] ?? '');
  if (object) return { status: 200, body: envelope(lowercasePaymentIds(party, object)) };
  const unknown = unknownObject(collection.object);
  return collection.unknown200Fault && party.faults.has(collection.unknown200Fault) ? { ...unknown, status: 200 } : unknown;
}

/**
 * The CPO's Payments Receiver (OCPI 2.3.0): a PTP POSTs new Terminals to `{url}/terminals` and Financial Advice
 * Confirmations to `{url}/financial-advice-confirmations`, and reads each back by its id alone (`terminal_id`, `id`).
 * A body that is not a valid 2.3.0 object of its kind is refused with status_code 2001.
 */
export function paymentsReceiverRoutes(party: PartyContext, store: PaymentsStore): ModuleRoute[] {
  return [TERMINALS, CONFIRMATIONS].flatMap((collection) => [
    { method: 'POST' as const, path: `/${collection.path}`, handler: (request: ServerRequest) => post(party, store, collection, request) },
    { method: 'GET' as const, path: `/${collection.path}/:object_id`, handler: (request: ServerRequest) => get(party, store, collection, request) },
  ]);
}
