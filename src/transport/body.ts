/** A body as received: parsed when it is JSON, kept as text when it is not. */
export interface ParsedBody {
  readonly json: boolean;
  readonly value?: unknown;
  readonly text: string;
}

/** Parses a body; empty text is "no body" (json false, no value). */
export function parseBody(text: string): ParsedBody {
  if (text.trim() === '') return { json: false, text };
  try {
    return { json: true, value: JSON.parse(text) as unknown, text };
  } catch {
    return { json: false, text };
  }
}
