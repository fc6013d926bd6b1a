import type { TriggerOutcome } from '../model/trigger-request.js';
import type { OcpiResponse } from '../transport/ocpi-client.js';
import type { PartyContext } from './party-context.js';

/** One request a reference party sends to a Receiver interface of its registered partner. */
export interface PartnerPush {
  readonly module: string;
  readonly method: 'PUT' | 'PATCH' | 'POST';
  /** The ids after the Receiver URL (`[country_code, party_id, id]`), none for a POST to the collection. */
  readonly ids: readonly string[];
  readonly body: unknown;
  /** Query parameters after the ids (a Token's `type`). */
  readonly query?: Readonly<Record<string, string>>;
  /** A URL of the party's own making instead of the declared one (a fault): the declared URL rewritten. */
  readonly rewrite?: (declared: string) => string;
  /** The token the party issued to its partner instead of the one the partner gave it (a fault). */
  readonly ownToken?: boolean;
}

/** The URL of the partner's interface of `module` (its Receiver unless said), as the partner declared it, when it did. */
export function partnerReceiver(party: PartyContext, module: string, role: 'SENDER' | 'RECEIVER' = 'RECEIVER'): string | undefined {
  return party.state.registration?.endpoints.find((e) => e.identifier === module && (e.role ?? '').toUpperCase() === role)?.url;
}

/** What a request to the partner got: its response, or why it was not sent or not answered (a trigger outcome). */
export type PartnerAnswer = { readonly response: OcpiResponse } | { readonly outcome: TriggerOutcome };

/**
 * Sends a request to the registered partner's interface of `push.module` (its Receiver unless `role` says Sender), with
 * the token the partner gave it and routing headers from the party to the partner (faults bend both).
 */
export async function sendToPartner(party: PartyContext, push: PartnerPush, role: 'SENDER' | 'RECEIVER' = 'RECEIVER'): Promise<PartnerAnswer> {
  const registration = party.state.registration;
  if (!registration) return { outcome: { status: 'failed', reason: `the reference ${party.role.toUpperCase()} is not registered with a partner` } };
  const declared = partnerReceiver(party, push.module, role);
  if (!declared) return { outcome: { status: 'unavailable', reason: `the reference ${party.role.toUpperCase()} knows no ${push.module} ${role === 'RECEIVER' ? 'Receiver' : 'Sender'} of its partner (it did not read one in the partner's version details)` } };
  const base = (push.rewrite ? push.rewrite(declared) : declared).replace(/\/+$/, '');
  const path = [base, ...push.ids.map(encodeURIComponent)].join('/');
  const url = push.query ? `${path}?${new URLSearchParams(push.query).toString()}` : path;
  // The fault addresses the push to the party itself, a copy-and-paste slip of FROM into TO.
  const to = party.faults.has('push-routing-to-itself') ? { countryCode: party.countryCode, partyId: party.partyId } : registration.partner;
  try {
    const response = await party.client.send({
      method: push.method,
      url,
      token: push.ownToken ? registration.inbound : registration.outbound,
      // The fault sends the token as issued, the 2.1.1 habit, in a 2.2 exchange.
      ...(party.faults.has('push-raw-token') ? { tokenEncoding: 'raw' as const } : {}),
      body: push.body,
      headers: {
        'ocpi-from-country-code': party.countryCode,
        'ocpi-from-party-id': party.partyId,
        ...(to ? { 'ocpi-to-country-code': to.countryCode, 'ocpi-to-party-id': to.partyId } : {}),
      },
    });
    return { response };
  } catch (error) {
    return { outcome: { status: 'failed', reason: `the ${push.method} did not reach the partner: ${(error as Error).message}` } };
  }
}

/**
 * Sends a push to the registered partner's Receiver (see sendToPartner): done when the request was answered (the
 * partner's answer is the case's to judge), failed when it reached nobody, unavailable when the partner declared no
 * such Receiver.
 */
export async function pushToPartner(party: PartyContext, push: PartnerPush): Promise<TriggerOutcome> {
  const answer = await sendToPartner(party, push);
  if ('outcome' in answer) return answer.outcome;
  const { status } = answer.response;
  return status >= 200 && status < 300 ? { status: 'done' } : { status: 'done', detail: `the partner answered HTTP ${status}` };
}
