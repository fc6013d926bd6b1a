import type { Location } from './ocpi-objects.js';

/** A Parking of a 2.3.0 Location (the fields the reference CPO writes). */
export type Parking = Readonly<Record<string, unknown>> & { readonly id: string; readonly vehicle_types: readonly string[] };

// A large vehicle's parking: OCPI 2.3.0 asks for its limits and dimensions (the reference CPO gives them all).
const LARGE_VEHICLE_LIMITS = { max_vehicle_weight: 40000, max_vehicle_height: 400, max_vehicle_length: 1875, max_vehicle_width: 255, parking_space_length: 2000, parking_space_width: 400, dangerous_goods_allowed: false };
// A disabled parking place is wider than a car's; the spec asks for a photo of it.
const DISABLED_LIMITS = { max_vehicle_weight: 3500, max_vehicle_height: 200, max_vehicle_length: 500, max_vehicle_width: 200, parking_space_length: 500, parking_space_width: 350, dangerous_goods_allowed: false };

/**
 * A Location as OCPI 2.3.0 writes it: the 2.2.1 object with the parking places 2.3.0 added (spec-notes N9). Each EVSE
 * gets a parking place of its own, named in its `parking`; at a motorway site the first one also takes vans and
 * trucks (with their limits); a site with two EVSEs or more has a place for disabled drivers at its first EVSE, with
 * a photo. Parking ids are unique within the Location.
 */
export function location230(location: Location): Location & { readonly parking_places?: readonly Parking[] } {
  const evses = location.evses ?? [];
  if (evses.length === 0) return location;
  const motorway = location.parking_type === 'ALONG_MOTORWAY';
  const places: Parking[] = evses.map((_evse, index) => ({
    id: `P${index + 1}`,
    vehicle_types: motorway && index === 0 ? ['PERSONAL_VEHICLE', 'VAN', 'RIGID'] : ['PERSONAL_VEHICLE'],
    ...(motorway && index === 0 ? LARGE_VEHICLE_LIMITS : {}),
    restricted_to_type: false,
    reservation_required: false,
  }));
  const disabled: Parking | undefined = evses.length >= 2 ? {
    id: 'PD1',
    vehicle_types: ['DISABLED'],
    ...DISABLED_LIMITS,
    restricted_to_type: true,
    reservation_required: false,
    images: [{ url: `https://images.example.com/parking/${encodeURIComponent(location.id)}-pd1.jpg`, category: 'LOCATION', type: 'jpeg' }],
  } : undefined;
  return {
    ...location,
    parking_places: disabled ? [...places, disabled] : places,
    evses: evses.map((evse, index) => ({
      ...evse,
      parking: [{ parking_id: `P${index + 1}` }, ...(disabled && index === 0 ? [{ parking_id: disabled.id }] : [])],
    })),
  };
}
