import assert from 'node:assert/strict';
import { generateTokens } from '../../src/ocpi-data/generate-tokens.js';
import type { Token } from '../../src/ocpi-data/ocpi-objects.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';

const NOW = new Date('2026-05-01T10:00:00.500Z');
const PARTY = { countryCode: 'NL', partyId: 'REM', now: NOW } as const;

// The uids of the tokens that fail the Token schema, each with the failing findings, so that an assertion shows them.
function invalidTokens(tokens: readonly Token[]): string[] {
  const registry = schemaRegistry();
  return tokens.flatMap((token) => {
    const failures = registry.validate('2.2.1', 'Token', token, { check: 'schema' }).filter((finding) => finding.status === 'fail');
    return failures.length === 0 ? [] : [`Token ${token.uid}: ${failures.map((finding) => `${finding.at ?? ''} ${finding.message}`).join('; ')}`];
  });
}

const seconds = (dateTime: string): number => Date.parse(dateTime) / 1000;

describe('generateTokens', () => {
  const tokens = generateTokens(PARTY);

  it('makes 25 tokens by default, and as many as asked for.', () => {
    assert.equal(tokens.length, 25);
    assert.equal(generateTokens({ ...PARTY, count: 3 }).length, 3);
    assert.deepEqual(generateTokens({ ...PARTY, count: 0 }), []);
  });

  it('makes every token valid against the 2.2.1 Token schema, for several seeds and a large count.', () => {
    assert.deepEqual(invalidTokens(tokens), []);
    assert.deepEqual(invalidTokens(generateTokens({ ...PARTY, seed: 7, count: 500 })), []);
  });

  it('gives deep-equal tokens for the same seed and different tokens for another seed.', () => {
    assert.deepEqual(generateTokens({ ...PARTY, seed: 42 }), generateTokens({ ...PARTY, seed: 42 }));
    assert.deepEqual(generateTokens(PARTY), tokens);
    assert.notDeepEqual(generateTokens({ ...PARTY, seed: 2 }), tokens);
  });

  it('stamps the tokens with strictly increasing whole-second last_updated values in the 180 days before now.', () => {
    const stamps = tokens.map((token) => token.last_updated);
    stamps.forEach((stamp) => assert.match(stamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, stamp));
    stamps.forEach((stamp, i) => assert.ok(i === 0 || seconds(stamp) > seconds(stamps[i - 1] as string), `[${i}] ${stamp} is not after ${stamps[i - 1]}`));
    assert.ok(seconds(stamps.at(-1) as string) < NOW.getTime() / 1000, `the last token is stamped ${stamps.at(-1)}, not before now`);
    assert.ok(seconds(stamps[0] as string) >= NOW.getTime() / 1000 - 180 * 86_400, `the first token is stamped ${stamps[0]}, more than 180 days before now`);
  });

  it('mixes valid and blocked tokens: every fifth is valid: false, the rest valid.', () => {
    assert.deepEqual(tokens.map((token, i) => [i, token.valid]).filter(([, valid]) => !valid).map(([i]) => i), [4, 9, 14, 19, 24]);
  });

  it('gives every token a unique uid (unique per type too, uids being CiStrings).', () => {
    const big = generateTokens({ ...PARTY, count: 1_000 });
    assert.equal(new Set(big.map((token) => token.uid.toUpperCase())).size, big.length);
  });

  it('makes app users of some tokens, never on the whitelist, and RFID cards of the others.', () => {
    const apps = tokens.filter((token) => token.type === 'APP_USER');
    assert.ok(apps.length > 0);
    for (const app of apps) assert.equal(app.whitelist, 'NEVER', app.uid);
    assert.ok(tokens.filter((token) => token.type === 'RFID').length > apps.length);
  });

  it('uses the country code and party id of the options on every token.', () => {
    for (const token of generateTokens({ ...PARTY, countryCode: 'BE', partyId: 'X1Z' })) assert.deepEqual([token.country_code, token.party_id], ['BE', 'X1Z'], token.uid);
  });

  it('refuses a count that is negative or not whole with a RangeError.', () => {
    assert.throws(() => generateTokens({ ...PARTY, count: -1 }), RangeError);
    assert.throws(() => generateTokens({ ...PARTY, count: 2.5 }), RangeError);
  });
});
