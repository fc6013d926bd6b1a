import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Secret } from '../config/secret.js';
import { authorizationHeader, type TokenEncoding } from './authorization.js';
import { parseBody } from './body.js';
import type { Exchange, RecordedRequest } from '../model/exchange.js';
import { recordResponse } from './record-response.js';
import type { Redactor } from './redactor.js';
import { TransportError } from './transport-error.js';
import { deepFreeze } from './deep-freeze.js';
import { redirectTarget } from './redirect-target.js';
import { fetchAnswer, NoAnswer, type Method } from './fetch-answer.js';
import type { OriginPolicy } from './origin-policy.js';
import type { Network } from './network.js';

/** One request to send. */
export interface OcpiRequest {
  readonly method: Method;
  readonly url: string;
  /** The credentials token; `null` sends no Authorization header at all. */
  readonly token: Secret | null;
  /** A JSON body. */
  readonly body?: unknown;
  /** A body sent verbatim instead of `body` (for malformed-JSON probes), with Content-Type application/json. */
  readonly rawBody?: string;
  /** Extra headers (routing headers, overrides). */
  readonly headers?: Readonly<Record<string, string>>;
  /** How this request carries its token, when it differs from the client's (a reference party's faults). */
  readonly tokenEncoding?: TokenEncoding;
}

/** What a request produced: the recorded (redacted) exchange and, for the caller's logic only, the parsed body. */
export interface OcpiResponse {
  /** The last exchange: the response the request ended with, after any redirects followed. */
  readonly exchange: Exchange;
  /** The exchanges of the redirects followed to get there, in order; empty when the first response was the last. */
  readonly redirects: readonly Exchange[];
  /** The 429 answers waited out and retried before it (Retry-After), in order; absent or empty when none came. */
  readonly throttled?: readonly Exchange[];
  /** Set when the final response is a 307 or 308 to another origin, which the client does not follow. */
  readonly redirectRefused?: { readonly location: string };
  readonly status: number;
  /** Response headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  /** True when the body parsed as JSON. */
  readonly json: boolean;
  /** The parsed body, unredacted: never put it in a report; the exchange holds the redacted copy. */
  readonly body: unknown;
  /** The X-Request-ID of the last request sent. */
  readonly requestId: string;
  /** The X-Correlation-ID, the same on every redirect followed. */
  readonly correlationId: string;
}

/** Settings of a client; one client serves a whole run. */
export interface OcpiClientOptions {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly tokenEncoding: TokenEncoding;
  readonly redactor: Redactor;
  readonly nextExchangeId: () => string;
  readonly userAgent: string;
  readonly signal?: AbortSignal;
  /** Writes a JSON body (JSON.stringify by default): a reference party's conformant variants of the wire form. */
  readonly encodeBody?: (body: unknown) => string;
  /** The Content-Type of a body (application/json by default). */
  readonly contentType?: string;
  /** Where requests may go; without it, anywhere (the reference parties' own client). */
  readonly origins?: OriginPolicy;
  /**
   * Whether requests carry X-Request-ID, X-Correlation-ID and the routing headers a caller gives (OCPI 2.2 and later,
   * the default); without them (2.1.1) none of those headers is sent.
   */
  readonly ocpiHeaders?: boolean;
  /** Extra headers, TLS, proxy and pace (`--header`, `--cacert`, HTTPS_PROXY, `--rate-limit`, ...). */
  readonly network?: Network;
  /** Called with every exchange as it completes, recorded (tokens redacted): each hop, each 429 waited out, each failure. */
  readonly onExchange?: ExchangeListener;
}

/** Told of every exchange as it completes, as recorded (tokens redacted). */
export type ExchangeListener = (exchange: Exchange) => void;

/** The headers OCPI 2.2 introduced: the request ids and the routing headers. */
const OCPI_2_2_HEADERS = /^(x-request-id|x-correlation-id|ocpi-(from|to)-(country-code|party-id))$/i;

/** How many 307/308 redirects one request follows; a further redirect is returned as the response. */
export const MAX_REDIRECTS = 5;

/** How many 429 answers one request waits out (its Retry-After, within RETRY_AFTER_MAX_MS) before the 429 is its answer. */
export const MAX_429_RETRIES = 3;
/** The longest wait a 429's Retry-After may ask for and be waited out; a longer one ends the request with the 429. */
export const RETRY_AFTER_MAX_MS = 30_000;

/** How one request is sent besides what it carries. */
export interface SendOptions {
  /** Aborts this request; replaces the client's signal (a case's own signal, which the run's interrupt also aborts). */
  readonly signal?: AbortSignal;
  /** Told of this request's exchanges instead of the client's listener (a case names itself as their sender). */
  readonly onExchange?: ExchangeListener;
}

/** One HTTP request of a hop, as it goes on the wire. */
interface HopRequest {
  readonly method: Method;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly onExchange: ExchangeListener | undefined;
}

/** One HTTP request/response pair as sent and received, before the client decides whether to follow it. */
interface Hop {
  readonly exchange: Exchange;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly json: boolean;
  readonly body: unknown;
}

/**
 * The OCPI HTTP client: sets the Authorization header for the version, a fresh X-Request-ID and X-Correlation-ID per
 * request, a per-request timeout and a response size limit; never retries; never throws on an HTTP error status.
 * Only a request without any response throws, as a TransportError carrying the recorded exchange.
 *
 * Redirects: a 307 or 308 to the same origin is followed (up to MAX_REDIRECTS), resending the same method, body,
 * headers and token, since some servers redirect one form of a declared URL to another; each hop is recorded. A
 * redirect to another origin is never followed, so the token only ever goes where the target's own URLs point.
 * With an OriginPolicy, a request to an origin it does not allow is not sent at all: a TransportError (EORIGIN) says so.
 */
export class OcpiClient {
  readonly #options: OcpiClientOptions;

  constructor(options: OcpiClientOptions) {
    this.#options = options;
  }

  /** The origins this client sends to, when it is held to some. */
  get origins(): OriginPolicy | undefined {
    return this.#options.origins;
  }

  async send(request: OcpiRequest, options: SendOptions = {}): Promise<OcpiResponse> {
    const { redactor } = this.#options;
    const signal = options.signal ?? this.#options.signal;
    const onExchange = options.onExchange ?? this.#options.onExchange;
    if (request.token) redactor.add(request.token);
    // One correlation id for the whole request, redirects included: they are one logical call.
    const correlationId = randomUUID();
    const encode = this.#options.encodeBody ?? JSON.stringify;
    const payload = request.rawBody ?? (request.body === undefined ? undefined : encode(request.body));
    const redirects: Exchange[] = [];
    const throttled: Exchange[] = [];
    let url = request.url;
    for (;;) {
      const requestId = randomUUID();
      const ocpiHeaders = this.#options.ocpiHeaders ?? true;
      const headers: Record<string, string> = {
        // The user's headers first: the ones the client sets itself cannot be given (the settings refuse them).
        ...this.#options.network?.headers,
        'user-agent': this.#options.userAgent,
        accept: 'application/json',
        ...(ocpiHeaders ? { 'x-request-id': requestId, 'x-correlation-id': correlationId } : {}),
      };
      if (request.token) headers['authorization'] = authorizationHeader(request.token, request.tokenEncoding ?? this.#options.tokenEncoding);
      if (payload !== undefined) headers['content-type'] = this.#options.contentType ?? 'application/json';
      for (const [name, value] of Object.entries(request.headers ?? {})) {
        if (ocpiHeaders || !OCPI_2_2_HEADERS.test(name)) headers[name.toLowerCase()] = value;
      }

      const hop = await this.#sendOnce({ method: request.method, url, headers, payload, signal, onExchange }).catch((error: unknown) => {
        // A later hop that got no answer: the redirects before it stay evidence.
        if (error instanceof TransportError && redirects.length > 0) throw new TransportError(error.message, { code: error.code, exchange: error.exchange, cause: error.cause, redirects });
        throw error;
      });
      if (hop.status === 429 && throttled.length < MAX_429_RETRIES) {
        const waitMs = retryAfterMs(hop.headers['retry-after'], throttled.length);
        if (waitMs !== undefined && (await waited(waitMs, signal))) {
          throttled.push(hop.exchange);
          continue;
        }
      }
      const target = redirectTarget(hop.status, hop.headers['location'], url);
      const final = { ...hop, redirects: Object.freeze([...redirects]), throttled: Object.freeze([...throttled]), requestId, correlationId };
      if (target.kind === 'refuse') return { ...final, redirectRefused: Object.freeze({ location: redactor.text(target.url) }) };
      if (target.kind === 'none' || redirects.length >= MAX_REDIRECTS) return final;
      redirects.push(hop.exchange);
      url = target.url;
    }
  }

  /** Sends one HTTP request and records it; throws a TransportError when no response came. */
  async #sendOnce({ method, url, headers, payload, signal, onExchange }: HopRequest): Promise<Hop> {
    const { redactor } = this.#options;
    const recordedRequest: RecordedRequest = Object.freeze({
      method,
      url: redactor.text(url),
      headers: Object.freeze(redactor.headers(headers)),
      ...recordBody(payload, redactor),
    });
    const id = this.#options.nextExchangeId();
    const startedAt = new Date();
    const started = performance.now();
    const timings = (): Exchange['timings'] =>
      Object.freeze({ startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - started) });
    const failed = (code: string, message: string, cause: unknown): TransportError => {
      const exchange: Exchange = Object.freeze({ id, direction: 'outbound', request: recordedRequest, error: Object.freeze({ code, message }), timings: timings() });
      onExchange?.(exchange);
      return new TransportError(`${method} ${recordedRequest.url}: ${message}`, { code, exchange, cause });
    };
    const { origins } = this.#options;
    if (origins && !origins.allows(url)) throw failed('EORIGIN', origins.refusal(url), undefined);

    let hop: Hop;
    try {
      const answer = await fetchAnswer({ method, url, headers, payload, timeoutMs: this.#options.timeoutMs, maxResponseBytes: this.#options.maxResponseBytes, ...(signal ? { signal } : {}), ...(this.#options.network ? { network: this.#options.network } : {}) });
      const parsed = parseBody(answer.text);
      const recordedResponse = recordResponse({ status: answer.status, headers: Object.freeze(redactor.headers(answer.headers)), parsed }, redactor);
      const exchange: Exchange = Object.freeze({ id, direction: 'outbound', request: recordedRequest, response: recordedResponse, timings: timings() });
      hop = { exchange, status: answer.status, headers: answer.headers, json: parsed.json, body: parsed.value };
    } catch (error) {
      if (error instanceof NoAnswer) throw failed(error.code, error.message, error.cause);
      throw failed('EREQUEST', error instanceof Error ? error.message : String(error), error);
    }
    // Outside the try: a listener's own error is not the request's.
    onExchange?.(hop.exchange);
    return hop;
  }
}

/**
 * How long a 429 asks the client to wait before it tries again: its Retry-After in seconds or as an HTTP date, or
 * without one 1, 2, then 4 seconds; undefined when that is longer than RETRY_AFTER_MAX_MS (or unreadable), so the 429
 * is the answer.
 */
export function retryAfterMs(header: string | undefined, retried: number, now: number = Date.now()): number | undefined {
  let ms: number;
  if (header === undefined || header.trim() === '') ms = 1000 * 2 ** retried;
  else if (/^\s*\d+\s*$/.test(header)) ms = Number(header) * 1000;
  else {
    const at = Date.parse(header);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return ms <= RETRY_AFTER_MAX_MS ? ms : undefined;
}

/** Waits `ms`; false when the signal ended the wait first. */
async function waited(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
    return true;
  } catch {
    return false;
  }
}

function recordBody(payload: string | undefined, redactor: Redactor): Pick<RecordedRequest, 'body' | 'rawBody' | 'note'> {
  if (payload === undefined) return {};
  const parsed = parseBody(payload);
  return parsed.json ? { body: deepFreeze(redactor.json(parsed.value)) } : { rawBody: redactor.text(payload), ...(parsed.note ? { note: parsed.note } : {}) };
}
