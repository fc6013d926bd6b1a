import { asciiJson } from './ascii-json.js';
import { authMethod211, chargingPeriod211 } from './charging-period-211.js';
import { location211 } from './location-211.js';
import type { Cdr, Location } from './ocpi-objects.js';
import { tariff211 } from './tariff-211.js';

/**
 * A CDR in its 2.1.1 shape: no owner fields (X4); `stop_date_time`; `auth_id` instead of `cdr_token`; the Location
 * embedded with the charged EVSE and Connector only (2.1.1 reading 16) instead of `cdr_location`; 2.1.1 Tariffs; the
 * total cost a number excluding VAT and no cost breakdown, session id or credit flag (2.2 additions). `location` is the
 * Location `cdr_location.id` names.
 */
export function cdr211(cdr: Cdr, location: Location): Record<string, unknown> & { readonly last_updated: string } {
  const at = cdr.cdr_location as { readonly evse_uid: string; readonly connector_id: string };
  return asciiJson({
    id: cdr.id,
    start_date_time: cdr.start_date_time,
    stop_date_time: cdr.end_date_time,
    auth_id: cdr.cdr_token.contract_id,
    auth_method: authMethod211(cdr.auth_method),
    location: location211(location, { evseUid: at.evse_uid, connectorId: at.connector_id }),
    ...(cdr.meter_id === undefined ? {} : { meter_id: cdr.meter_id }),
    currency: cdr.currency,
    ...(cdr.tariffs === undefined ? {} : { tariffs: cdr.tariffs.map(tariff211) }),
    charging_periods: cdr.charging_periods.map(chargingPeriod211),
    total_cost: cdr.total_cost.excl_vat,
    total_energy: cdr.total_energy,
    total_time: cdr.total_time,
    ...(cdr.total_parking_time === undefined ? {} : { total_parking_time: cdr.total_parking_time }),
    ...(cdr.remark === undefined ? {} : { remark: cdr.remark }),
    last_updated: cdr.last_updated,
  });
}
