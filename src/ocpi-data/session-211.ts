import { asciiJson } from './ascii-json.js';
import { authMethod211, chargingPeriod211 } from './charging-period-211.js';
import { location211 } from './location-211.js';
import type { Location, Session } from './ocpi-objects.js';

/**
 * A Session in its 2.1.1 shape: no owner fields (X4); `start_datetime`/`end_datetime`; `auth_id` (the token's
 * contract id, as the Token's `auth_id` is) instead of `cdr_token`; the Location embedded with the session's EVSE and
 * Connector only (2.1.1 reading 16), as `location` is now; `total_cost` a number excluding VAT; a RESERVATION status
 * (2.2) is PENDING. `location` is the Location the session's `location_id` names.
 */
export function session211(session: Session, location: Location): Record<string, unknown> & { readonly last_updated: string } {
  return asciiJson({
    id: session.id,
    start_datetime: session.start_date_time,
    ...(session.end_date_time === undefined ? {} : { end_datetime: session.end_date_time }),
    kwh: session.kwh,
    auth_id: session.cdr_token.contract_id,
    auth_method: authMethod211(session.auth_method),
    location: location211(location, { evseUid: session.evse_uid, connectorId: session.connector_id }),
    ...(session.meter_id === undefined ? {} : { meter_id: session.meter_id }),
    currency: session.currency,
    ...(session.charging_periods === undefined ? {} : { charging_periods: session.charging_periods.map(chargingPeriod211) }),
    ...(session.total_cost === undefined ? {} : { total_cost: session.total_cost.excl_vat }),
    status: session.status === 'RESERVATION' ? 'PENDING' : session.status,
    last_updated: session.last_updated,
  });
}
