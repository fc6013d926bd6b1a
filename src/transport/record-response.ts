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
 * knows by then. The text as received waits in a non-enumerable property keyed by a symbol this module keeps to
 * itself, which neither serialising, spreading nor cloning the record copies: its one way out is the redacting getter.
 */
export function recordResponse({ status, headers, parsed }: ReceivedResponse, redactor: Redactor): RecordedResponse {
  const note = parsed.note ? { note: parsed.note } : {};
  if (!parsed.json) return Object.freeze({ status, headers, ...(parsed.text === '' ? {} : { rawBody: redactor.text(parsed.text) }), ...note });
  const response = { status, headers, ...note };
  const pending: PendingBody = { text: parsed.text, body: undefined, redactor };
  // One getter for every record, its state in a hidden property: a getter made per record (a closure over the text)
  // gives each record's map its own accessor, and the shared map it came from keeps a transition to it, which the
  // young-generation collector follows, so each page's text survived into the old generation until a full collection.
  Object.defineProperty(response, PENDING, { value: pending });
  Object.defineProperty(response, 'body', { enumerable: true, get: readBody });
  return Object.freeze(response);
}

const PENDING = Symbol('pending body');

/** A JSON body not read yet (its text as received), or read (redacted and frozen). */
interface PendingBody {
  text: string | undefined;
  body: unknown;
  readonly redactor: Redactor;
}

function readBody(this: { readonly [PENDING]: PendingBody }): unknown {
  const pending = this[PENDING];
  if (pending.text !== undefined) {
    pending.body = deepFreeze(pending.redactor.json(JSON.parse(pending.text)));
    pending.text = undefined;
  }
  return pending.body;
}
