import { dateTimeMs, sameInstant } from '../schemas/ocpi-datetime.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { Exchange } from '../model/exchange.js';
import { compareByType } from './compare-by-type.js';
import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';

/** The check id of LOC-04; another module's case names its own (`check` in the input). */
const LOCATIONS_CHECK = 'locations.object-matches-list';

/** An object of a list, fetched on its own after the crawl. */
export interface FetchedAfterList {
  readonly version: OcpiVersion;
  /** The schema name: `Location`, `EVSE`, `Connector`. */
  readonly object: string;
  /** How a message names it: "EVSE BE-BEC-E041503001". */
  readonly what: string;
  /** The object as the list served it. */
  readonly listed: unknown;
  /** The object as its own GET served it. */
  readonly fetched: unknown;
  readonly exchange: Exchange;
  /** The check id reported; `locations.object-matches-list` by default. */
  readonly check?: string;
}

const lastUpdatedOf = (value: unknown): unknown => (value as { last_updated?: unknown } | null)?.last_updated;

/**
 * Judges an object fetched on its own against the list's copy, as OCPI types: the same object passes; one with the
 * same last_updated must be the same; one with an older last_updated fails (a single GET does not serve an object
 * older than the list did). Undefined when it is newer and differs: it may have changed since the crawl, and only a
 * second GET (`checkServedUnchanged`) tells a change from a last_updated stamped when served.
 */
export function checkObjectMatchesList(input: FetchedAfterList): Finding | undefined {
  const { exchange, what, listed, fetched } = input;
  const check = input.check ?? LOCATIONS_CHECK;
  const diff = compareByType({ version: input.version, object: input.object, expected: listed, actual: fetched });
  const at = { exchangeId: exchange.id };
  if (diff.length === 0) return pass(check, `${what} is the same as in the list`, at);
  const was = lastUpdatedOf(listed);
  const now = lastUpdatedOf(fetched);
  if (typeof was === 'string' && typeof now === 'string' && dateTimeMs(now) < dateTimeMs(was)) {
    return fail(check, `${what} fetched on its own has last_updated ${now}, older than the list's ${was}: a single GET serves the object as it is now, never an older state`, { ...at, at: '/data/last_updated', expected: `${was} or later`, actual: now });
  }
  if (typeof now === 'string' && !sameInstant(now, was)) return undefined;
  return fail(check, `${what} differs from the same object in the list, with the same last_updated: a single GET and the list serve one truth`, { ...at, at: '/data', diff });
}

/** An object fetched twice on its own, `afterMs` apart, because the first GET was newer than the list and differed. */
export interface FetchedTwice {
  readonly version: OcpiVersion;
  readonly object: string;
  readonly what: string;
  readonly first: unknown;
  readonly second: unknown;
  readonly afterMs: number;
  /** The second GET. */
  readonly exchange: Exchange;
  /** The check id reported; `locations.object-matches-list` by default. */
  readonly check?: string;
}

/**
 * Judges the second GET of an object that was newer than the list: a last_updated that moved while nothing else did
 * was stamped when the object was served, so it says nothing about when the object changed and the difference from
 * the list is unexplained (a failure). Otherwise the object changed since the crawl and is not compared.
 */
export function checkServedUnchanged(input: FetchedTwice): Finding {
  const { exchange, what, first, second } = input;
  const check = input.check ?? LOCATIONS_CHECK;
  const at = { exchangeId: exchange.id };
  const before = lastUpdatedOf(first);
  const after = lastUpdatedOf(second);
  const rest = compareByType({ version: input.version, object: input.object, expected: withoutLastUpdated(first), actual: withoutLastUpdated(second) });
  if (typeof after === 'string' && !sameInstant(before, after) && rest.length === 0) {
    return fail(check, `${what} was served with last_updated ${String(before)}, and again ${input.afterMs} ms later with ${after}, nothing else changed: last_updated says when the object changed, not when it was served, so its difference from the list is unexplained`, { ...at, at: '/data/last_updated', expected: before, actual: after });
  }
  return pass(check, `${what} was updated since the crawl (last_updated ${String(before)}); not compared`, at);
}

/** The value with every last_updated left out, at any depth (an EVSE's and its Connectors' too). */
function withoutLastUpdated(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLastUpdated);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'last_updated').map(([name, member]) => [name, withoutLastUpdated(member)]));
}
