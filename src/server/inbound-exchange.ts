import type { ParsedBody } from '../transport/body.js';
import { deepFreeze } from '../transport/deep-freeze.js';
import type { Exchange, ExchangeError, RecordedRequest } from '../model/exchange.js';
import type { Redactor } from '../transport/redactor.js';
import type { ByteBudget } from './byte-budget.js';
import type { ServerResponseSpec } from './ocpi-server.js';

/** What is kept of a body once the server's record budget is spent. */
export const KEPT_PAST_BUDGET = 4 * 1024;

/** What the server saw of one inbound request and what it answered (or why it could not). */
export interface InboundParts {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ParsedBody;
  /** Notes on the request the server made before recording (an unroutable target, a body it refused). */
  readonly notes: readonly string[];
  readonly response?: { readonly spec: ServerResponseSpec; readonly headers: Readonly<Record<string, string>> };
  readonly error?: ExchangeError;
  readonly startedAt: Date;
  readonly durationMs: number;
}

/**
 * The inbound exchange as recorded: tokens redacted, frozen, and kept whole while `budget` lasts (each request is
 * charged its body and headers); past it, only the first 4 KB of a body are kept, with a note, so that a flood of
 * callbacks cannot exhaust memory.
 */
export function inboundExchange(parts: InboundParts, { redactor, budget }: { readonly redactor: Redactor; readonly budget: ByteBudget }): Exchange {
  const notes = [...parts.notes];
  let body: Pick<RecordedRequest, 'body' | 'rawBody'> = {};
  const { text } = parts.body;
  const headerBytes = Object.entries(parts.headers).reduce((total, [name, value]) => total + name.length + value.length, 0);
  if (!budget.take(text.length + headerBytes)) {
    if (text.length > KEPT_PAST_BUDGET) notes.push(`the tester's record of inbound traffic is full (${budget.max} bytes); the first ${KEPT_PAST_BUDGET} of this body's ${text.length} characters are kept`);
    if (text !== '') body = { rawBody: redactor.text(text.slice(0, KEPT_PAST_BUDGET)) };
  } else if (parts.body.json) body = { body: redactor.json(parts.body.value) };
  else if (text !== '') body = { rawBody: redactor.text(text) };
  if (parts.body.note) notes.push(parts.body.note);
  const spec = parts.response?.spec;
  return deepFreeze({
    id: parts.id,
    direction: 'inbound',
    request: {
      method: parts.method,
      url: redactor.text(parts.url),
      headers: redactor.headers(parts.headers),
      ...body,
      ...(notes.length > 0 ? { note: redactor.text(notes.join('; ')) } : {}),
    },
    ...(spec && parts.response
      ? {
          response: {
            status: spec.status,
            headers: redactor.headers(parts.response.headers),
            ...(spec.text !== undefined ? { rawBody: redactor.text(spec.text) } : spec.body === undefined ? {} : { body: redactor.json(spec.body) }),
          },
        }
      : {}),
    ...(parts.error ? { error: parts.error } : {}),
    timings: { startedAt: parts.startedAt.toISOString(), durationMs: parts.durationMs },
  });
}
