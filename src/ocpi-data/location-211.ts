import type { Connector, Evse, Location } from './ocpi-objects.js';
import { asciiJson } from './ascii-json.js';

// 2.1.1 enum values (schemas/2.1.1): what the 2.2.1 model may hold that 2.1.1 lacks is dropped or mapped.
const LOCATION_TYPES = new Set(['ON_STREET', 'PARKING_GARAGE', 'UNDERGROUND_GARAGE', 'PARKING_LOT']);
const CAPABILITIES = new Set(['CHARGING_PROFILE_CAPABLE', 'CREDIT_CARD_PAYABLE', 'REMOTE_START_STOP_CAPABLE', 'RESERVABLE', 'RFID_READER', 'UNLOCK_CAPABLE']);
const FACILITIES = new Set(['HOTEL', 'RESTAURANT', 'CAFE', 'MALL', 'SUPERMARKET', 'SPORT', 'RECREATION_AREA', 'NATURE', 'MUSEUM', 'BUS_STOP', 'TAXI_STAND', 'TRAIN_STATION', 'AIRPORT', 'CARPOOL_PARKING', 'FUEL_STATION', 'WIFI']);
const PARKING_RESTRICTIONS = new Set(['EV_ONLY', 'PLUGGED', 'DISABLED', 'CUSTOMERS', 'MOTORCYCLES']);

/** A Connector in its 2.1.1 shape: `voltage`, `amperage`, one `tariff_id` (the first of `tariff_ids`). */
function connector211(connector: Connector): Record<string, unknown> {
  return {
    id: connector.id,
    standard: connector.standard,
    format: connector.format,
    power_type: connector.power_type,
    voltage: connector.max_voltage,
    amperage: connector.max_amperage,
    ...(connector.tariff_ids?.[0] === undefined ? {} : { tariff_id: connector.tariff_ids[0] }),
    ...(connector.terms_and_conditions === undefined ? {} : { terms_and_conditions: connector.terms_and_conditions }),
    last_updated: connector.last_updated,
  };
}

/** An EVSE in its 2.1.1 shape, with only the connectors given (all of them by default). */
function evse211(evse: Evse, connectors: readonly Connector[] = evse.connectors): Record<string, unknown> {
  const { capabilities, parking_restrictions: restrictions, last_updated, ...rest } = evse;
  const kept = capabilities?.filter((capability) => CAPABILITIES.has(capability));
  const restricted = restrictions?.filter((restriction) => PARKING_RESTRICTIONS.has(restriction));
  return {
    ...rest,
    ...(kept === undefined ? {} : { capabilities: kept }),
    connectors: connectors.map(connector211),
    ...(restricted === undefined || restricted.length === 0 ? {} : { parking_restrictions: restricted }),
    last_updated,
  };
}

/**
 * A Location in its 2.1.1 shape, or, given an EVSE uid and a connector id, the Location a 2.1.1 Session or CDR embeds
 * (that EVSE with that Connector only; 2.1.1 reading 16). No owner fields (X4), no `publish`; `parking_type` becomes
 * `type` (OTHER where 2.1.1 has no such value); 2.2 enum values 2.1.1 lacks are dropped; every string ASCII.
 */
export function location211(location: Location, only?: { readonly evseUid: string; readonly connectorId: string }): Record<string, unknown> & { readonly last_updated: string } {
  const { country_code: _cc, party_id: _pid, publish: _publish, parking_type: parking, evses, facilities, last_updated, ...rest } = location;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] = value;
    if (key === 'id') out['type'] = parking === undefined ? 'UNKNOWN' : LOCATION_TYPES.has(parking) ? parking : 'OTHER';
  }
  const chosen = only === undefined ? evses?.map((evse) => evse211(evse)) : embeddedEvse(location, only);
  const kept = facilities?.filter((facility) => FACILITIES.has(facility));
  return asciiJson({ ...out, ...(chosen === undefined ? {} : { evses: chosen }), ...(kept === undefined || kept.length === 0 ? {} : { facilities: kept }), last_updated });
}

function embeddedEvse(location: Location, only: { readonly evseUid: string; readonly connectorId: string }): Record<string, unknown>[] {
  const evse = location.evses?.find((e) => e.uid === only.evseUid);
  const connector = evse?.connectors.find((c) => c.id === only.connectorId);
  if (!evse || !connector) throw new Error(`Location ${location.id} has no EVSE ${only.evseUid} with connector ${only.connectorId}`);
  return [evse211(evse, [connector])];
}
