import { randomUUID } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import got, { type Method, RequestError } from 'got';
import type { Secret } from '../config/secret.js';
import { authorizationHeader, type TokenEncoding } from './authorization.js';
import { parseBody } from './body.js';
import type { Exchange, RecordedRequest, RecordedResponse } from './exchange.js';
import type { Redactor } from './redactor.js';
import { TransportError } from './transport-error.js';
import { deepFreeze } from './deep-freeze.js';
import { flattenHeaders } from './flatten-headers.js';
import { redirectTarget } from './redirect-target.js';
import { jsonDepth, MAX_JSON_DEPTH } from './json-depth.js';
import type { OriginPolicy } from './origin-policy.js';

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
}

/** What a request produced: the recorded (redacted) exchange and, for the caller's logic only, the parsed body. */
export interface OcpiResponse {
  /** The last exchange: the response the request ended with, after any redirects followed. */
  readonly exchange: Exchange;
  /** The exchanges of the redirects followed to get there, in order; empty when the first response was the last. */
  readonly redirects: readonly Exchange[];
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
}

/** How many 307/308 redirects one request follows; a further redirect is returned as the response. */
export const MAX_REDIRECTS = 5;

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

  async send(request: OcpiRequest): Promise<OcpiResponse> {
    const { redactor } = this.#options;
    if (request.token) redactor.add(request.token);
    // One correlation id for the whole request, redirects included: they are one logical call.
    const correlationId = randomUUID();
    const encode = this.#options.encodeBody ?? JSON.stringify;
    const payload = request.rawBody ?? (request.body === undefined ? undefined : encode(request.body));
    const redirects: Exchange[] = [];
    let url = request.url;
    for (;;) {
      const requestId = randomUUID();
      const headers: Record<string, string> = {
        'user-agent': this.#options.userAgent,
        accept: 'application/json',
        'x-request-id': requestId,
        'x-correlation-id': correlationId,
      };
      if (request.token) headers['authorization'] = authorizationHeader(request.token, this.#options.tokenEncoding);
      if (payload !== undefined) headers['content-type'] = this.#options.contentType ?? 'application/json';
      for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;

      const hop = await this.#sendOnce(request.method, url, headers, payload).catch((error: unknown) => {
        // A later hop that got no answer: the redirects before it stay evidence.
        if (error instanceof TransportError && redirects.length > 0) throw new TransportError(error.message, { code: error.code, exchange: error.exchange, cause: error.cause, redirects });
        throw error;
      });
      const target = redirectTarget(hop.status, hop.headers['location'], url);
      const final = { ...hop, redirects: Object.freeze([...redirects]), requestId, correlationId };
      if (target.kind === 'refuse') return { ...final, redirectRefused: Object.freeze({ location: redactor.text(target.url) }) };
      if (target.kind === 'none' || redirects.length >= MAX_REDIRECTS) return final;
      redirects.push(hop.exchange);
      url = target.url;
    }
  }

  /** Sends one HTTP request and records it; throws a TransportError when no response came. */
  async #sendOnce(method: Method, url: string, headers: Readonly<Record<string, string>>, payload: string | undefined): Promise<Hop> {
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
      return new TransportError(`${method} ${recordedRequest.url}: ${message}`, { code, exchange, cause });
    };
    const { origins } = this.#options;
    if (origins && !origins.allows(url)) throw failed('EORIGIN', origins.refusal(url), undefined);

    // Why the client itself ended the request, when it did: got then reports a bare cancellation.
    let refusal: { readonly code: string; readonly message: string } | undefined;
    let upgrade: { readonly status: number; readonly headers: Record<string, string> } | undefined;
    const { maxResponseBytes, timeoutMs } = this.#options;
    const pending = got(url, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
      throwHttpErrors: false,
      retry: { limit: 0 },
      // Redirects are followed by send(), which records each hop and keeps the token on the target's origin.
      followRedirect: false,
      timeout: { request: timeoutMs },
      responseType: 'text',
      ...(this.#options.signal ? { signal: this.#options.signal } : {}),
    });
    const stop = (code: string, message: string): void => {
      refusal ??= { code, message };
      pending.cancel();
    };
    pending.on('request', (request: ClientRequest) => {
      // A 101 hands the socket to whoever listens for 'upgrade' and got never ends the request: its timeout would not
      // fire and the open socket would keep the process alive. The tester asked for no upgrade: close it, keep the answer.
      request.once('upgrade', (answer: IncomingMessage, socket: Duplex) => {
        socket.destroy();
        upgrade = { status: answer.statusCode ?? 101, headers: flattenHeaders(answer.headers) };
        pending.cancel();
      });
    });
    // Decompressed bytes count, and a declared Content-Length over the limit stops the request before the body.
    pending.on('downloadProgress', (progress: { transferred: number; total?: number }) => {
      if (progress.transferred > maxResponseBytes || (progress.total ?? 0) > maxResponseBytes) stop('ERESPONSETOOLARGE', `response body larger than ${formatBytes(maxResponseBytes)} (the limit is set with --max-response-size)`);
    });
    // got's own timeout misses some phases; this one ends the request whatever it waits on.
    const backstop = setTimeout(() => stop('ETIMEDOUT', `no complete response within ${timeoutMs} ms`), timeoutMs + 1000);
    try {
      const response = await pending.catch((error: unknown) => {
        if (upgrade) return undefined;
        throw error;
      });
      const status = response?.statusCode ?? upgrade?.status ?? 0;
      const responseHeaders = response ? flattenHeaders(response.headers) : (upgrade?.headers ?? {});
      const text = response?.body ?? '';
      const depth = jsonDepth(text);
      if (depth > MAX_JSON_DEPTH) {
        refusal = { code: 'ERESPONSETOODEEP', message: `response JSON nests ${depth} levels deep; the tester reads at most ${MAX_JSON_DEPTH} (no OCPI payload nests that deep)` };
        throw new Error(refusal.message);
      }
      const parsed = parseBody(text);
      const recordedResponse: RecordedResponse = Object.freeze({
        status,
        headers: Object.freeze(redactor.headers(responseHeaders)),
        ...(parsed.json ? { body: deepFreeze(redactor.json(parsed.value)) } : parsed.text === '' ? {} : { rawBody: redactor.text(parsed.text) }),
      });
      const exchange: Exchange = Object.freeze({ id, direction: 'outbound', request: recordedRequest, response: recordedResponse, timings: timings() });
      return { exchange, status, headers: responseHeaders, json: parsed.json, body: parsed.value };
    } catch (error) {
      const { code, message } = refusal ?? describeFailure(error, timeoutMs);
      throw failed(code, message, error);
    } finally {
      clearTimeout(backstop);
    }
  }
}

function recordBody(payload: string | undefined, redactor: Redactor): Pick<RecordedRequest, 'body' | 'rawBody'> {
  if (payload === undefined) return {};
  const parsed = parseBody(payload);
  return parsed.json ? { body: deepFreeze(redactor.json(parsed.value)) } : { rawBody: redactor.text(payload) };
}

/** "20 MB", "1000 bytes": a limit as a person reads it. */
function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

/** What went wrong with a request that got no usable response, in words that point at the cause. */
function describeFailure(error: unknown, timeoutMs: number): { code: string; message: string } {
  if (!(error instanceof RequestError)) return { code: 'EREQUEST', message: error instanceof Error ? error.message : String(error) };
  const code = error.code;
  if (code === 'ETIMEDOUT') return { code, message: `no complete response within ${timeoutMs} ms` };
  if (code === 'ECONNREFUSED') return { code, message: 'connection refused (is the target running, and is the URL right?)' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { code, message: 'host name not found' };
  if (code === 'ERR_CANCELED' || code === 'ABORT_ERR') return { code: 'EABORTED', message: 'request aborted' };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { code, message: `the target closed the connection before a complete response (${error.message})` };
  if (code === 'HPE_HEADER_OVERFLOW') return { code, message: 'the response headers are larger than the 16 KB the tester reads' };
  if (code.startsWith('HPE_')) return { code, message: `the response is not valid HTTP (${error.message})` };
  if (code.startsWith('Z_') || code.startsWith('ERR_ZLIB') || code === 'ERR__ERROR_FORMAT_INVALID' || /decompress|zlib|brotli/i.test(code)) {
    return { code, message: `the body does not decode as its Content-Encoding says (${error.message})` };
  }
  return { code: code || 'EREQUEST', message: error.message };
}
