import assert from 'node:assert/strict';
import { fail, pass, warn } from '../../src/checks/finding.js';
import { foldRepeated } from '../../src/checks/fold-repeated.js';

describe('foldRepeated', () => {
  it('folds failures that say the same thing about different objects into the first, naming where the others are.', () => {
    const folded = foldRepeated([
      fail('schema.response', '/data/0/time_zone: required field "time_zone" is missing', { at: '/data/0/time_zone' }),
      pass('schema.response', 'valid Location'),
      fail('schema.response', '/data/1/time_zone: required field "time_zone" is missing', { at: '/data/1/time_zone' }),
      fail('schema.response', '/data/7/last_updated: "2026-01-01T00:00:00+00:00" is not a valid DateTime', { at: '/data/7/last_updated' }),
      fail('schema.response', '/data/8/last_updated: "2026-02-01T00:00:00+00:00" is not a valid DateTime', { at: '/data/8/last_updated' }),
    ]);
    assert.deepEqual(folded.map((f) => [f.status, f.message]), [
      ['fail', '/data/0/time_zone: required field "time_zone" is missing (and 1 more like it: /data/1/time_zone)'],
      ['pass', 'valid Location'],
      ['fail', '/data/7/last_updated: "2026-01-01T00:00:00+00:00" is not a valid DateTime (and 1 more like it: /data/8/last_updated)'],
    ]);
  });

  it('keeps failures that say different things, and every warning, as they are.', () => {
    const findings = [
      fail('schema.response', '/data/0/address: required field "address" is missing', { at: '/data/0/address' }),
      fail('schema.response', '/data/1/city: required field "city" is missing', { at: '/data/1/city' }),
      warn('schema.response', '/data/0/facilities/0: "SPA" is not a known Facility', { at: '/data/0/facilities/0' }),
      warn('schema.response', '/data/1/facilities/0: "SPA" is not a known Facility', { at: '/data/1/facilities/0' }),
    ];
    assert.deepEqual(foldRepeated(findings), findings);
  });
});

describe('foldRepeated across pages', () => {
  it('folds the same failure at the same place on several pages without listing the place again.', () => {
    const folded = foldRepeated([
      fail('headers.request-id-echoed', 'the response has no X-Request-ID', { exchangeId: 'a' }),
      fail('headers.request-id-echoed', 'the response has no X-Request-ID', { exchangeId: 'b' }),
      fail('schema.envelope', '/timestamp: "2026-01-01 10:00:00Z" is not a valid DateTime', { at: '/timestamp' }),
      fail('schema.envelope', '/timestamp: "2026-01-01 10:00:01Z" is not a valid DateTime', { at: '/timestamp' }),
    ]);
    assert.deepEqual(folded.map((f) => f.message), [
      'the response has no X-Request-ID (and 1 more like it)',
      '/timestamp: "2026-01-01 10:00:00Z" is not a valid DateTime (and 1 more like it)',
    ]);
  });
});
