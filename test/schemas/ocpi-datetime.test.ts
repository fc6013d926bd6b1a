import assert from 'node:assert/strict';
import { dateTimeMs, isOcpiDateTime211, isOcpiDateTime22 } from '../../src/schemas/ocpi-datetime.js';

describe('OCPI DateTimes', () => {
  it('accept every day that exists and no day that does not, leap years included, as the calendar of Date.UTC counts them.', () => {
    for (const year of [1900, 1999, 2000, 2023, 2024, 2100, 2400]) {
      for (let month = 1; month <= 12; month += 1) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        for (const day of [0, 1, days, days + 1]) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`;
          const exists = day >= 1 && day <= days;
          assert.equal(isOcpiDateTime22(text), exists, text);
          assert.equal(isOcpiDateTime211(text), exists, text);
        }
      }
    }
  });

  it('refuse a month, an hour, a minute or a second out of range, and allow a leap second.', () => {
    for (const text of ['2026-00-10T00:00:00Z', '2026-13-10T00:00:00Z', '2026-01-10T24:00:00Z', '2026-01-10T00:60:00Z', '2026-01-10T00:00:61Z']) assert.equal(isOcpiDateTime22(text), false, text);
    assert.equal(isOcpiDateTime22('2026-06-30T23:59:60Z'), true);
  });

  it('give the instant of a DateTime with Z, z, an offset, fractions or no zone (UTC), and NaN for other text.', () => {
    const instant = Date.UTC(2026, 0, 2, 3, 4, 5);
    assert.equal(dateTimeMs('2026-01-02T03:04:05Z'), instant);
    assert.equal(dateTimeMs('2026-01-02T03:04:05z'), instant);
    assert.equal(dateTimeMs('2026-01-02T03:04:05'), instant);
    assert.equal(dateTimeMs('2026-01-02T03:04:05.250'), instant + 250);
    assert.equal(dateTimeMs('2026-01-02T05:04:05+02:00'), instant);
    assert.ok(Number.isNaN(dateTimeMs('yesterday')));
    assert.ok(Number.isNaN(dateTimeMs('')));
  });
});
