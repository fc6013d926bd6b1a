import type { ParsedBody } from './body.js';
import { deepFreeze } from './deep-freeze.js';
import type { RecordedResponse } from '../model/exchange.js';
import type { Redactor } from './redactor.js';

/** What came back, as the client read it; the headers already redacted. */
export interface ReceivedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly parsed: ParsedBody;
}

/**
 * The recorded form of a response: frozen, tokens redacted. A JSON body is redacted and frozen when it is first read,
 * not when it arrives: a crawl judges a page from what it received and drops it, and only the pages it keeps as
 * evidence are ever read (by a reporter), so only those pay for the copy. The copy is made from the text as received,
 * so what a caller does with its own parsed body never changes the evidence, and the redactor redacts every token it
 * knows by then. Nothing reaches the body as received through the record: its one way out is the redacting getter.
 */
export function recordResponse({ status, headers, parsed }: ReceivedResponse, redactor: Redactor): RecordedResponse {
  const note = parsed.note ? { note: parsed.note } : {};
  if (!parsed.json) return Object.freeze({ status, headers, ...(parsed.text === '' ? {} : { rawBody: redactor.text(parsed.text) }), ...note });
  let text: string | undefined = parsed.text;
  let body: unknown;
  const response = { status, headers, ...note };
  Object.defineProperty(response, 'body', {
    enumerable: true,
    get(): unknown {
      if (text !== undefined) {
        body = deepFreeze(redactor.json(JSON.parse(text)));
        text = undefined;
      }
      return body;
    },
  });
  return Object.freeze(response);
}
