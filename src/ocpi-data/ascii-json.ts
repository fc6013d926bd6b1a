// Letters outside the decomposable accents that the generated names and texts use.
const SPELLED: Readonly<Record<string, string>> = { ß: 'ss', '€': 'EUR ', Æ: 'AE', æ: 'ae', Ø: 'O', ø: 'o', Œ: 'OE', œ: 'oe' };

/**
 * `text` in printable ASCII, as a 2.1.1 string must be (2.1.1 reading 2): accents dropped (é to e, ü to u), a few
 * letters spelled out (ß to ss, € to EUR), anything else that is not printable ASCII replaced by `?`.
 */
export function asciiText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const spelled = text.replace(/[ßÆæØøŒœ€]/g, (letter) => SPELLED[letter] ?? '?');
  return spelled.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '?');
}

/** A JSON value with every string (not the property names) made printable ASCII by asciiText. */
export function asciiJson<T>(value: T): T {
  if (typeof value === 'string') return asciiText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => asciiJson(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = asciiJson(item);
  return out as T;
}
