import { ocpiNow } from '../schemas/ocpi-datetime.js';
import type { GeneratedTariff, PriceComponent, TariffDimension } from './generate-tariffs.js';
import type { Cdr, CdrToken, ChargingPeriod, Connector, Evse, Location, Price, Session } from './ocpi-objects.js';
import type { SeededRandom } from './seeded-random.js';

/** What generateSessions needs; times are epoch seconds. */
export interface GenerateSessionsOptions {
  readonly random: SeededRandom;
  readonly countryCode: string;
  readonly partyId: string;
  readonly count: number;
  /** Where sessions take place: every session uses one of their EVSEs. */
  readonly locations: readonly Location[];
  /** The tariffs the connectors refer to, to price the sessions. */
  readonly tariffs: readonly GeneratedTariff[];
  /** Sessions start after `from`; everything is stamped before `now`. */
  readonly from: number;
  readonly now: number;
}

/** Sessions, oldest first, and a CDR for each completed one, in the order they were created. */
export interface GeneratedSessions {
  readonly sessions: Session[];
  readonly cdrs: Cdr[];
}

// Where a session takes place.
interface Spot {
  readonly location: Location;
  readonly evse: Evse;
}

// What a session measured, in whole seconds and Wh so that the parts add up exactly.
interface Usage {
  readonly start: number;
  readonly charging: number;
  readonly parking: number;
  readonly wh: number;
}

// One session to write out: where, who, what was measured, its status and when it was last updated.
interface SessionPlan {
  readonly id: string;
  readonly spot: Spot;
  readonly connector: Connector;
  readonly token: CdrToken;
  readonly usage: Usage;
  readonly status: 'COMPLETED' | 'ACTIVE' | 'INVALID';
  readonly lastUpdated: number;
}

// The eMSPs whose drivers charge here, as [country_code, party_id].
const EMSPS = [['NL', 'ABC'], ['NL', 'EMS'], ['DE', 'EMP'], ['BE', 'MSP']] as const;
const HOUR = 3_600;
const DAY = 86_400;

/**
 * Sessions `SES0001`… at the given locations, with `CDR0001`… for the completed ones. The newest few (up to three) are
 * still ACTIVE, each on its own EVSE, CHARGING ones first and never the first EVSE of the first location; one in the
 * middle is INVALID; the rest are COMPLETED. Without locations there are no sessions.
 */
export function generateSessions(options: GenerateSessionsOptions): GeneratedSessions {
  const spots = options.locations.flatMap((location) => (location.evses ?? []).map((evse) => ({ location, evse })));
  if (spots.length === 0 || options.count === 0) return { sessions: [], cdrs: [] };
  const width = Math.max(4, String(options.count).length);
  const ids = (prefix: string, n: number): string => `${prefix}${String(n).padStart(width, '0')}`;
  const plans = planSessions(options, spots, (n) => ids('SES', n));
  const tariffs = new Map(options.tariffs.map((tariff) => [tariff.id, tariff]));
  const sessions: Session[] = [];
  const cdrs: Cdr[] = [];
  let cdrStamp = 0;
  for (const plan of plans) {
    const tariffIds = plan.connector.tariff_ids ?? [];
    const tariff = tariffIds.length > 0 ? tariffs.get(options.random.pick(tariffIds)) : undefined;
    // An invalid session is not billed.
    const costs = plan.status === 'INVALID' ? undefined : priceUsage(tariff, plan.usage);
    const session = buildSession(options, { plan, tariff, costs });
    sessions.push(session);
    if (plan.status !== 'COMPLETED' || costs === undefined) continue;
    // A CDR is created some minutes after its session ended, and CDRs are stamped in the order they were created.
    cdrStamp = Math.max(plan.lastUpdated + options.random.int(300, HOUR), cdrStamp + 1);
    cdrs.push(buildCdr({ id: ids('CDR', cdrs.length + 1), session, plan, tariff, costs, lastUpdated: cdrStamp }));
  }
  return { sessions, cdrs };
}

// Past sessions start spread over the period and end at least a day before now; the active ones began in the last hours.
function planSessions(options: GenerateSessionsOptions, spots: readonly Spot[], id: (n: number) => string): SessionPlan[] {
  const { random, count, now } = options;
  const activeCount = Math.min(3, Math.floor(count / 4));
  const invalidIndex = count - activeCount >= 3 ? Math.floor((count - activeCount) / 2) : -1;
  const tokens = Array.from({ length: Math.ceil(count / 3) }, () => drawToken(random));
  const plans: SessionPlan[] = [];
  let stamp = 0;
  random.ascending(count - activeCount, options.from, now - 2 * DAY).forEach((start, i) => {
    const spot = random.pick(spots);
    const connector = random.pick(spot.evse.connectors);
    const invalid = i === invalidIndex;
    const usage = invalid ? { start, charging: random.int(60, 300), parking: 0, wh: 0 } : pastUsage(random, connector, start);
    // Stamps must strictly increase even when a short session ends before a longer one that started earlier.
    stamp = Math.max(usage.start + usage.charging + usage.parking + random.int(5, 120), stamp + 1);
    plans.push({ id: id(i + 1), spot, connector, token: random.pick(tokens), usage, status: invalid ? 'INVALID' : 'COMPLETED', lastUpdated: stamp });
  });
  const activeSpots = pickActiveSpots(random, spots, activeCount);
  random.ascending(activeSpots.length, now - 3 * HOUR, now - HOUR).forEach((start, i) => {
    const spot = activeSpots[i] as Spot;
    const connector = random.pick(spot.evse.connectors);
    // The latest meter values arrived in the last minutes, one active session after the other.
    const lastUpdated = now - (activeSpots.length - i) * 120 + random.int(0, 59);
    const usage = { start, charging: lastUpdated - start, parking: 0, wh: Math.round((power(connector) * drawFactor(random) * (lastUpdated - start)) / HOUR) };
    plans.push({ id: id(plans.length + 1), spot, connector, token: random.pick(tokens), usage, status: 'ACTIVE', lastUpdated });
  });
  return plans;
}

// Distinct EVSEs for the active sessions: CHARGING ones first, then any but the first EVSE, which commands need free.
function pickActiveSpots(random: SeededRandom, spots: readonly Spot[], count: number): Spot[] {
  const charging = random.sample(spots.filter((spot) => spot.evse.status === 'CHARGING'), count);
  const others = spots.filter((spot, i) => i > 0 && spot.evse.status !== 'CHARGING');
  return [...charging, ...random.sample(others, count - charging.length)];
}

// A car draws 35–90% of the connector's power; it charges 4–60 kWh (at most 10 hours), and may stay parked after.
function pastUsage(random: SeededRandom, connector: Connector, start: number): Usage {
  const drawn = power(connector) * drawFactor(random);
  const charging = Math.min(10 * HOUR, Math.max(300, Math.round((random.int(4_000, 60_000) / drawn) * HOUR)));
  const dc = connector.power_type === 'DC';
  const parking = random.chance(dc ? 0.1 : 0.4) ? random.int(dc ? 120 : 600, dc ? 1_200 : 3 * HOUR) : 0;
  return { start, charging, parking, wh: Math.round((drawn * charging) / HOUR) };
}

function power(connector: Connector): number {
  return connector.max_electric_power ?? connector.max_voltage * connector.max_amperage;
}

function drawFactor(random: SeededRandom): number {
  return random.between(0.35, 0.9, 2);
}

function drawToken(random: SeededRandom): CdrToken {
  const [country_code, party_id] = random.pick(EMSPS);
  const hex = (length: number): string => Array.from({ length }, () => random.pick([...'0123456789ABCDEF'])).join('');
  const rfid = random.chance(0.7);
  // RFID cards carry a 4- or 7-byte UID; app users are known by an account number.
  const uid = rfid ? (random.chance(0.5) ? hex(8) : `04${hex(12)}`) : `APP${random.int(100_000, 999_999)}`;
  // An eMI3 contract id; its last character stands in for the check digit, which is not computed.
  const contract_id = `${country_code}-${party_id}-C${random.int(10_000_000, 99_999_999)}-${random.pick([...'0123456789ABCDEFGHJKLMNPRSTUVWXYZ'])}`;
  return { country_code, party_id, uid, type: rfid ? 'RFID' : 'APP_USER', contract_id };
}

// A session with its pricing: `costs` is absent for a session that is not billed.
interface PricedPlan {
  readonly plan: SessionPlan;
  readonly tariff: GeneratedTariff | undefined;
  readonly costs: Costs | undefined;
}

function buildSession(options: GenerateSessionsOptions, { plan, tariff, costs }: PricedPlan): Session {
  const { usage, token } = plan;
  const authMethod = token.type === 'APP_USER' ? 'COMMAND' : options.random.pick(['WHITELIST', 'AUTH_REQUEST']);
  return {
    country_code: options.countryCode,
    party_id: options.partyId,
    id: plan.id,
    start_date_time: stamp(usage.start),
    ...(plan.status === 'ACTIVE' ? {} : { end_date_time: stamp(usage.start + usage.charging + usage.parking) }),
    kwh: usage.wh / 1000,
    cdr_token: token,
    auth_method: authMethod,
    ...(authMethod === 'WHITELIST' ? {} : { authorization_reference: `AUTH-${plan.id}` }),
    location_id: plan.spot.location.id,
    evse_uid: plan.spot.evse.uid,
    connector_id: plan.connector.id,
    meter_id: `MTR-${plan.spot.evse.uid}`,
    currency: 'EUR',
    ...(costs === undefined ? {} : { charging_periods: chargingPeriods(options.random, plan, tariff?.id), total_cost: costs.total }),
    status: plan.status,
    last_updated: stamp(plan.lastUpdated),
  };
}

// The charging time split in one to three periods (as if the tariff changed), then the time parked, if any.
function chargingPeriods(random: SeededRandom, plan: SessionPlan, tariffId: string | undefined): ChargingPeriod[] {
  const { usage, connector } = plan;
  const cuts = random.ascending(Math.min(random.int(0, 2), usage.charging - 1), 1, usage.charging);
  const bounds = [0, ...cuts, usage.charging];
  const tariff = tariffId === undefined ? {} : { tariff_id: tariffId };
  const maxPower = connector.power_type === 'DC' ? [{ type: 'MAX_POWER', volume: power(connector) / 1000 }] : [];
  let whLeft = usage.wh;
  const periods: ChargingPeriod[] = bounds.slice(1).map((end, i) => {
    const begin = bounds[i] as number;
    const wh = end === usage.charging ? whLeft : Math.floor((usage.wh * (end - begin)) / usage.charging);
    whLeft -= wh;
    const dimensions = [{ type: 'ENERGY', volume: wh / 1000 }, { type: 'TIME', volume: hours(end - begin) }, ...maxPower];
    return { start_date_time: stamp(usage.start + begin), dimensions, ...tariff };
  });
  if (usage.parking === 0) return periods;
  return [...periods, { start_date_time: stamp(usage.start + usage.charging), dimensions: [{ type: 'PARKING_TIME', volume: hours(usage.parking) }], ...tariff }];
}

// What a session costs.
interface Costs {
  readonly fixed: Price;
  readonly energy: Price;
  readonly time: Price;
  readonly parking: Price;
  readonly total: Price;
}

// An approximation of the tariff: the first price component of each dimension counts, restrictions are not applied.
function priceUsage(tariff: GeneratedTariff | undefined, usage: Usage): Costs {
  const components = tariff?.elements.flatMap((element) => element.price_components) ?? [];
  const component = (type: TariffDimension): PriceComponent | undefined => components.find((candidate) => candidate.type === type);
  const fixed = cost(component('FLAT'), 1, 1);
  const energy = cost(component('ENERGY'), usage.wh, 1000);
  const time = cost(component('TIME'), usage.charging, HOUR);
  const parking = cost(component('PARKING_TIME'), usage.parking, HOUR);
  const parts = [fixed, energy, time, parking];
  const sum = (pick: (price: Price) => number): number => round(parts.reduce((total, price) => total + pick(price), 0), 2);
  let total: Price = { excl_vat: sum((price) => price.excl_vat), incl_vat: sum((price) => price.incl_vat ?? price.excl_vat) };
  // A minimum or maximum price replaces the total when it applies, as the spec says.
  if (tariff?.min_price !== undefined && total.excl_vat < tariff.min_price.excl_vat) total = tariff.min_price;
  if (tariff?.max_price !== undefined && total.excl_vat > tariff.max_price.excl_vat) total = tariff.max_price;
  return { fixed, energy, time, parking, total };
}

// `volume` is in base units (Wh, seconds, sessions), `perUnit` base units make one priced unit; billing is per step.
function cost(component: PriceComponent | undefined, volume: number, perUnit: number): Price {
  if (component === undefined) return { excl_vat: 0, incl_vat: 0 };
  const billed = (Math.ceil(volume / component.step_size) * component.step_size) / perUnit;
  const exclVat = round(billed * component.price, 2);
  return { excl_vat: exclVat, incl_vat: round(exclVat * (1 + (component.vat ?? 0) / 100), 2) };
}

function buildCdr(input: PricedPlan & { id: string; session: Session; costs: Costs; lastUpdated: number }): Cdr {
  const { session, plan, tariff, costs } = input;
  return {
    country_code: session.country_code,
    party_id: session.party_id,
    id: input.id,
    start_date_time: session.start_date_time,
    end_date_time: session.end_date_time ?? stamp(input.lastUpdated),
    session_id: session.id,
    cdr_token: session.cdr_token,
    auth_method: session.auth_method,
    ...(session.authorization_reference === undefined ? {} : { authorization_reference: session.authorization_reference }),
    cdr_location: cdrLocation(plan),
    ...(session.meter_id === undefined ? {} : { meter_id: session.meter_id }),
    currency: session.currency,
    ...(tariff === undefined ? {} : { tariffs: [tariff] }),
    charging_periods: session.charging_periods ?? [],
    total_cost: costs.total,
    total_fixed_cost: costs.fixed,
    total_energy: session.kwh,
    total_energy_cost: costs.energy,
    total_time: hours(plan.usage.charging + plan.usage.parking),
    total_time_cost: costs.time,
    ...(plan.usage.parking > 0 ? { total_parking_time: hours(plan.usage.parking), total_parking_cost: costs.parking } : {}),
    last_updated: stamp(input.lastUpdated),
  };
}

function cdrLocation({ spot: { location, evse }, connector }: SessionPlan): Record<string, unknown> {
  return cdrLocationOf(location, evse, connector);
}

/** The location as it was when the session took place, reduced to the fields a CDR keeps (its CdrLocation). */
export function cdrLocationOf(location: Location, evse: Evse, connector: Connector): Record<string, unknown> {
  return {
    id: location.id,
    ...(location.name === undefined ? {} : { name: location.name }),
    address: location.address,
    city: location.city,
    ...(location.postal_code === undefined ? {} : { postal_code: location.postal_code }),
    country: location.country,
    coordinates: location.coordinates,
    evse_uid: evse.uid,
    evse_id: evse.evse_id ?? evse.uid,
    connector_id: connector.id,
    connector_standard: connector.standard,
    connector_format: connector.format,
    connector_power_type: connector.power_type,
  };
}

function hours(seconds: number): number {
  return round(seconds / HOUR, 4);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function stamp(seconds: number): string {
  return ocpiNow(new Date(seconds * 1000));
}
