// 2.1.1: ISO 8601 combined date and time in UTC, `Z` optional, no fractional seconds (they came with 2.2).
const DATETIME_2_1_1 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$/;
// 2.2 and later: the same, fractional seconds allowed; offsets such as +00:00 are not UTC and not allowed.
const DATETIME_2_2 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?$/;

// The digits of a value the pattern matched sit at fixed places: YYYY-MM-DDTHH:MM:SS.
const digits = (value: string, at: number, count: number): number => {
  let n = 0;
  for (let i = at; i < at + count; i += 1) n = n * 10 + value.charCodeAt(i) - 0x30;
  return n;
};

/**
 * True when the fields of a value laid out as YYYY-MM-DDTHH:MM:SS (checked by the caller) are in their ranges: a day
 * its month has, hours up to 23, minutes up to 59, seconds up to `maxSecond` (60 lets a leap second through).
 */
export function fieldsInRange(value: string, maxSecond = 60): boolean {
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (month < 1 || month > 12 || digits(value, 11, 2) > 23 || digits(value, 14, 2) > 59 || digits(value, 17, 2) > maxSecond) return false;
  return day >= 1 && day <= daysInMonth(digits(value, 0, 4), month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1 to 12) of `year`, in the proleptic Gregorian calendar (as Date.UTC counts them). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** True when `value` is a DateTime in the form OCPI 2.1.1 allows. */
export function isOcpiDateTime211(value: string): boolean {
  return value.length <= 25 && DATETIME_2_1_1.test(value) && fieldsInRange(value);
}

/** True when `value` is a DateTime in the form OCPI 2.2, 2.2.1 and 2.3.0 allow. */
export function isOcpiDateTime22(value: string): boolean {
  return value.length <= 25 && DATETIME_2_2.test(value) && fieldsInRange(value);
}

/** An OCPI DateTime for now, in the canonical form every version accepts (UTC, seconds, `Z`). */
export function ocpiNow(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** True when both are OCPI DateTimes of one instant, however written (with or without Z, with fractions). */
export function sameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const ms = dateTimeMs(a);
  return !Number.isNaN(ms) && ms === dateTimeMs(b);
}

/** Milliseconds of an OCPI DateTime (UTC, `Z` optional, as 2.2+ allows), NaN when it is not one. */
export function dateTimeMs(value: string): number {
  const last = value.charCodeAt(value.length - 1);
  if (last === 0x5a || last === 0x7a) return Date.parse(value); // Z, z: most values, no pattern to test
  return Date.parse(/[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
}
