/**
 * JSON text like JSON.stringify's, except that an integral number under one of `decimalFields` is written with a
 * fraction (`5.0`). JSON.stringify cannot do that: a number has no memory of how it was written, and a replacer can
 * only return values, never raw text. Other numbers (ints such as status_code) are written as JSON.stringify would.
 */
export function stringifyWithFractions(value: unknown, decimalFields: ReadonlySet<string>): string {
  return write(value, false, decimalFields);
}

function write(value: unknown, decimal: boolean, decimalFields: ReadonlySet<string>): string {
  if (typeof value === 'number') return decimal && Number.isInteger(value) ? `${value}.0` : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => write(item, decimal, decimalFields)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined && typeof member !== 'function')
      .map(([key, member]) => `${JSON.stringify(key)}:${write(member, decimalFields.has(key), decimalFields)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
