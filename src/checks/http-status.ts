import type { Exchange } from '../transport/exchange.js';
import { fail, pass, type Finding } from './finding.js';

/** What an HTTP status check asserts, and under which check id it reports. */
export interface StatusExpectation {
  readonly exchange: Exchange;
  readonly expected: number | readonly number[];
  /** e.g. `auth.unknown-token-refused`; `http.status` by default. */
  readonly check?: string;
  /** What the expected status means, for the failure message: "an unknown token is refused". */
  readonly because?: string;
}

/** Asserts the HTTP status of a response. */
export function expectStatus({ exchange, expected, check = 'http.status', because }: StatusExpectation): Finding {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  const actual = exchange.response?.status;
  const label = allowed.join(' or ');
  const where = `${exchange.request.method} ${exchange.request.url}`;
  if (actual !== undefined && allowed.includes(actual)) return pass(check, `${where} answered HTTP ${actual}`, { exchangeId: exchange.id });
  const reason = because ? `: ${because}` : '';
  return fail(check, `expected HTTP ${label}, got ${actual ?? 'no response'} from ${where}${reason}`, { exchangeId: exchange.id, expected: label, actual: actual ?? null });
}
