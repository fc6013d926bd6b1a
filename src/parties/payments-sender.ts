import { dateTimeMs, ocpiNow } from '../schemas/ocpi-datetime.js';
import { envelope } from '../server/envelope.js';
import type { PaymentObject, PaymentsData } from '../ocpi-data/generate-payments.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { unknownObject } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';
import { senderListRoute } from './sender-list.js';
import { lowercasePaymentIds } from './lowercase-payment-ids.js';

/** One of the two lists of the PTP's Payments Sender interface, with what names one of its objects. */
interface SenderCollection {
  /** The sub-path under the module URL (spec-notes P1). */
  readonly path: 'terminals' | 'financial-advice-confirmations';
  /** The list's name in the sender-list machinery (and its faults' prefix). */
  readonly list: 'terminals' | 'confirmations';
  readonly what: 'Terminal' | 'Financial Advice Confirmation';
  readonly idField: 'terminal_id' | 'id';
  readonly objects: (data: PaymentsData) => readonly PaymentObject[];
}

const TERMINALS: SenderCollection = { path: 'terminals', list: 'terminals', what: 'Terminal', idField: 'terminal_id', objects: (data) => data.terminals };
const CONFIRMATIONS: SenderCollection = { path: 'financial-advice-confirmations', list: 'confirmations', what: 'Financial Advice Confirmation', idField: 'id', objects: (data) => data.confirmations };


/**
 * The object a GET by id serves, bent by the faults of a PTP whose single-object endpoint reads another source than its
 * list: a Terminal from a stale cache (another customer_reference, the same last_updated), a confirmation stamped
 * with the capture's time (a day before the list's last_updated).
 */
function served(party: PartyContext, collection: SenderCollection, object: PaymentObject): PaymentObject {
  if (collection === TERMINALS && party.faults.has('terminal-detail-differs')) return { ...object, customer_reference: 'CUST-STALE' };
  if (collection === CONFIRMATIONS && party.faults.has('confirmation-detail-older')) {
    return { ...object, last_updated: ocpiNow(new Date(dateTimeMs(object.last_updated) - 86_400_000)) };
  }
  return object;
}

function getOne(party: PartyContext, data: PaymentsData, collection: SenderCollection, request: ServerRequest): ServerResponseSpec {
  const id = (request.params['object_id'] ?? '').toUpperCase();
  const object = collection.objects(data).find((candidate) => String(candidate[collection.idField]).toUpperCase() === id);
  if (object) return { status: 200, body: envelope(lowercasePaymentIds(party, served(party, collection, object))) };
  const unknown = unknownObject(collection.what);
  return collection === TERMINALS && party.faults.has('unknown-ptp-terminal-200') ? { ...unknown, status: 200 } : unknown;
}

/**
 * The PTP's Payments Sender interface (OCPI 2.3.0): the Terminals list at `{url}/terminals` and the Financial Advice
 * Confirmations list at `{url}/financial-advice-confirmations`, paginated and filtered by last_updated like every
 * Sender list, and each object by its id alone; an unknown id is answered 404. The PUT, PATCH and activation requests
 * a CPO may send are not served (spec-notes P4: the tester does not send them by default).
 */
export function paymentsSenderRoutes(party: PartyContext, data: PaymentsData, pageSize: number): ModuleRoute[] {
  return [TERMINALS, CONFIRMATIONS].flatMap((collection) => [
    { ...senderListRoute({ module: collection.list, items: () => collection.objects(data).map((object) => lowercasePaymentIds(party, object)), pageSize, faults: party.faults, variants: party.variants }), path: `/${collection.path}` },
    { method: 'GET' as const, path: `/${collection.path}/:object_id`, handler: (request: ServerRequest) => getOne(party, data, collection, request) },
  ]);
}
