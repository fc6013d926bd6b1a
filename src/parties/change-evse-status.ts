import type { TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import type { Location } from '../ocpi-data/ocpi-objects.js';
import { shapeForVersion } from '../ocpi-data/shape-for-version.js';
import type { CpoStore } from './cpo-store.js';
import type { PartyContext } from './party-context.js';
import { pushToPartner } from './push-to-partner.js';

/**
 * The reference CPO's `change-evse-status` trigger: the EVSE asked for takes the status asked for (its Location and it
 * stamped now, so its own GET shows the change), and the CPO PATCHes `{status, last_updated}` to the partner's Locations
 * Receiver at `{url}/{country_code}/{party_id}/{location_id}/{evse_uid}`. The variant evse-status-by-put PUTs the whole
 * EVSE instead; faults leave out last_updated, or push a change the CPO's own data never takes.
 */
export async function changeEvseStatus(party: PartyContext, store: CpoStore, request: TriggerRequest): Promise<TriggerOutcome> {
  const registration = party.state.registration;
  if (!registration) return { status: 'failed', reason: 'the reference CPO is not registered with a partner' };
  const location = store.location(request.params['location_id'] ?? '');
  const evse = location?.evses?.find((e) => e.uid === request.params['evse_uid']);
  const status = request.params['status'] ?? 'AVAILABLE';
  if (!location || !evse) return { status: 'failed', reason: `the reference CPO has no EVSE ${request.params['evse_uid'] ?? ''} at Location ${request.params['location_id'] ?? ''}` };
  const now = store.now();
  const changed = { ...evse, status, last_updated: now };
  const updated: Location = { ...location, evses: (location.evses ?? []).map((e) => (e.uid === evse.uid ? changed : e)), last_updated: now };
  // A CPO whose push says one thing while its own data keeps another.
  if (!party.faults.has('evse-status-not-applied')) store.updateLocation(updated);
  const spoken = party.inVersion(registration.version);
  const ids = [party.countryCode, party.partyId, location.id, evse.uid];
  if (party.variants.has('evse-status-by-put')) {
    const shaped = shapeForVersion(spoken.version, 'locations', updated) as unknown as { evses?: ReadonlyArray<{ uid?: unknown }> };
    return pushToPartner(party, { module: 'locations', method: 'PUT', ids, body: shaped.evses?.find((e) => e.uid === evse.uid) ?? changed });
  }
  return pushToPartner(party, { module: 'locations', method: 'PATCH', ids, body: party.faults.has('evse-status-patch-without-last-updated') ? { status } : { status, last_updated: now } });
}
