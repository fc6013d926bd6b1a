import assert from 'node:assert/strict';
import { ListEntries } from '../../src/runner/list-entries.js';

describe('ListEntries', () => {
  it('gives back every key and last_updated character for character, whatever form the target wrote it in', () => {
    const written = [
      ['NL/ABC/1', '2026-01-01T00:00:00Z'],
      ['NL/ABC/2', '2026-01-01T00:00:00.123Z'],
      ['NL/ABC/3', '2026-01-01T00:00:00'],
      ['NL/ABC/4', '2026-01-01T00:00:00.500'],
      ['NL/ABC/5', '2026-01-01T00:00:00.000Z'],
      ['NL/ABC/6', '2026-01-01T01:00:00+01:00'],
      ['NL/ABC/7', '2026-01-01T00:00:00.123456Z'],
      ['NL/ABC/8', '2026-01-01t00:00:00z'],
      ['NL/ABC/9', 'yesterday'],
      ['NL/ABC/10', ''],
      ['NL/ABC/€', '2026-01-01T00:00:00Z'],
    ] as const;
    const entries = new ListEntries();
    for (const [key, lastUpdated] of written) entries.record(key, lastUpdated);
    assert.deepEqual([...entries], written.map(([key, at]) => [key, at]));
    assert.equal(entries.instantAt(5), Date.parse('2026-01-01T00:00:00Z'));
    assert.ok(Number.isNaN(entries.instantAt(8)));
  });

  it('keeps an object received twice twice, in the order received', () => {
    const entries = new ListEntries();
    entries.record('NL/ABC/1', '2026-01-01T00:00:00Z');
    entries.record('NL/ABC/1', '2026-01-02T00:00:00Z');
    assert.equal(entries.size, 2);
    assert.deepEqual([entries.keyAt(1), entries.lastUpdatedAt(1)], ['NL/ABC/1', '2026-01-02T00:00:00Z']);
  });

  it('holds 100,000 objects and reads any of them back', () => {
    const entries = new ListEntries();
    const at = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString().replace('.000Z', 'Z');
    for (let n = 0; n < 100_000; n += 1) entries.record(`NL/ABC/LOC${n}`, at(n));
    assert.equal(entries.size, 100_000);
    for (let n = 0; n < 100_000; n += 4999) assert.deepEqual([entries.keyAt(n), entries.lastUpdatedAt(n)], [`NL/ABC/LOC${n}`, at(n)]);
  });
});
