import type { PartyIdentity } from '../model/party-identity.js';
import { ocpiNow } from '../schemas/ocpi-datetime.js';
import type { PartyContext } from './party-context.js';

/** The routing headers of a request from the CPO to its PTP partner; a fault addresses it to the CPO itself. */
function routingHeaders(party: PartyContext, partner: PartyIdentity | undefined): Record<string, string> {
  const to = party.faults.has('activation-routing-to-itself') ? { countryCode: party.countryCode, partyId: party.partyId } : partner;
  return {
    'ocpi-from-country-code': party.countryCode,
    'ocpi-from-party-id': party.partyId,
    ...(to ? { 'ocpi-to-country-code': to.countryCode, 'ocpi-to-party-id': to.partyId } : {}),
  };
}

/**
 * The reference CPO, once registered in 2.3.0 with a partner that declared a Payments Sender (a PTP), asks it to
 * activate a terminal built into one of its stations: one POST to `{terminals}/activate` with a TerminalActivation
 * (the OEM's reference, the station's address, no terminal_id: the PTP assigns it), with the token the partner gave it
 * (a fault uses the one it issued), Base64-encoded (a fault sends it raw), and routing headers. Returns whether the
 * partner answered 2xx; never throws, so that the partner's answer cannot break the registration. Any other party, or
 * a partner without a Payments Sender, sends nothing.
 */
export async function activatePartnerTerminal(party: PartyContext, partner: PartyIdentity | undefined): Promise<boolean> {
  const registration = party.state.registration;
  const declared = registration?.endpoints.find((e) => e.identifier === 'payments' && (e.role ?? '').toUpperCase() === 'SENDER')?.url;
  if (party.role !== 'cpo' || party.version !== '2.3.0' || !registration || !declared) return false;
  const activation: Record<string, unknown> = {
    customer_reference: `${party.partyId}-STATIONS`,
    reference: `${party.partyId}-OEM-0001`,
    address: 'Laadstraat 1',
    city: 'Utrecht',
    postal_code: '3511 AA',
    country: 'NLD',
    invoice_creator: 'CPO',
    location_ids: ['LOC0001'],
    last_updated: ocpiNow(),
  };
  // A CPO that fills in last_updated only when the object comes back from the PTP.
  if (party.faults.has('activation-without-last-updated')) delete activation['last_updated'];
  const token = party.faults.has('activation-with-own-token') ? registration.inbound : registration.outbound;
  try {
    const response = await party.client.send({
      method: 'POST',
      url: `${declared.replace(/\/+$/, '')}/terminals/activate`,
      token,
      body: activation,
      headers: routingHeaders(party, partner),
      ...(party.faults.has('activation-raw-token') ? { tokenEncoding: 'raw' as const } : {}),
    });
    return response.status >= 200 && response.status < 300;
  } catch {
    return false;
  }
}
