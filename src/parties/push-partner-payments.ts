import { generatePayments } from '../ocpi-data/generate-payments.js';
import type { PartyIdentity } from '../model/party-identity.js';
import type { PartyContext } from './party-context.js';

/** What a push to the partner's Payments Receiver did: the POSTs sent, and how many were answered 2xx. */
export interface PushSummary {
  readonly sent: number;
  readonly accepted: number;
}

/** The routing headers of a request from the PTP to its CPO partner; a fault addresses it to the PTP itself. */
function routingHeaders(party: PartyContext, partner: PartyIdentity | undefined): Record<string, string> {
  const to = party.faults.has('ptp-push-routing-to-itself') ? { countryCode: party.countryCode, partyId: party.partyId } : partner;
  return {
    'ocpi-from-country-code': party.countryCode,
    'ocpi-from-party-id': party.partyId,
    ...(to ? { 'ocpi-to-country-code': to.countryCode, 'ocpi-to-party-id': to.partyId } : {}),
  };
}

/**
 * The reference PTP, once registered with a CPO that declared a Payments Receiver (2.3.0), creates a newly shipped
 * Terminal there and sends a Financial Advice Confirmation: one POST to each collection (spec-notes P1), with the token
 * the partner gave it (a fault uses the one it issued), Base64-encoded (a fault sends it raw), and routing headers.
 * Never throws: the partner's answer must not break the registration. Any other party, or a partner without a
 * Payments Receiver, sends nothing.
 */
export async function pushPartnerPayments(party: PartyContext, partner: PartyIdentity | undefined): Promise<PushSummary> {
  const registration = party.state.registration;
  const declared = registration?.endpoints.find((e) => e.identifier === 'payments' && (e.role ?? '').toUpperCase() === 'RECEIVER')?.url;
  if (party.role !== 'ptp' || party.version !== '2.3.0' || !registration || !declared) return { sent: 0, accepted: 0 };
  const { terminals: [terminal], confirmations: [confirmation] } = generatePayments({ countryCode: party.countryCode, partyId: party.partyId, count: 1, seed: 7 });
  // A PTP whose Terminal coordinates come from a numeric database column sends them as numbers.
  const shipped = party.faults.has('ptp-push-coordinates-numbers') && terminal?.['coordinates']
    ? { ...terminal, coordinates: { latitude: 52.370216, longitude: 4.895168 } }
    : terminal;
  const base = declared.replace(/\/+$/, '');
  const token = party.faults.has('ptp-push-with-own-token') ? registration.inbound : registration.outbound;
  let sent = 0;
  let accepted = 0;
  for (const [collection, body] of [['terminals', shipped], ['financial-advice-confirmations', confirmation]] as const) {
    try {
      sent += 1;
      const response = await party.client.send({ method: 'POST', url: `${base}/${collection}`, token, body, headers: routingHeaders(party, partner), ...(party.faults.has('ptp-push-raw-token') ? { tokenEncoding: 'raw' as const } : {}) });
      if (response.status >= 200 && response.status < 300) accepted += 1;
    } catch {
      // No answer from the partner: the next POST is tried all the same.
    }
  }
  return { sent, accepted };
}
