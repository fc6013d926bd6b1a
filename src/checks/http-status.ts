import type { Exchange } from '../model/exchange.js';
import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';

/** What an HTTP status check asserts, and under which check id it reports. */
export interface StatusExpectation {
  readonly exchange: Exchange;
  readonly expected: number | readonly number[];
  /** e.g. `auth.unknown-token-refused`; `http.status` by default. */
  readonly check?: string;
  /** What the expected status means, for the failure message: "an unknown token is refused". */
  readonly because?: string;
}

// The 3xx statuses that point elsewhere with a Location header (304 Not Modified, say, does not).
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Asserts the HTTP status of a response. */
export function expectStatus({ exchange, expected, check = 'http.status', because }: StatusExpectation): Finding {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  const actual = exchange.response?.status;
  const label = allowed.join(' or ');
  const where = `${exchange.request.method} ${exchange.request.url}`;
  if (actual !== undefined && allowed.includes(actual)) return pass(check, `${where} answered HTTP ${actual}`, { exchangeId: exchange.id });
  const reason = because ? `: ${because}` : '';
  const redirect = actual !== undefined && REDIRECTS.has(actual) ? describeRedirect(exchange) : '';
  return fail(check, `expected HTTP ${label}, got ${actual ?? 'no response'} from ${where}${reason}${redirect}`, { exchangeId: exchange.id, expected: label, actual: actual ?? null });
}

/**
 * Why a redirect ended the request, so the cause reads in the same line: where it pointed and, for another origin,
 * that the client does not take the token there (a 3xx on the same origin was not followed for its own reason: not a
 * 307/308, or past the hop limit, and its Location says enough).
 */
function describeRedirect(exchange: Exchange): string {
  const location = exchange.response?.headers['location'];
  if (location === undefined || location.trim() === '') return '; the redirect has no Location header';
  let elsewhere = false;
  try {
    elsewhere = new URL(location.trim(), exchange.request.url).origin !== new URL(exchange.request.url).origin;
  } catch {
    // A Location that does not parse is quoted as it is; there is no origin to compare.
  }
  const note = elsewhere ? ', on another origin: the tester does not follow a redirect to another origin with the credentials token' : '';
  return `; the response redirects to ${location}${note}`;
}
