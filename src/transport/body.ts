import { jsonDepthExceeds } from './json-depth.js';

/**
 * How deep a received JSON body may nest and still be parsed. OCPI objects nest about ten levels; past this bound a
 * body is kept as text, so that no walk over received JSON (redaction, freezing, validation, reports) can overflow the
 * stack, whatever a peer sends.
 */
export const MAX_JSON_DEPTH = 256;

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
