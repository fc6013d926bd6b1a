import type { ParsedBody } from '../transport/body.js';
import { deepFreeze } from '../transport/deep-freeze.js';
import type { Exchange, ExchangeError, RecordedRequest } from '../transport/exchange.js';
import type { Redactor } from '../transport/redactor.js';
import type { ByteBudget } from './byte-budget.js';
import type { ServerResponseSpec } from './ocpi-server.js';

/** A body up to this size is always kept whole; a larger one only while the server's record budget lasts. */
export const ALWAYS_KEPT_BYTES = 64 * 1024;

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
 * The inbound exchange as recorded: tokens redacted, frozen, and a large body kept only while `budget` lasts (a flood
 * of large callbacks is cut to its first bytes, with a note, so the record cannot exhaust memory).
 */
export function inboundExchange(parts: InboundParts, { redactor, budget }: { readonly redactor: Redactor; readonly budget: ByteBudget }): Exchange {
  const notes = [...parts.notes];
  let body: Pick<RecordedRequest, 'body' | 'rawBody'> = {};
  const { text } = parts.body;
  if (text.length > ALWAYS_KEPT_BYTES && !budget.take(text.length)) {
    notes.push(`the body (${text.length} characters) is past what the tester keeps of inbound traffic (${budget.max} in all); its first ${ALWAYS_KEPT_BYTES} are kept`);
    body = { rawBody: redactor.text(text.slice(0, ALWAYS_KEPT_BYTES)) };
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
