import { dateTimeMs, ocpiNow } from '../schemas/ocpi-datetime.js';
import { envelope } from '../server/envelope.js';
import type { PaymentObject, PaymentsData } from '../ocpi-data/generate-payments.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush, unknownObject } from './owned-object-push.js';
import { pushToPartner } from './push-to-partner.js';
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

/** The stored Terminal a request's URL names (by terminal_id, without case), and where it is. */
function terminalAt(data: PaymentsData, request: ServerRequest): { readonly index: number; readonly terminal?: PaymentObject } {
  const id = (request.params['object_id'] ?? '').toUpperCase();
  const index = data.terminals.findIndex((candidate) => String(candidate['terminal_id']).toUpperCase() === id);
  return index < 0 ? { index } : { index, terminal: data.terminals[index] as PaymentObject };
}

const ok = (): ServerResponseSpec => ({ status: 200, body: envelope(undefined) });

/**
 * The answer to a CPO's write of a Terminal. The chapter defines no data for it; a PTP may answer with the Terminal as
 * it now stands (variant terminal-writes-echo-object), which a receiver of the response is advised to accept.
 */
function written(party: PartyContext, terminal: PaymentObject | undefined): ServerResponseSpec {
  return party.variants.has('terminal-writes-echo-object') && terminal ? { status: 200, body: envelope(lowercasePaymentIds(party, terminal)) } : ok();
}

/** PUT of a whole Terminal by the CPO (its location data): stored as sent, its id the URL's. */
function putTerminal(party: PartyContext, data: PaymentsData, request: ServerRequest): ServerResponseSpec {
  const { index, terminal } = terminalAt(data, request);
  if (!terminal) return unknownObject('Terminal');
  const body = asPushedObject(request.body);
  if (!body || typeof body['last_updated'] !== 'string') return invalidPush('the body must be a Terminal with last_updated');
  if (String(body['terminal_id'] ?? '').toUpperCase() !== String(terminal['terminal_id']).toUpperCase()) return invalidPush('the Terminal\'s terminal_id differs from the one in the URL');
  // A PTP that answers the PUT and keeps what it had.
  if (!party.faults.has('terminal-put-ignored')) data.terminals[index] = { ...body, terminal_id: terminal['terminal_id'] } as unknown as PaymentObject;
  return written(party, data.terminals[index]);
}

/** PATCH of a Terminal by the CPO (assigning Locations and EVSEs): the fields sent replace the stored ones. */
function patchTerminal(party: PartyContext, data: PaymentsData, request: ServerRequest): ServerResponseSpec {
  const { index, terminal } = terminalAt(data, request);
  if (!terminal) return unknownObject('Terminal');
  const body = asPushedObject(request.body);
  if (!body) return invalidPush('the body must be a partial Terminal');
  const { terminal_id: _id, ...fields } = body;
  // A PTP that answers the PATCH and assigns nothing.
  if (!party.faults.has('terminal-patch-ignored')) data.terminals[index] = { ...terminal, ...fields, last_updated: typeof body['last_updated'] === 'string' ? body['last_updated'] : ocpiNow() } as PaymentObject;
  return written(party, data.terminals[index]);
}

/**
 * POST of an activation by the CPO: the PTP creates the Terminal (a terminal_id of its own), answers, and then POSTs
 * the new Terminal to the CPO's Payments Receiver, as the Terminal activation flow has it (a fault never does).
 */
function activateTerminal(party: PartyContext, data: PaymentsData, request: ServerRequest): ServerResponseSpec {
  const body = asPushedObject(request.body);
  if (!body || typeof body['last_updated'] !== 'string') return invalidPush('the body must be a Terminal to activate, with last_updated');
  const terminal = { ...body, terminal_id: `${party.partyId}-TERM-A${String(data.terminals.length + 1).padStart(4, '0')}`, last_updated: ocpiNow() } as PaymentObject;
  data.terminals.push(terminal);
  if (!party.faults.has('activation-no-terminal-posted')) {
    // A PTP whose configuration takes a while, and which creates the Terminal at the CPO by its id alone (the POST
    // Terminal method allows "just the terminal id"; the flow gives no time).
    const slow = party.variants.has('activation-terminal-later-by-id');
    const created = slow ? { terminal_id: terminal['terminal_id'], last_updated: terminal['last_updated'] } as PaymentObject : terminal;
    setTimeout(() => void pushToPartner(party, { module: 'payments', method: 'POST', ids: ['terminals'], body: lowercasePaymentIds(party, created) }), slow ? SLOW_ACTIVATION_DELAY_MS : ACTIVATION_DELAY_MS).unref();
  }
  return written(party, terminal);
}

// How long after answering an activation the reference PTP POSTs the new Terminal (as a PTP configuring it would), and
// how long when the variant activation-terminal-later-by-id takes its time (within PAY-09's wait of 5 s).
const ACTIVATION_DELAY_MS = 50;
const SLOW_ACTIVATION_DELAY_MS = 1500;

/**
 * The PTP's Payments Sender interface (OCPI 2.3.0): the Terminals list at `{url}/terminals` and the Financial Advice
 * Confirmations list at `{url}/financial-advice-confirmations`, paginated and filtered by last_updated like every
 * Sender list, and each object by its id alone; an unknown id is answered 404. What a CPO may write (spec-notes P4):
 * PUT and PATCH of a Terminal, `{url}/terminals/activate` and `{url}/terminals/{terminal_id}/deactivate` (answered,
 * with no effect a partner could observe).
 */
export function paymentsSenderRoutes(party: PartyContext, data: PaymentsData, pageSize: number): ModuleRoute[] {
  const writes: ModuleRoute[] = [
    { method: 'POST', path: '/terminals/activate', handler: (request) => activateTerminal(party, data, request) },
    { method: 'POST', path: '/terminals/:object_id/deactivate', handler: (request) => { const { terminal } = terminalAt(data, request); return terminal ? written(party, terminal) : unknownObject('Terminal'); } },
    { method: 'PUT', path: '/terminals/:object_id', handler: (request) => putTerminal(party, data, request) },
    { method: 'PATCH', path: '/terminals/:object_id', handler: (request) => patchTerminal(party, data, request) },
  ];
  return [...writes, ...[TERMINALS, CONFIRMATIONS].flatMap((collection) => [
    { ...senderListRoute({ module: collection.list, items: () => collection.objects(data).map((object) => lowercasePaymentIds(party, object)), pageSize, faults: party.faults, variants: party.variants }), path: `/${collection.path}` },
    { method: 'GET' as const, path: `/${collection.path}/:object_id`, handler: (request: ServerRequest) => getOne(party, data, collection, request) },
  ])];
}
