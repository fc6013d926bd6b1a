import type { PartyContext } from './party-context.js';

/** The CiString fields of the Payments objects that the `payments-lowercase-ids` variant writes in lower case. */
const CI_FIELDS: ReadonlySet<string> = new Set(['terminal_id', 'id', 'authorization_reference', 'reference', 'customer_reference']);

/**
 * A Payments object as the party serves it: unchanged, or under the `payments-lowercase-ids` variant with its CiString
 * ids in lower case (conformant: a CiString compares without case). Used by the CPO's Receiver and the PTP's Sender.
 */
export function lowercasePaymentIds<T extends Readonly<Record<string, unknown>>>(party: PartyContext, object: T): T {
  if (!party.variants.has('payments-lowercase-ids')) return object;
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, CI_FIELDS.has(key) && typeof value === 'string' ? value.toLowerCase() : value])) as T;
}
