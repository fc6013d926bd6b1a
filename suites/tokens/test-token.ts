import { randomUUID } from 'node:crypto';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import type { Token } from '../../src/ocpi-data/ocpi-objects.js';
import { token211 } from '../../src/ocpi-data/token-211.js';
import { dateTimeMs, ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import type { CaseContext } from '../../src/runner/case-context.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { withQuery } from '../../src/transport/with-query.js';
import { pushForCase } from '../common/round-trip.js';

/** A Token the tester owns, with every optional field set so that a store dropping one shows. */
export function testToken(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const uid = `OCT${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  return {
    country_code: TESTER_IDENTITY.countryCode,
    party_id: TESTER_IDENTITY.partyId,
    uid,
    type: 'RFID',
    contract_id: `${TESTER_IDENTITY.countryCode}-${TESTER_IDENTITY.partyId}-C${uid.slice(3, 11)}`,
    visual_number: `OCT ${uid.slice(3, 7)} ${uid.slice(7, 11)}`,
    issuer: 'ocpi-conformance',
    group_id: 'OCT-CONFORMANCE',
    valid: true,
    whitelist: 'ALLOWED',
    language: 'en',
    default_profile_type: 'REGULAR',
    energy_contract: { supplier_name: 'ocpi-conformance energy', contract_id: 'OCT-ENERGY-1' },
    last_updated: ocpiNow(),
    ...overrides,
  };
}

/**
 * testToken in the shape of `version`: 2.2.1 and 2.3.0 as testToken gives it; 2.1.1 without owner fields, with
 * `auth_id` (the contract id) and a type 2.1.1 has (X4, token211). `overrides` use the 2.2.1 field names.
 */
export function testTokenIn(version: OcpiVersion, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const token = testToken(overrides);
  return version === '2.1.1' ? { ...token211(token as unknown as Token) } : token;
}

/** The target's URL for one of the tester's tokens: `{tokens}/{country_code}/{party_id}/{uid}?type=` (2.1.1: no type). */
export function tokenUrl(t: CaseContext, token: Record<string, unknown>): string {
  const url = endpointUrl(moduleUrl(t, 'tokens', 'RECEIVER'), TESTER_IDENTITY.countryCode, TESTER_IDENTITY.partyId, String(token['uid']));
  return t.version === '2.1.1' ? url : withQuery(url, { type: String(token['type']) });
}

/** A DateTime a little later than `earlier`, so a PATCH's last_updated is recognisably its own. */
export function laterThan(earlier: unknown): string {
  const base = typeof earlier === 'string' ? dateTimeMs(earlier) : Date.now();
  return ocpiNow(new Date((Number.isNaN(base) ? Date.now() : base) + 60_000));
}

/**
 * PUTs a new test Token as the first step of a case that judges something else; a PUT that fails skips the case,
 * since TOK-01 reports why. Returns the Token and its URL.
 */
export async function storeTestToken(t: CaseContext): Promise<{ token: Record<string, unknown>; url: string }> {
  const token = testTokenIn(t.version);
  const url = tokenUrl(t, token);
  await pushForCase(t, { method: 'PUT', url, body: token }, 'TOK-01');
  return { token, url };
}
