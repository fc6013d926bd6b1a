import { randomUUID } from 'node:crypto';
import type { TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import type { PartyContext } from './party-context.js';
import { pushToPartner } from './push-to-partner.js';

/**
 * The reference eMSP's in-process `send-charging-profile` trigger (2.2.1, 2.3.0), as a Smart Charging Service
 * Provider would have it: it PUTs a SetChargingProfile (a profile of one 11 kW period, in W) to
 * `{chargingprofiles}/{session_id}` of the ChargingProfiles Receiver its partner declared, with a response_url of its
 * own (`{chargingprofiles}/{session_id}/{uid}`, its Sender interface), the token the partner gave it and routing
 * headers (see pushToPartner).
 */
export async function sendPartnerChargingProfile(party: PartyContext, request: TriggerRequest): Promise<TriggerOutcome> {
  const registration = party.state.registration;
  if (!registration) return { status: 'failed', reason: 'the reference eMSP is not registered with a partner' };
  const sessionId = String(request.params['session_id'] ?? '');
  if (sessionId === '') return { status: 'failed', reason: 'send-charging-profile needs a session_id' };
  const results = `${party.inVersion(registration.version).detailsUrl()}/chargingprofiles/${encodeURIComponent(sessionId)}`;
  const uid = randomUUID();
  const body: Record<string, unknown> = {
    charging_profile: { charging_rate_unit: 'W', charging_profile_period: [{ start_period: 0, limit: 11000 }] },
    response_url: party.variants.has('response-url-with-query') ? `${results}?request_id=${uid}` : `${results}/${uid}`,
  };
  // A Sender that leaves out where the result should go: the CPO has no way to answer it.
  if (party.faults.has('profile-without-response-url')) delete body['response_url'];
  return pushToPartner(party, {
    module: 'chargingprofiles',
    method: 'PUT',
    ids: [sessionId],
    body,
    // A Sender that calls with the token it issued to its partner, not the one its partner gave it.
    ownToken: party.faults.has('profile-with-own-token'),
    // A Sender that addresses the profile as the Sessions module addresses a Session, with the owner's ids before it.
    ...(party.faults.has('profile-to-undeclared-url') ? { rewrite: (url: string) => `${url.replace(/\/+$/, '')}/${registration.partner?.countryCode ?? 'XX'}/${registration.partner?.partyId ?? 'XXX'}` } : {}),
  });
}
