// Optional fields of OCPI objects, found by a field only that object has (its marker); they may be written as null.
const OPTIONAL_FIELDS: ReadonlyArray<{ readonly marker: string; readonly fields: readonly string[] }> = [
  // Payments (2.3.0): a Terminal, first because it may carry coordinates as a Location does; a Financial Advice Confirmation.
  { marker: 'terminal_id', fields: ['customer_reference', 'party_id', 'country_code', 'address', 'city', 'postal_code', 'state', 'country', 'coordinates', 'invoice_base_url', 'invoice_creator', 'reference', 'location_ids', 'evse_uids'] },
  { marker: 'eft_data', fields: ['capture_status_message'] },
  { marker: 'coordinates', fields: ['name', 'postal_code', 'state', 'directions', 'operator', 'suboperator', 'owner', 'facilities', 'opening_times', 'charging_when_closed', 'images', 'energy_mix'] },
  { marker: 'connectors', fields: ['evse_id', 'status_schedule', 'capabilities', 'floor_level', 'coordinates', 'physical_reference', 'directions', 'parking_restrictions', 'images'] },
  { marker: 'power_type', fields: ['max_electric_power', 'tariff_ids', 'terms_and_conditions'] },
  { marker: 'elements', fields: ['type', 'tariff_alt_text', 'tariff_alt_url', 'min_price', 'max_price', 'start_date_time', 'end_date_time', 'energy_mix'] },
  { marker: 'contract_id', fields: ['visual_number', 'group_id', 'language', 'default_profile_type', 'energy_contract'] },
  { marker: 'kwh', fields: ['end_date_time', 'authorization_reference', 'meter_id', 'charging_periods', 'total_cost'] },
];

/**
 * The value with every optional field it leaves out written as null, at any depth (Locations, EVSEs, Connectors,
 * Tariffs, Sessions, Tokens): what a serializer that writes every field of its classes produces.
 */
export function withNullOptionals(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withNullOptionals);
  if (value === null || typeof value !== 'object') return value;
  const object = Object.fromEntries(Object.entries(value).map(([key, member]) => [key, withNullOptionals(member)]));
  const optional = OPTIONAL_FIELDS.find((entry) => entry.marker in object);
  return optional ? { ...Object.fromEntries(optional.fields.map((field) => [field, null])), ...object } : object;
}
