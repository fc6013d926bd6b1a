import type { Secret } from '../config/secret.js';
import type { Exchange } from '../model/exchange.js';
import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';
import type { OcpiVersion } from '../model/ocpi-version.js';

/** A request the target made to the tester, and which of the tester's tokens it carried. */
export interface ObservedRequest {
  readonly exchange: Exchange;
  readonly caller: string;
  readonly encoding?: string;
}

function describeRequests(observed: readonly ObservedRequest[]): string {
  if (observed.length === 0) return 'it made no request to the tester';
  return `it made: ${observed.map((r) => `${r.exchange.request.method} ${new URL(r.exchange.request.url).pathname} (${r.caller}, HTTP ${r.exchange.response?.status ?? '-'})`).join('; ')}`;
}

/** What a callback check looks for: GETs of these URLs with the token labelled `caller`. */
export interface CallbackExpectation {
  readonly observed: readonly ObservedRequest[];
  readonly urls: readonly string[];
  readonly caller: string;
  /** The check id: `credentials.callbacks-with-token-b` or `credentials.sender-discovered`. */
  readonly check: string;
  /** How the rule reads in a failure: "while handling our POST, the target must GET our versions and details with Token B". */
  readonly rule: string;
}

/** Asserts the target GOT each URL with the expected token (the GETs back of a registration, or a Sender's discovery). */
export function checkCallbacks({ observed, urls, caller, check, rule }: CallbackExpectation): Finding {
  const missing = urls.filter((url) => !observed.some((r) => r.exchange.request.method === 'GET' && r.exchange.request.url === url && r.caller === caller));
  if (missing.length === 0) return pass(check, `the target GOT ${urls.length} URLs with ${caller}`);
  return fail(check, `${rule}; missing: ${missing.map((u) => `GET ${new URL(u).pathname}`).join(', ')}; ${describeRequests(observed)}`, {
    expected: urls.map((url) => `GET ${url} with ${caller}`),
    actual: observed.map((r) => `${r.exchange.request.method} ${r.exchange.request.url} with ${r.caller}`),
  });
}

/** Asserts a token just issued differs from every token named before it (checked without revealing any of them). */
export function checkTokenIsNew({ check, issued, issuedName, earlier }: { check: string; issued: Secret; issuedName: string; earlier: ReadonlyArray<readonly [string, Secret]> }): Finding {
  const same = earlier.filter(([, token]) => issued.equals(token)).map(([name]) => name);
  if (same.length === 0) return pass(check, `${issuedName} is a new token`);
  return fail(check, `${issuedName} is the same as ${same.join(' and ')}: a new token must be issued`, { expected: `a token other than ${same.join(', ')}`, actual: `the same token as ${same.join(', ')}` });
}

/** Asserts a returned token is the one expected (checked without revealing either). */
export function checkSameToken({ check, actual, expected, what }: { check: string; actual: Secret | undefined; expected: Secret; what: string }): Finding {
  if (actual && actual.equals(expected)) return pass(check, `${what} is the current token`);
  return fail(check, `${what} is not the current token`, { expected: 'the current token', actual: actual ? 'another token' : 'no token' });
}

/**
 * Asserts every request the target made to the tester carried its token Base64-encoded (OCPI 2.2+): its GETs back
 * during a registration, its pulls, its asynchronous results, judged in the case that consumes them.
 */
export function checkBase64Authorization(observed: readonly ObservedRequest[], version: OcpiVersion = '2.2.1'): Finding {
  const check = 'auth.token-base64-encoded';
  // 2.1.1 carries the token as it was issued; Base64 came with 2.2 (spec-notes X6).
  if (version === '2.1.1') {
    const encoded = observed.filter((r) => r.encoding === 'base64');
    if (encoded.length === 0) return pass(check, `${observed.length} request${observed.length === 1 ? '' : 's'} carried the token as issued, as OCPI 2.1.1 writes it`, observed.length === 1 ? { exchangeId: (observed[0] as ObservedRequest).exchange.id } : {});
    return fail(check, `in OCPI 2.1.1 the Authorization header carries the token as issued, not Base64-encoded; ${encoded.length} request(s) encoded it: ${encoded.map((r) => `${r.exchange.request.method} ${new URL(r.exchange.request.url).pathname}`).join(', ')}`, {
      exchangeId: encoded[0]?.exchange.id,
      expected: 'Token <token>',
      actual: 'Token <base64(token)>',
    });
  }
  const raw = observed.filter((r) => r.encoding === 'raw');
  if (raw.length === 0) return pass(check, `${observed.length} request${observed.length === 1 ? '' : 's'} carried a Base64-encoded token`, observed.length === 1 ? { exchangeId: (observed[0] as ObservedRequest).exchange.id } : {});
  return fail(check, `the Authorization header must carry the token Base64-encoded; ${raw.length} request(s) sent it raw: ${raw.map((r) => `${r.exchange.request.method} ${new URL(r.exchange.request.url).pathname}`).join(', ')}`, {
    exchangeId: raw[0]?.exchange.id,
    expected: 'Token <base64(token)>',
    actual: 'Token <raw token>',
  });
}

/** Which of the tester's tokens an inbound request carried, as a failure names it. */
export const CALLER_WORDS: Readonly<Record<string, string>> = {
  'token-a': 'Token A, which only serves the registration',
  'token-b': 'the token the tester gave it',
  'token-c': 'the token the tester gave it',
  unknown: 'a token the tester never gave it',
  missing: 'no credentials token',
};

/** Whether a request carried a credentials token the tester gave the target (Token B when the tester registered, C when the target did). */
export function carriesGivenToken(observed: ObservedRequest): boolean {
  return observed.caller === 'token-b' || observed.caller === 'token-c';
}
