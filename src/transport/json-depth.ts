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
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // a backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}
