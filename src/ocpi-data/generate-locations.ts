import { ocpiNow } from '../schemas/ocpi-datetime.js';
import type { Connector, Evse, Location, Tariff } from './ocpi-objects.js';
import type { SeededRandom } from './seeded-random.js';

/** What generateLocations needs; times are epoch seconds. */
export interface GenerateLocationsOptions {
  readonly random: SeededRandom;
  readonly countryCode: string;
  readonly partyId: string;
  readonly count: number;
  /** The tariffs connectors may refer to (none is fine: connectors then carry no tariff_ids). */
  readonly tariffs: readonly Tariff[];
  /** Location last_updated values are spread over [from, to); EVSEs and connectors may be up to a day older. */
  readonly from: number;
  readonly to: number;
}

interface City {
  readonly name: string;
  readonly country: string;
  readonly timeZone: string;
  readonly latitude: number;
  readonly longitude: number;
  // The range of the numeric part of the postal code; Dutch codes add two letters.
  readonly postal: readonly [number, number];
  readonly streets: readonly string[];
}

const CITIES: readonly City[] = [
  { name: 'Amsterdam', country: 'NLD', timeZone: 'Europe/Amsterdam', latitude: 52.3676, longitude: 4.9041, postal: [1011, 1109], streets: ['Damrak', 'Rokin', 'Overtoom', 'Wibautstraat', 'Javastraat', 'Amstelveenseweg'] },
  { name: 'Rotterdam', country: 'NLD', timeZone: 'Europe/Amsterdam', latitude: 51.9244, longitude: 4.4777, postal: [3011, 3089], streets: ['Coolsingel', 'Blaak', 'Weena', 'Kruiskade', 'Nieuwe Binnenweg'] },
  { name: 'Utrecht', country: 'NLD', timeZone: 'Europe/Amsterdam', latitude: 52.0907, longitude: 5.1214, postal: [3511, 3585], streets: ['Catharijnesingel', 'Biltstraat', 'Vredenburg', 'Amsterdamsestraatweg'] },
  { name: 'Den Haag', country: 'NLD', timeZone: 'Europe/Amsterdam', latitude: 52.0705, longitude: 4.3007, postal: [2491, 2599], streets: ['Lange Voorhout', 'Laan van Meerdervoort', 'Koningin Julianaplein'] },
  { name: 'Eindhoven', country: 'NLD', timeZone: 'Europe/Amsterdam', latitude: 51.4416, longitude: 5.4697, postal: [5611, 5658], streets: ['Vestdijk', 'Stratumseind', 'Fellenoord'] },
  { name: 'Antwerpen', country: 'BEL', timeZone: 'Europe/Brussels', latitude: 51.2194, longitude: 4.4025, postal: [2000, 2060], streets: ['Meir', 'Frankrijklei', 'Italiëlei'] },
  { name: 'Düsseldorf', country: 'DEU', timeZone: 'Europe/Berlin', latitude: 51.2277, longitude: 6.7735, postal: [40210, 40629], streets: ['Königsallee', 'Graf-Adolf-Straße', 'Berliner Allee'] },
  { name: 'Paris', country: 'FRA', timeZone: 'Europe/Paris', latitude: 48.8566, longitude: 2.3522, postal: [75001, 75020], streets: ['Rue de Rivoli', 'Boulevard Haussmann', 'Avenue de France'] },
];

// A connector as [standard, format, power_type, max_voltage, max_amperage, max_electric_power].
type ConnectorSpec = readonly [string, 'SOCKET' | 'CABLE', string, number, number, number];
// A charger model: the connectors of one EVSE.
type Charger = readonly ConnectorSpec[];

const AC_11: Charger = [['IEC_62196_T2', 'SOCKET', 'AC_3_PHASE', 400, 16, 11_000]];
const AC_22: Charger = [['IEC_62196_T2', 'SOCKET', 'AC_3_PHASE', 400, 32, 22_000]];
const AC_DUO: Charger = [['IEC_62196_T2', 'SOCKET', 'AC_3_PHASE', 400, 16, 11_000], ['DOMESTIC_F', 'SOCKET', 'AC_1_PHASE', 230, 16, 3_680]];
const AC_HOME: Charger = [['IEC_62196_T2', 'CABLE', 'AC_1_PHASE', 230, 16, 3_680]];
const DC_50: Charger = [['IEC_62196_T2_COMBO', 'CABLE', 'DC', 500, 125, 50_000], ['CHADEMO', 'CABLE', 'DC', 500, 125, 50_000], ['IEC_62196_T2', 'CABLE', 'AC_3_PHASE', 400, 63, 43_000]];
const DC_150: Charger = [['IEC_62196_T2_COMBO', 'CABLE', 'DC', 920, 200, 150_000], ['CHADEMO', 'CABLE', 'DC', 500, 125, 50_000]];
const DC_350: Charger = [['IEC_62196_T2_COMBO', 'CABLE', 'DC', 920, 500, 350_000]];

interface Hours {
  readonly days: readonly number[];
  readonly begin: readonly string[];
  readonly end: readonly string[];
  // Sunday hours, for the places that open on Sundays.
  readonly sunday?: readonly [string, string];
}

// The kind of place a location is: it decides the parking, facilities, opening hours and chargers.
interface SiteKind {
  readonly label?: string;
  readonly weight: number;
  readonly parkingType: string;
  readonly facilities: readonly string[];
  readonly hours?: Hours;
  readonly evses: readonly [number, number];
  readonly chargers: readonly Charger[];
  readonly floors?: readonly string[];
}

const SHOP_HOURS: Hours = { days: [1, 2, 3, 4, 5, 6], begin: ['07:00', '08:00'], end: ['20:00', '21:00', '22:00'], sunday: ['10:00', '18:00'] };
const SITE_KINDS: readonly SiteKind[] = [
  { weight: 5, parkingType: 'ON_STREET', facilities: [], evses: [1, 2], chargers: [AC_11, AC_22, AC_DUO] },
  { label: 'Garage', weight: 2, parkingType: 'PARKING_GARAGE', facilities: [], evses: [2, 4], chargers: [AC_11, AC_22], floors: ['-1', '0', '1', '2'] },
  { label: 'Supermarket', weight: 2, parkingType: 'PARKING_LOT', facilities: ['SUPERMARKET'], hours: SHOP_HOURS, evses: [1, 3], chargers: [AC_22, DC_50] },
  { label: 'Mall', weight: 1, parkingType: 'UNDERGROUND_GARAGE', facilities: ['MALL', 'RESTAURANT', 'CAFE'], hours: { days: [1, 2, 3, 4, 5, 6], begin: ['09:00'], end: ['21:00'], sunday: ['12:00', '18:00'] }, evses: [2, 4], chargers: [AC_11, AC_22], floors: ['-1', '-2'] },
  { label: 'Hotel', weight: 1, parkingType: 'PARKING_LOT', facilities: ['HOTEL', 'RESTAURANT', 'WIFI'], evses: [1, 3], chargers: [AC_11, AC_DUO] },
  { label: 'P+R', weight: 1, parkingType: 'PARKING_LOT', facilities: ['TRAIN_STATION', 'CARPOOL_PARKING', 'BIKE_SHARING'], evses: [2, 4], chargers: [AC_11, AC_22] },
  { label: 'Fast charging', weight: 1, parkingType: 'ALONG_MOTORWAY', facilities: ['FUEL_STATION', 'CAFE', 'WIFI'], evses: [2, 4], chargers: [DC_50, DC_150, DC_350] },
  { label: 'Office', weight: 1, parkingType: 'PARKING_GARAGE', facilities: [], hours: { days: [1, 2, 3, 4, 5], begin: ['07:00'], end: ['19:00'] }, evses: [1, 4], chargers: [AC_11, AC_HOME] },
  { label: 'Residence', weight: 1, parkingType: 'ON_DRIVEWAY', facilities: [], evses: [1, 1], chargers: [AC_HOME] },
];
const WEIGHTED_KINDS = SITE_KINDS.map((kind) => [kind, kind.weight] as const);

// Capabilities in the order of the OCPI enum, so that every EVSE lists them the same way.
const CAPABILITIES = ['CHARGING_PROFILE_CAPABLE', 'CHARGING_PREFERENCES_CAPABLE', 'CHIP_CARD_SUPPORT', 'CONTACTLESS_CARD_SUPPORT', 'CREDIT_CARD_PAYABLE', 'DEBIT_CARD_PAYABLE', 'PED_TERMINAL', 'REMOTE_START_STOP_CAPABLE', 'RESERVABLE', 'RFID_READER', 'START_SESSION_CONNECTOR_REQUIRED', 'TOKEN_GROUP_CAPABLE', 'UNLOCK_CAPABLE'];
// Remote commands in the tester's own tests target the first EVSE of the first location.
const COMMAND_TARGET_CAPABILITIES = ['REMOTE_START_STOP_CAPABLE', 'RESERVABLE', 'UNLOCK_CAPABLE', 'CHARGING_PROFILE_CAPABLE'];
const STATUSES = [['AVAILABLE', 72], ['CHARGING', 16], ['BLOCKED', 5], ['OUTOFORDER', 5], ['INOPERATIVE', 2]] as const;
const DAY = 86_400;

// What every part of one location shares while it is generated.
interface LocationContext {
  readonly options: GenerateLocationsOptions;
  readonly id: string;
  // The location's number, zero-padded, for eMI3 EVSE ids.
  readonly number: string;
  readonly kind: SiteKind;
  readonly lastUpdated: number;
  // Whether this is the first location, whose first EVSE remote commands target.
  readonly first: boolean;
}

/** Locations `LOC0001`… in a few Dutch and European cities, ordered by (strictly increasing) last_updated. */
export function generateLocations(options: GenerateLocationsOptions): Location[] {
  const width = Math.max(4, String(options.count).length);
  return options.random.ascending(options.count, options.from, options.to).map((lastUpdated, index) => {
    const number = String(index + 1).padStart(width, '0');
    const kind = options.random.weighted(WEIGHTED_KINDS);
    return generateLocation({ options, id: `LOC${number}`, number, kind, lastUpdated, first: index === 0 });
  });
}

function generateLocation(context: LocationContext): Location {
  const { options, kind } = context;
  const { random } = options;
  const city = random.pick(CITIES);
  const street = random.pick(city.streets);
  const houseNumber = random.int(1, 250);
  const name = kind.label === undefined ? undefined : `${kind.label} ${street}`;
  const facilities = random.chance(0.3) && !kind.facilities.includes('WIFI') ? [...kind.facilities, 'WIFI'] : kind.facilities;
  return {
    country_code: options.countryCode,
    party_id: options.partyId,
    id: context.id,
    publish: true,
    ...(name === undefined ? {} : { name }),
    // French addresses put the house number first.
    address: city.country === 'FRA' ? `${houseNumber} ${street}` : `${street} ${houseNumber}`,
    city: city.name,
    postal_code: postalCode(random, city),
    country: city.country,
    coordinates: { latitude: (city.latitude + random.between(-0.05, 0.05, 6)).toFixed(6), longitude: (city.longitude + random.between(-0.08, 0.08, 6)).toFixed(6) },
    parking_type: kind.parkingType,
    evses: Array.from({ length: random.int(...kind.evses) }, (_, index) => generateEvse(context, index)),
    operator: { name: `Reference CPO ${options.countryCode}*${options.partyId}`, website: 'https://www.example.com' },
    ...(name !== undefined && kind.hours !== undefined ? { owner: { name } } : {}),
    ...(facilities.length > 0 ? { facilities } : {}),
    time_zone: city.timeZone,
    ...openingTimes(context),
    last_updated: ocpiNow(new Date(context.lastUpdated * 1000)),
  };
}

function postalCode(random: SeededRandom, city: City): string {
  const digits = String(random.int(...city.postal));
  if (city.country !== 'NLD') return digits.padStart(city.postal[0] >= 10_000 ? 5 : 4, '0');
  const letters = 'ABCDEGHJKLNPRTVWXZ';
  return `${digits} ${random.pick([...letters])}${random.pick([...letters])}`;
}

// opening_times (and charging_when_closed) for places with hours; most of the others are simply open around the clock.
function openingTimes(context: LocationContext): Pick<Location, 'opening_times' | 'charging_when_closed'> {
  const { random } = context.options;
  const hours = context.kind.hours;
  const closing = random.chance(0.2) ? { exceptional_closings: [exceptionalPeriod(context, 0, 24)] } : {};
  if (hours === undefined) return { opening_times: { twentyfourseven: true, ...closing } };
  const begin = random.pick(hours.begin);
  const end = random.pick(hours.end);
  const regular_hours = hours.days.map((weekday) => ({ weekday, period_begin: begin, period_end: end }));
  const sunday = hours.sunday !== undefined && random.chance(0.7) ? [{ weekday: 7, period_begin: hours.sunday[0], period_end: hours.sunday[1] }] : [];
  const opening = random.chance(0.3) ? { exceptional_openings: [exceptionalPeriod(context, 10, 16)] } : {};
  return {
    opening_times: { twentyfourseven: false, regular_hours: [...regular_hours, ...sunday], ...opening, ...closing },
    ...(random.chance(0.6) ? { charging_when_closed: random.chance(0.5) } : {}),
  };
}

// A one-off period (a holiday closing, a special opening) on a day within a few weeks after the last update.
function exceptionalPeriod(context: LocationContext, fromHour: number, toHour: number): { period_begin: string; period_end: string } {
  const day = context.lastUpdated - (context.lastUpdated % DAY) + context.options.random.int(3, 60) * DAY;
  return { period_begin: ocpiNow(new Date((day + fromHour * 3600) * 1000)), period_end: ocpiNow(new Date((day + toHour * 3600) * 1000)) };
}

function generateEvse(context: LocationContext, index: number): Evse {
  const { random } = context.options;
  const commandTarget = context.first && index === 0;
  const charger = random.pick(context.kind.chargers);
  const lastUpdated = context.lastUpdated - random.int(0, DAY / 2);
  const tariffIds = pickTariffs(random, context.options.tariffs, charger);
  const floor = context.kind.floors === undefined ? {} : { floor_level: random.pick(context.kind.floors) };
  return {
    uid: `${context.id}-${index + 1}`,
    evse_id: `${context.options.countryCode}*${context.options.partyId}*E${context.number}*${index + 1}`,
    status: commandTarget ? 'AVAILABLE' : random.weighted(STATUSES),
    capabilities: capabilities(random, charger, commandTarget),
    connectors: charger.map((spec, i) => connector(spec, i, tariffIds, lastUpdated - random.int(0, DAY / 2))),
    ...floor,
    physical_reference: String(index + 1),
    ...(random.chance(0.3) ? { parking_restrictions: ['EV_ONLY'] } : {}),
    last_updated: ocpiNow(new Date(lastUpdated * 1000)),
  };
}

function capabilities(random: SeededRandom, charger: Charger, commandTarget: boolean): string[] {
  const fast = charger.some(([, , powerType]) => powerType === 'DC');
  const chosen = new Set(['RFID_READER', 'REMOTE_START_STOP_CAPABLE']);
  if (fast) ['CREDIT_CARD_PAYABLE', 'CONTACTLESS_CARD_SUPPORT'].forEach((capability) => chosen.add(capability));
  if (fast && random.chance(0.5)) chosen.add('PED_TERMINAL');
  // A socket locks the driver's own cable, which only an unlock command can free.
  if (charger.some(([, format]) => format === 'SOCKET')) chosen.add('UNLOCK_CAPABLE');
  if (charger.length > 1 && random.chance(0.5)) chosen.add('START_SESSION_CONNECTOR_REQUIRED');
  for (const optional of ['RESERVABLE', 'CHARGING_PROFILE_CAPABLE', 'TOKEN_GROUP_CAPABLE']) if (random.chance(0.4)) chosen.add(optional);
  if (commandTarget) COMMAND_TARGET_CAPABILITIES.forEach((capability) => chosen.add(capability));
  return CAPABILITIES.filter((capability) => chosen.has(capability));
}

// Fast chargers use the fast and ad-hoc tariffs, the others the rest; sometimes an EVSE offers two.
function pickTariffs(random: SeededRandom, tariffs: readonly Tariff[], charger: Charger): string[] {
  const fast = charger.some(([, , powerType]) => powerType === 'DC');
  const suited = tariffs.filter((tariff) => (tariff.type === 'PROFILE_FAST' || tariff.type === 'AD_HOC_PAYMENT') === fast);
  const pool = suited.length > 0 ? suited : tariffs;
  return random.sample(pool, random.chance(0.3) ? 2 : 1).map((tariff) => tariff.id);
}

function connector(spec: ConnectorSpec, index: number, tariffIds: readonly string[], lastUpdated: number): Connector {
  const [standard, format, power_type, max_voltage, max_amperage, max_electric_power] = spec;
  return {
    id: String(index + 1),
    standard,
    format,
    power_type,
    max_voltage,
    max_amperage,
    max_electric_power,
    ...(tariffIds.length > 0 ? { tariff_ids: tariffIds } : {}),
    last_updated: ocpiNow(new Date(lastUpdated * 1000)),
  };
}
