/**
 * The deepest nesting the tester reads in a received body, from a target or a caller. OCPI's deepest objects (a CDR's
 * tariffs, elements, price components and restrictions inside the envelope) stay under 15 levels; far deeper is no
 * OCPI payload, and walking it would exhaust the stack of every recursive step after it (validation, reports).
 */
export const MAX_JSON_DEPTH = 128;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit` (`{}` is 1, `[[1]]` is 2), counted without parsing
 * (strings skipped, escapes honoured) and stopping as soon as it passes: a loop, not a recursion, so any text is safe
 * to measure. The text need not be valid JSON.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      // Strings are most of a body: jump to the quote that ends this one (indexOf is native) instead of walking it.
      index = stringEnd(text, index);
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/** Where the string opened at `open` ends: its closing quote (one not escaped), or the end of the text. */
function stringEnd(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    // A quote after an odd run of backslashes is escaped; the run cannot reach back past the opening quote.
    let backslashes = 0;
    while (quote - backslashes - 1 > open && text.charCodeAt(quote - backslashes - 1) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/**
 * Whether a parsed JSON value nests arrays and objects deeper than `limit`, counted as jsonDepthExceeds counts its
 * text (`{}` is 1). A recursion, but a bounded one: it returns as soon as it is `limit` levels down, so it never goes
 * deeper than `limit` frames, whatever the value (MAX_JSON_DEPTH is far below any stack's size).
 */
export function valueDepthExceeds(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  return limit < 1 || nestsBelow(value, limit - 1);
}

/** Whether `item` (an array or object already counted) holds containers more than `remaining` levels below it. */
function nestsBelow(item: object, remaining: number): boolean {
  if (Array.isArray(item)) {
    for (const child of item) if (child !== null && typeof child === 'object' && (remaining === 0 || nestsBelow(child, remaining - 1))) return true;
    return false;
  }
  for (const key in item) {
    const child = (item as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && (remaining === 0 || nestsBelow(child, remaining - 1))) return true;
  }
  return false;
}
