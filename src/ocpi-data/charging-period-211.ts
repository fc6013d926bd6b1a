import type { ChargingPeriod } from './ocpi-objects.js';

// The CdrDimensionType values 2.1.1 has; 2.2 added the power, current-state and reservation ones.
const DIMENSIONS = new Set(['ENERGY', 'FLAT', 'MAX_CURRENT', 'MIN_CURRENT', 'PARKING_TIME', 'TIME']);

/** A ChargingPeriod in 2.1.1: no `tariff_id`, only the dimensions 2.1.1 knows. */
export function chargingPeriod211(period: ChargingPeriod): Record<string, unknown> {
  return { start_date_time: period.start_date_time, dimensions: period.dimensions.filter((dimension) => DIMENSIONS.has(dimension.type)) };
}

/** A 2.2 AuthMethod in 2.1.1, which has no COMMAND: a session started remotely was authorized by a request. */
export function authMethod211(method: string): string {
  return method === 'COMMAND' ? 'AUTH_REQUEST' : method;
}
