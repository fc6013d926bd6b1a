import type { StateKey } from '../../../src/runner/run-state.js';

/** One Sender list of a CPO, as the list cases need it. */
export interface ListModule {
  /** The module identifier in version details. */
  readonly module: 'locations' | 'tariffs' | 'sessions' | 'cdrs';
  /** The case id prefix: LOC, TAR, SES, CDR. */
  readonly prefix: string;
  /** The OCPI object of each element. */
  readonly object: string;
  /** The plural a person reads: "Locations". */
  readonly plural: string;
  readonly digest: Extract<StateKey, 'locationsList' | 'tariffsList' | 'sessionsList' | 'cdrsList'>;
  /** Filters every request carries (the Sessions list marks date_from as required). */
  readonly baseFilters: Readonly<Record<string, string>>;
  /** The section of the module's chapter with the GET list method. */
  readonly section: string;
}

/** Objects of the CPO's lists are identified by their owner and id. */
export function ownedKey(item: unknown): string | undefined {
  const { country_code: cc, party_id: pid, id } = (item ?? {}) as { country_code?: unknown; party_id?: unknown; id?: unknown };
  return typeof cc === 'string' && typeof pid === 'string' && typeof id === 'string' ? `${cc}/${pid}/${id}`.toUpperCase() : undefined;
}

/** The tester's date_from for lists that require one: earlier than any OCPI data (OCPI 2.0 dates from 2016). */
export const SINCE_EVER = '2000-01-01T00:00:00Z';

export const LIST_MODULES: readonly ListModule[] = Object.freeze([
  { module: 'locations', prefix: 'LOC', object: 'Location', plural: 'Locations', digest: 'locationsList', baseFilters: {}, section: 'Locations module, Sender interface, GET list' },
  { module: 'tariffs', prefix: 'TAR', object: 'Tariff', plural: 'Tariffs', digest: 'tariffsList', baseFilters: {}, section: 'Tariffs module, Sender interface, GET list' },
  { module: 'sessions', prefix: 'SES', object: 'Session', plural: 'Sessions', digest: 'sessionsList', baseFilters: { date_from: SINCE_EVER }, section: 'Sessions module, Sender interface, GET list' },
  { module: 'cdrs', prefix: 'CDR', object: 'CDR', plural: 'CDRs', digest: 'cdrsList', baseFilters: {}, section: 'CDRs module, Sender interface, GET list' },
] as const);
