import { ocpiNow } from '../schemas/ocpi-datetime.js';
import type { Token } from './ocpi-objects.js';
import { SeededRandom } from './seeded-random.js';

/** What tokens to generate for a reference eMSP. */
export interface GenerateTokensOptions {
  /** The eMSP's ISO 3166-1 alpha-2 country code, e.g. `NL`. */
  readonly countryCode: string;
  /** The eMSP's three-character party id, e.g. `REM`. */
  readonly partyId: string;
  /** Number of tokens; 25 by default. */
  readonly count?: number;
  /** The same seed (and `now`) always gives the same tokens; 1 by default. */
  readonly seed?: number;
  /** Every last_updated lies in the 180 days before this moment; the current time by default. */
  readonly now?: Date;
}

const DAY = 86_400;
const HOUR = 3_600;
const FIRST_NAMES = ['Anna', 'Bram', 'Chloé', 'Daan', 'Eva', 'Finn', 'Greta', 'Hugo', 'Iris', 'Jules'];

/**
 * The Tokens an eMSP issues, ordered by strictly increasing last_updated: mostly valid RFID cards and app users, with
 * every fifth token blocked (valid: false), so that real-time authorization has both kinds to answer for.
 */
export function generateTokens(options: GenerateTokensOptions): Token[] {
  const count = options.count ?? 25;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number of zero or more, not ${count}`);
  const random = new SeededRandom(options.seed ?? 1);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const width = Math.max(4, String(count).length);
  return random.ascending(count, now - 180 * DAY, now - HOUR).map((lastUpdated, index) => {
    const number = String(index + 1).padStart(width, '0');
    const app = index % 7 === 3;
    const blocked = index % 5 === 4;
    const hex = Array.from({ length: 7 }, () => random.int(0, 255).toString(16).padStart(2, '0')).join('').toUpperCase();
    return {
      country_code: options.countryCode,
      party_id: options.partyId,
      uid: app ? `APP${number}` : hex,
      type: app ? 'APP_USER' : 'RFID',
      contract_id: `${options.countryCode}-${options.partyId}-C${number}${random.int(0, 9)}`,
      ...(app ? {} : { visual_number: `${options.partyId}-${number}` }),
      issuer: `${random.pick(FIRST_NAMES)} ${options.partyId} Mobility`,
      ...(index % 3 === 0 ? { group_id: `${options.partyId}-FLEET-${1 + (index % 4)}` } : {}),
      valid: !blocked,
      whitelist: app ? 'NEVER' : random.pick(['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE']),
      ...(random.chance(0.6) ? { language: random.pick(['nl', 'en', 'de', 'fr']) } : {}),
      ...(random.chance(0.3) ? { default_profile_type: random.pick(['CHEAP', 'FAST', 'GREEN', 'REGULAR']) } : {}),
      last_updated: ocpiNow(new Date(lastUpdated * 1000)),
    };
  });
}
