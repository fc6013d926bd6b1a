/**
 * Optional fields of OCPI objects, found by fields only that object has (`markers`, all present; `absent`, none
 * present); they may be written as null (spec-notes T47, every version). The first entry that matches wins, so an
 * object's OCPI 2.1.1 shape comes before its later one: 2.1.1 names some fields differently (`tariff_id`,
 * `end_datetime`) and has others not at all (a Location's `state`, a Token's `group_id`).
 */
const OPTIONAL_FIELDS: ReadonlyArray<{ readonly markers: readonly string[]; readonly absent?: readonly string[]; readonly fields: readonly string[] }> = [
  // Payments (2.3.0): a Terminal, first because it may carry coordinates as a Location does; a Financial Advice Confirmation.
  { markers: ['terminal_id'], fields: ['customer_reference', 'party_id', 'country_code', 'address', 'city', 'postal_code', 'state', 'country', 'coordinates', 'invoice_base_url', 'invoice_creator', 'reference', 'location_ids', 'evse_uids'] },
  { markers: ['eft_data'], fields: ['capture_status_message'] },
  // A 2.1.1 Location has a `type` (LocationType), which later versions dropped.
  { markers: ['coordinates', 'type'], fields: ['name', 'related_locations', 'directions', 'operator', 'suboperator', 'owner', 'facilities', 'time_zone', 'opening_times', 'charging_when_closed', 'images', 'energy_mix'] },
  { markers: ['coordinates'], fields: ['name', 'postal_code', 'state', 'directions', 'operator', 'suboperator', 'owner', 'facilities', 'opening_times', 'charging_when_closed', 'images', 'energy_mix'] },
  { markers: ['connectors'], fields: ['evse_id', 'status_schedule', 'capabilities', 'floor_level', 'coordinates', 'physical_reference', 'directions', 'parking_restrictions', 'images'] },
  // A 2.1.1 Connector has `voltage` and `amperage` where later ones have `max_voltage` and `max_amperage`.
  { markers: ['power_type', 'voltage'], fields: ['tariff_id', 'terms_and_conditions'] },
  { markers: ['power_type'], fields: ['max_electric_power', 'tariff_ids', 'terms_and_conditions'] },
  // A 2.1.1 Tariff names no owner.
  { markers: ['elements'], absent: ['country_code'], fields: ['tariff_alt_text', 'tariff_alt_url', 'energy_mix'] },
  { markers: ['elements'], fields: ['type', 'tariff_alt_text', 'tariff_alt_url', 'min_price', 'max_price', 'start_date_time', 'end_date_time', 'energy_mix'] },
  // A 2.1.1 Token is identified by `auth_id`, a 2.2.1 one by `contract_id`.
  { markers: ['auth_id', 'whitelist'], fields: ['visual_number', 'language'] },
  { markers: ['contract_id'], fields: ['visual_number', 'group_id', 'language', 'default_profile_type', 'energy_contract'] },
  // Sessions: 2.1.1 writes `start_datetime`, later versions `start_date_time`.
  { markers: ['kwh', 'start_datetime'], fields: ['end_datetime', 'meter_id', 'charging_periods', 'total_cost'] },
  { markers: ['kwh'], fields: ['end_date_time', 'authorization_reference', 'meter_id', 'charging_periods', 'total_cost'] },
];

/**
 * The value with every optional field it leaves out written as null, at any depth (Locations, EVSEs, Connectors,
 * Tariffs, Sessions, Tokens, in the shape of their version): what a serializer that writes every field of its classes
 * produces.
 */
export function withNullOptionals(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withNullOptionals);
  if (value === null || typeof value !== 'object') return value;
  const object = Object.fromEntries(Object.entries(value).map(([key, member]) => [key, withNullOptionals(member)]));
  const optional = OPTIONAL_FIELDS.find((entry) => entry.markers.every((marker) => marker in object) && !(entry.absent ?? []).some((field) => field in object));
  return optional ? { ...Object.fromEntries(optional.fields.map((field) => [field, null])), ...object } : object;
}
