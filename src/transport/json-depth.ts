/**
 * How deep a JSON text nests (`{}` is 1, `[[1]]` is 2), counted without parsing and without recursion, so a body of
 * 100,000 nested arrays is measured, never walked. Brackets inside strings do not count; the text need not be valid.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return deepest;
}

/**
 * The deepest nesting the tester reads in a response. OCPI's deepest objects (a CDR's tariffs, elements, price
 * components and restrictions inside the envelope) stay under 15 levels; far deeper is no OCPI payload, and walking
 * it would exhaust the stack of every recursive step after it (redaction, freezing, schema validation, reports).
 */
export const MAX_JSON_DEPTH = 128;
