import { fail, pass, warn } from '../../src/checks/finding.js';
import type { Finding } from '../../src/model/finding.js';
import { checkOcpiResponse } from '../../src/checks/ocpi-response.js';
import { responseData } from '../../src/checks/response-data.js';
import type { CaseContext, OcpiResponse } from '../../src/runner/case-context.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import type { TokenRef } from '../../src/runner/run-state.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { withQuery } from '../../src/transport/with-query.js';
import { testerLocationReferences, type LocationReferences } from './tester-location.js';

/**
 * The eMSP's real-time authorization URL of one token: `{tokens}/{token_uid}/authorize?type=`. In 2.1.1, whose
 * parameter table and URL spell the type parameter differently, an RFID token (the default type) is sent without it.
 */
export function authorizeUrl(t: CaseContext, token: TokenRef): string {
  const url = endpointUrl(moduleUrl(t, 'tokens', 'SENDER'), token.uid, 'authorize');
  return t.version === '2.1.1' && token.type === 'RFID' ? url : withQuery(url, { type: token.type });
}

/** POSTs a real-time authorization request for a token, with LocationReferences when given, and no body otherwise. */
export function requestAuthorization(t: CaseContext, token: TokenRef, location?: LocationReferences): Promise<OcpiResponse> {
  return moduleRequest(t, { method: 'POST', url: authorizeUrl(t, token), ...(location ? { body: location } : {}) });
}

/** The sample token of the Tokens list a case authorizes; skips the case when the crawl found none of that kind. */
export function sampleToken(t: CaseContext, kind: 'valid' | 'invalid'): TokenRef {
  return t.get('tokenSamples')[kind] ?? t.skip(`the eMSP's Tokens list holds no ${kind === 'valid' ? 'valid' : 'not valid (valid: false)'} token to authorize`);
}

/** What an authorization answer must say: which `allowed` values pass, and in words what that means. */
export interface AllowedExpectation {
  readonly check: string;
  readonly accepts: (allowed: string) => boolean;
  readonly expected: string;
  readonly because: string;
  /**
   * True where another value may be legitimate (a valid token may be NOT_ALLOWED at a Location or have NO_CREDIT): the
   * answer then warns instead of failing. Whether it is about the token asked for still fails.
   */
  readonly soft?: boolean;
}

/**
 * Judges the AuthorizationInfo of a response: its `allowed` is an accepted one, and it is about the token asked for
 * (uid compared case-insensitively, as a CiString; type exactly). Nothing when the response holds no object to judge.
 */
export function judgeAuthorization(response: OcpiResponse, token: TokenRef, expectation: AllowedExpectation, version: OcpiVersion = '2.2.1'): Finding[] {
  const data = responseData(response.exchange, response.body, 'object');
  // No AuthorizationInfo to read: the response checks say why; "allowed got null" would be a second, untrue failure.
  if (!data.usable) return [];
  const info = data.data;
  const at = { exchangeId: response.exchange.id };
  const allowed = info['allowed'];
  if (typeof allowed !== 'string' || !expectation.accepts(allowed)) {
    return [(expectation.soft ? warn : fail)(expectation.check, `expected allowed to be ${expectation.expected}, got ${JSON.stringify(allowed ?? null)}: ${expectation.because}`, { ...at, at: '/data/allowed', expected: expectation.expected, actual: allowed ?? null })];
  }
  // A 2.1.1 AuthorizationInfo names no token: there is nothing to compare with the one asked for.
  if (version === '2.1.1') return [pass(expectation.check, `allowed ${allowed} for token ${token.uid} (${token.type})`, { ...at, at: '/data/allowed' })];
  const answered = (info['token'] ?? {}) as { uid?: unknown; type?: unknown };
  const sameUid = typeof answered.uid === 'string' && answered.uid.toUpperCase() === token.uid.toUpperCase();
  if (!sameUid || answered.type !== token.type) {
    return [fail(expectation.check, `the AuthorizationInfo is about token ${String(answered.uid)} (${String(answered.type)}), not the one asked for`, { ...at, at: '/data/token', expected: { ...token }, actual: { uid: answered.uid ?? null, type: answered.type ?? null } })];
  }
  return [pass(expectation.check, `allowed ${allowed} for token ${token.uid} (${token.type})`, { ...at, at: '/data/allowed' })];
}

/**
 * The step of TOK-AUTH-01 and -03: authorizes the sample token of that kind at the tester's own Location, then judges
 * the response as an AuthorizationInfo and its `allowed` against the expectation.
 */
export async function authorizeSampleAtLocation(t: CaseContext, kind: 'valid' | 'invalid', expectation: AllowedExpectation): Promise<void> {
  const token = sampleToken(t, kind);
  const response = await requestAuthorization(t, token, testerLocationReferences(t));
  t.check(checkOcpiResponse(response.exchange, t.version, { data: 'AuthorizationInfo' }));
  t.check(judgeAuthorization(response, token, expectation, t.version));
}
