import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth.js';

/** A body as received: parsed when it is JSON, kept as text when it is not. */
export interface ParsedBody {
  readonly json: boolean;
  readonly value?: unknown;
  readonly text: string;
  /** Why a body that may be JSON was kept as text (nested deeper than MAX_JSON_DEPTH). */
  readonly note?: string;
}

/** Parses a body; empty text is "no body" (json false, no value). */
export function parseBody(text: string): ParsedBody {
  if (text.trim() === '') return { json: false, text };
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return { json: false, text, note: `the body nests deeper than ${MAX_JSON_DEPTH} levels; kept as text, not parsed` };
  try {
    return { json: true, value: JSON.parse(text) as unknown, text };
  } catch {
    return { json: false, text };
  }
}
