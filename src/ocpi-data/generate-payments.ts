import { ocpiNow } from '../schemas/ocpi-datetime.js';
import { SeededRandom } from './seeded-random.js';

/** A Terminal or Financial Advice Confirmation as the reference PTP serves it (OCPI 2.3.0 Payments). */
export type PaymentObject = { readonly last_updated: string } & Readonly<Record<string, unknown>>;

/** What a reference PTP serves: its Terminals and its Financial Advice Confirmations, each oldest first. */
export interface PaymentsData {
  /** Mutable: a CPO may PUT, PATCH and activate Terminals (spec-notes P4). */
  readonly terminals: PaymentObject[];
  readonly confirmations: readonly PaymentObject[];
}

/** What payment data to generate for a reference PTP. */
export interface GeneratePaymentsOptions {
  /** The PTP's ISO 3166-1 alpha-2 country code, e.g. `NL`. */
  readonly countryCode: string;
  /** The PTP's three-character party id, e.g. `RPT`. */
  readonly partyId: string;
  /** Number of Terminals and of confirmations; 12 each by default. */
  readonly count?: number;
  /** The same seed (and `now`) always gives the same data; 1 by default. */
  readonly seed?: number;
  /** Every last_updated lies in the 90 days before this moment; the current time by default. */
  readonly now?: Date;
}

const DAY = 86_400;
const HOUR = 3_600;
const CITIES = [['Amsterdam', '1011 AB', '52.370216', '4.895168'], ['Utrecht', '3511 AA', '52.090737', '5.121420'], ['Rotterdam', '3011 AD', '51.924420', '4.477733']] as const;

/**
 * A PTP's Terminals (every third assigned to Locations and EVSEs of a CPO, as a PATCH of the CPO would leave it, the
 * others unassigned) and its Financial Advice Confirmations (one per captured payment, with taxes), each list ordered by
 * strictly increasing last_updated so that date filters have distinct values to fall between.
 */
export function generatePayments(options: GeneratePaymentsOptions): PaymentsData {
  const count = options.count ?? 12;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number of zero or more, not ${count}`);
  const random = new SeededRandom(options.seed ?? 1);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const at = (seconds: number): string => ocpiNow(new Date(seconds * 1000));
  const terminals = random.ascending(count, now - 90 * DAY, now - HOUR).map((lastUpdated, index): PaymentObject => {
    const [city, postalCode, latitude, longitude] = CITIES[index % CITIES.length] as (typeof CITIES)[number];
    const number = String(index + 1).padStart(4, '0');
    return {
      terminal_id: `${options.partyId}-TERM-${number}`,
      customer_reference: `CUST-${random.int(1000, 9999)}`,
      address: `Paystraat ${index + 1}`,
      city,
      postal_code: postalCode,
      country: 'NLD',
      coordinates: { latitude, longitude },
      invoice_base_url: `https://ptp.example.com/invoices/${number}`,
      invoice_creator: random.pick(['CPO', 'PTP'] as const),
      ...(index % 3 === 0 ? { location_ids: [`LOC${number}`], evse_uids: [`EVSE${number}-1`] } : {}),
      last_updated: at(lastUpdated),
    };
  });
  const confirmations = random.ascending(count, now - 90 * DAY, now - HOUR).map((lastUpdated, index): PaymentObject => {
    const beforeTaxes = random.int(500, 6000) / 100;
    const number = String(index + 1).padStart(4, '0');
    return {
      id: `${options.partyId}-FAC-${number}`,
      authorization_reference: `${options.partyId}-AUTH-${number}`,
      total_costs: { before_taxes: beforeTaxes, taxes: [{ name: 'VAT', percentage: 21, amount: Math.round(beforeTaxes * 21) / 100 }] },
      currency: 'EUR',
      eft_data: [`terminal ${options.partyId}-TERM-${String((index % Math.max(1, count)) + 1).padStart(4, '0')}`, `receipt ${random.int(100000, 999999)}`],
      capture_status_code: index % 6 === 5 ? 'PARTIAL_SUCCESS' : 'SUCCESS',
      ...(index % 6 === 5 ? { capture_status_message: 'captured less than the preauthorized amount' } : {}),
      last_updated: at(lastUpdated),
    };
  });
  return { terminals, confirmations };
}
