const LARGE_VEHICLE_FIELDS = ['max_vehicle_weight', 'max_vehicle_height', 'max_vehicle_length', 'max_vehicle_width', 'parking_space_length', 'parking_space_width', 'dangerous_goods_allowed'];

type Json = Readonly<Record<string, unknown>>;
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((item): item is Json => item !== null && typeof item === 'object') : []);

/**
 * A Location as the party serves it, in the list and on its own alike (so that only the parking rules see a
 * difference): its parking places and its EVSEs' references bent by the party's parking faults, or its references
 * written in lower case under the `parking-lowercase-references` variant (conformant: ids are CiStrings). A Location
 * without parking places (any version before 2.3.0) is served as it is.
 */
export function servedParking(faults: ReadonlySet<string>, variants: ReadonlySet<string> | undefined, location: unknown): unknown {
  const object = (location ?? {}) as Json;
  const places = records(object['parking_places']);
  if (places.length === 0) return location;
  const bentPlaces = places.map((place) => {
    let served: Record<string, unknown> = { ...place };
    const types = Array.isArray(place['vehicle_types']) ? place['vehicle_types'] : [];
    if (faults.has('locations-large-parking-undimensioned') && types.some((type) => type !== 'PERSONAL_VEHICLE' && type !== 'MOTORCYCLE')) {
      served = Object.fromEntries(Object.entries(served).filter(([key]) => !LARGE_VEHICLE_FIELDS.includes(key)));
    }
    if (faults.has('locations-disabled-parking-no-photo') && types.includes('DISABLED')) delete served['images'];
    return served;
  });
  // The first place listed twice: a platform that writes one entry per EVSE the place serves.
  if (faults.has('locations-parking-duplicate-id')) bentPlaces.push({ ...bentPlaces[0] });
  const evses = records(object['evses']).map((evse, index) => {
    let parking = records(evse['parking']);
    // The first EVSE names a place its Location does not list (a place since removed, its reference left behind).
    if (faults.has('locations-evse-parking-dangling') && index === 0) parking = [...parking, { parking_id: 'P-REMOVED' }];
    if (variants?.has('parking-lowercase-references')) parking = parking.map((reference) => ({ ...reference, parking_id: String(reference['parking_id']).toLowerCase() }));
    return { ...evse, parking };
  });
  return { ...object, parking_places: bentPlaces, evses };
}
