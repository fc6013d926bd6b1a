import type { TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import { shapeForVersion } from '../ocpi-data/shape-for-version.js';
import { servedParking } from './served-parking.js';
import type { CpoStore } from './cpo-store.js';
import type { PartyContext } from './party-context.js';
import { partnerReceiver, pushToPartner } from './push-to-partner.js';

// How long the push-location-later variant waits before it pushes.
const LATER_MS = 500;

/**
 * The reference party's in-process trigger (what `--embedded` uses instead of a person): performs an action against
 * the partner that registered. The CPO pushes a Location (PUT) to the Locations Receiver its partner declared, with
 * the token the partner gave it and routing headers. An action the party does not perform yet is unavailable (the
 * case skips, saying so); one it cannot perform now (no registration, nothing to push) fails.
 */
export async function performTrigger(party: PartyContext, store: CpoStore | undefined, request: TriggerRequest): Promise<TriggerOutcome> {
  if (request.action === 'push-tariff' && store) return pushTariff(party, store, request);
  if (request.action !== 'push-location' || !store) return { status: 'unavailable', reason: `the reference ${party.role.toUpperCase()} does not perform ${request.action} yet` };
  const registration = party.state.registration;
  if (!registration) return { status: 'failed', reason: 'the reference CPO is not registered with a partner' };
  // A partner whose details the CPO never read (or that declared no Locations Receiver) cannot be pushed to: nothing to judge.
  if (!partnerReceiver(party, 'locations')) return { status: 'unavailable', reason: 'the reference CPO knows no Locations Receiver of its partner (it did not read one in the partner\'s version details)' };
  const stored = store.locations.find((l) => l.id === request.params['location_id']) ?? store.locations[0];
  if (!stored) return { status: 'failed', reason: 'the reference CPO has no Location to push' };
  const spoken = party.inVersion(registration.version);
  // As the party serves it everywhere (its parking places as its faults and variants bend them): one truth, pushed or read.
  const location = { ...(servedParking(party.faults, party.variants, shapeForVersion(spoken.version, 'locations', stored)) as Record<string, unknown>) };
  // A CPO whose pushed copy is not what it serves: another name than its own GET answers.
  if (party.faults.has('push-location-differs')) location['name'] = `${String(location['name'] ?? '')} (pushed)`;
  // A CPO that pushes a Location under its partner's identity (a copy-and-paste slip of the owner), URL and body alike.
  const owner = party.faults.has('push-location-foreign-owner') && registration.partner ? registration.partner : { countryCode: party.countryCode, partyId: party.partyId };
  location['country_code'] = owner.countryCode;
  location['party_id'] = owner.partyId;
  const push = (): Promise<TriggerOutcome> => pushToPartner(party, {
    module: 'locations',
    method: 'PUT',
    ids: party.faults.has('push-location-url-without-owner') ? [stored.id] : [owner.countryCode, owner.partyId, stored.id],
    body: location,
    ...(party.faults.has('push-location-undeclared-url') ? { rewrite: (declared: string) => declared.replace(/\/locations\/*$/, '/locations-v2') } : {}),
  });
  if (!party.variants.has('push-location-later')) return push();
  // Started, not done: the push follows from a queue.
  setTimeout(() => void push(), LATER_MS).unref();
  return { status: 'done', detail: 'push queued' };
}

/** The CPO's `push-tariff`: the Tariff asked for (the first when unknown), as it serves it, PUT to its partner's Tariffs Receiver. */
async function pushTariff(party: PartyContext, store: CpoStore, request: TriggerRequest): Promise<TriggerOutcome> {
  const registration = party.state.registration;
  if (!registration) return { status: 'failed', reason: 'the reference CPO is not registered with a partner' };
  const stored = store.tariffs.find((tariff) => tariff.id === request.params['tariff_id']) ?? store.tariffs[0];
  if (!stored) return { status: 'failed', reason: 'the reference CPO has no Tariff to push' };
  const tariff = { ...(shapeForVersion(party.inVersion(registration.version).version, 'tariffs', stored) as Record<string, unknown>) };
  // A CPO whose pushed Tariff is not the one its list serves: another currency, the same last_updated.
  if (party.faults.has('push-tariff-differs')) tariff['currency'] = tariff['currency'] === 'EUR' ? 'CHF' : 'EUR';
  return pushToPartner(party, { module: 'tariffs', method: 'PUT', ids: [party.countryCode, party.partyId, stored.id], body: tariff });
}
