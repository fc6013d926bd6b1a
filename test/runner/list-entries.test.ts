import assert from 'node:assert/strict';
import { ListEntries } from '../../src/runner/list-entries.js';
import { dateTimeMs } from '../../src/schemas/ocpi-datetime.js';

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

  it('gives back every last_updated character for character whatever its fields, in range or not', () => {
    // Every form, with fields at and past their ranges (a 30th of February, 24:00, a leap second, month 13), each
    // recorded with the instant the crawl computes for it: a form is used only where it writes the text back.
    const fields = {
      year: ['0000', '1970', '2024', '2025', '9999'],
      month: ['00', '01', '02', '12', '13'],
      day: ['00', '01', '28', '29', '30', '31', '32'],
      hour: ['00', '23', '24'],
      minute: ['00', '59', '60'],
      second: ['00', '59', '60'],
      tail: ['Z', '.000Z', '.123Z', '', '.500', '.12Z', '.1234Z', 'z', '+00:00'],
    };
    const written: string[] = [];
    for (const year of fields.year) for (const month of fields.month) for (const day of fields.day) {
      for (const [index, tail] of fields.tail.entries()) {
        const hour = fields.hour[index % 3] as string;
        const minute = fields.minute[(index + 1) % 3] as string;
        const second = fields.second[(index + 2) % 3] as string;
        written.push(`${year}-${month}-${day}T${hour}:${minute}:${second}${tail}`, `${year}-${month}-${day}T00:00:00${tail}`);
      }
    }
    const entries = new ListEntries();
    for (const [n, lastUpdated] of written.entries()) entries.record(`NL/ABC/${n}`, lastUpdated, dateTimeMs(lastUpdated));
    assert.deepEqual(written.map((_, n) => entries.lastUpdatedAt(n)), written);
    assert.deepEqual(written.map((_, n) => Object.is(entries.instantAt(n), dateTimeMs(written[n] as string))), written.map(() => true));
  });
});

