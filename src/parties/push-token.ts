import type { TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import { shapeForVersion } from '../ocpi-data/shape-for-version.js';
import type { EmspStore } from './emsp-store.js';
import type { PartyContext } from './party-context.js';
import { pushToPartner } from './push-to-partner.js';

/**
 * The reference eMSP's `push-token` trigger: the Token asked for (the first when unknown), as its Tokens list serves
 * it, PUT to its partner's Tokens Receiver at `{url}/{country_code}/{party_id}/{token_uid}?type={type}`. A fault
 * pushes another whitelist than the list serves, with the same last_updated.
 */
export async function pushToken(party: PartyContext, store: EmspStore, request: TriggerRequest): Promise<TriggerOutcome> {
  const registration = party.state.registration;
  if (!registration) return { status: 'failed', reason: 'the reference eMSP is not registered with a partner' };
  const stored = store.tokens.find((token) => token.uid.toUpperCase() === (request.params['token_uid'] ?? '').toUpperCase()) ?? store.tokens[0];
  if (!stored) return { status: 'failed', reason: 'the reference eMSP has no Token to push' };
  const token = { ...(shapeForVersion(party.inVersion(registration.version).version, 'tokens', stored) as Record<string, unknown>) };
  if (party.faults.has('push-token-differs')) token['whitelist'] = token['whitelist'] === 'NEVER' ? 'ALWAYS' : 'NEVER';
  return pushToPartner(party, { module: 'tokens', method: 'PUT', ids: [party.countryCode, party.partyId, stored.uid], query: { type: stored.type }, body: token });
}
