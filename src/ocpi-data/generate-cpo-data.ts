import type { CpoData } from './ocpi-objects.js';
import { SeededRandom } from './seeded-random.js';
import { generateLocations } from './generate-locations.js';
import { generateSessions } from './generate-sessions.js';
import { generateTariffs } from './generate-tariffs.js';

/** What data to generate for the reference CPO. */
export interface GenerateOptions {
  /** The CPO's ISO 3166-1 alpha-2 country code, e.g. `NL`. */
  readonly countryCode: string;
  /** The CPO's three-character party id, e.g. `RCP`. */
  readonly partyId: string;
  /** The same seed (and `now`) always gives the same data; 1 by default. */
  readonly seed?: number;
  /** Number of locations; 12 by default. */
  readonly locations?: number;
  /** Number of tariffs; 6 by default. */
  readonly tariffs?: number;
  /** Number of sessions (a CDR is made for each completed one); 30 by default. */
  readonly sessions?: number;
  /** Every timestamp lies in the 180 days before this moment; the current time by default. */
  readonly now?: Date;
}

const DAY = 86_400;
const HOUR = 3_600;

/**
 * Realistic OCPI 2.2.1 Locations, Tariffs, Sessions and CDRs for the reference CPO, deterministic for given options.
 * Each list is ordered oldest first, with distinct, strictly increasing last_updated values before `now`.
 * Throws a RangeError for a malformed country code or party id, a negative count, or more objects than seconds.
 */
export function generateCpoData(options: GenerateOptions): CpoData {
  const counts = { locations: options.locations ?? 12, tariffs: options.tariffs ?? 6, sessions: options.sessions ?? 30 };
  checkOptions(options, Object.values(counts));
  const random = new SeededRandom(options.seed ?? 1);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const from = now - 180 * DAY;
  const party = { random, countryCode: options.countryCode, partyId: options.partyId };
  // Generated in this order from one random stream: tariffs first, since connectors and sessions refer to them.
  const tariffs = generateTariffs({ ...party, count: counts.tariffs, from, to: now - HOUR });
  // EVSEs and connectors are stamped up to a day before their location, so locations start a day late.
  const locations = generateLocations({ ...party, count: counts.locations, tariffs, from: from + DAY, to: now - HOUR });
  const { sessions, cdrs } = generateSessions({ ...party, count: counts.sessions, locations, tariffs, from, now });
  return { locations, tariffs, sessions, cdrs };
}

function checkOptions(options: GenerateOptions, counts: readonly number[]): void {
  if (!/^[A-Z]{2}$/.test(options.countryCode)) throw new RangeError(`countryCode must be two upper-case letters, not ${JSON.stringify(options.countryCode)}`);
  if (!/^[A-Z0-9]{3}$/.test(options.partyId)) throw new RangeError(`partyId must be three upper-case letters or digits, not ${JSON.stringify(options.partyId)}`);
  if (counts.some((count) => !Number.isInteger(count) || count < 0)) throw new RangeError(`counts must be whole numbers of zero or more, not ${counts.join(', ')}`);
}
