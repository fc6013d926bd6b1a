import { jsonDepthExceeds, MAX_JSON_DEPTH, valueDepthExceeds } from './json-depth.js';

/** A body as received: parsed when it is JSON, kept as text when it is not. */
export interface ParsedBody {
  readonly json: boolean;
  readonly value?: unknown;
  readonly text: string;
  /** Why a body that may be JSON was kept as text (nested deeper than MAX_JSON_DEPTH). */
  readonly note?: string;
}

// Up to this size a body is parsed first and its depth measured on the parsed value, five times quicker than a scan
// of the text (JSON.parse is iterative, so any depth parses safely); a larger one is scanned first, so that a huge
// deeply nested body is refused without the cost of parsing it. A page of 100 Locations is about 180 KB.
const PARSE_FIRST_BYTES = 256 * 1024;

/** Parses a body; empty text is "no body" (json false, no value). */
export function parseBody(text: string): ParsedBody {
  if (text.trim() === '') return { json: false, text };
  const tooDeep = { json: false, text, note: `the body nests deeper than ${MAX_JSON_DEPTH} levels; kept as text, not parsed` } as const;
  const parseFirst = text.length <= PARSE_FIRST_BYTES;
  if (!parseFirst && jsonDepthExceeds(text, MAX_JSON_DEPTH)) return tooDeep;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    // Text that is not JSON may still nest deeply: say so, as a scan first would have.
    return parseFirst && jsonDepthExceeds(text, MAX_JSON_DEPTH) ? tooDeep : { json: false, text };
  }
  if (parseFirst && valueDepthExceeds(value, MAX_JSON_DEPTH)) return tooDeep;
  return { json: true, value, text };
}
