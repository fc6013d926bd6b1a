import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { readAuthorization, type PresentedToken } from '../transport/authorization.js';
import { parseBody } from '../transport/body.js';
import { flattenHeaders } from '../transport/flatten-headers.js';
import type { Exchange } from '../model/exchange.js';
import type { Redactor } from '../transport/redactor.js';
import { ByteBudget } from './byte-budget.js';
import { envelope } from './envelope.js';
import { inboundExchange, type InboundParts } from './inbound-exchange.js';
import { readBody, type BodyOutcome } from './read-body.js';
import { readRequestTarget, type RequestTarget } from './request-target.js';
import { refuseUnreadable } from './refuse-unreadable.js';

/** A request as a handler sees it. */
export interface ServerRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly url: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, string>>;
  /** True when the body parsed as JSON; false for an empty or malformed body. */
  readonly json: boolean;
  readonly body: unknown;
  readonly text: string;
  readonly presented: PresentedToken;
}

/** What a handler answers. `body` is sent as JSON; `text` verbatim (with `contentType`). */
export interface ServerResponseSpec {
  readonly status: number;
  readonly body?: unknown;
  readonly text?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (request: ServerRequest) => ServerResponseSpec | Promise<ServerResponseSpec>;

/** Options of a server. */
export interface OcpiServerOptions {
  readonly host: string;
  readonly port: number;
  readonly redactor: Redactor;
  readonly nextExchangeId: () => string;
  /** Called with every inbound exchange once answered, malformed and unreadable requests included. */
  readonly onExchange?: (exchange: Exchange, request: ServerRequest) => void;
  /** Echo X-Request-ID and X-Correlation-ID (the spec's rule); a fault may turn it off. */
  readonly echoRequestIds?: (request: ServerRequest) => { requestId: boolean; correlationId: boolean };
  /** Rewrites every answer just before it is written (a reference party's conformant variants of the wire form). */
  readonly finish?: (spec: ServerResponseSpec, request: ServerRequest) => ServerResponseSpec;
  /** The largest request body answered (413 past it). Default 10 MB. */
  readonly maxRequestBytes?: number;
  /** The most bytes of request bodies held at once, all requests together (503 past it). Default 64 MB. */
  readonly maxInFlightBytes?: number;
  /** The most bytes of request bodies and headers the record keeps in all (past it, a body's first 4 KB). Default 64 MB. */
  readonly maxRecordedBytes?: number;
  /** How long a caller may take to send its headers (then 408 and closed). Default 10 s. */
  readonly headersTimeoutMs?: number;
  /** How long a caller may take to send a whole request (then 408 and closed). Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Holds every request this long before handling it: a slow or distant party, for benchmarks. Default 0. */
  readonly latencyMs?: number;
  /** A certificate and key (PEM) to serve HTTPS with; plain HTTP without. */
  readonly tls?: { readonly cert: string; readonly key: string };
}

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

type Match =
  | { readonly kind: 'found'; readonly handler: Handler; readonly params: Record<string, string> }
  | { readonly kind: 'method'; readonly allow: string }
  | { readonly kind: 'none' };

const MB = 1024 * 1024;
const NO_CALLER: PresentedToken = readAuthorization(undefined);

/**
 * A small HTTP server for OCPI endpoints, shared by the tester's peer and the reference parties: routes with `:param`
 * segments, JSON parsing that keeps malformed bodies, X-Request-ID/X-Correlation-ID echo, and a record of every
 * exchange with tokens redacted. Whatever a caller sends (a bad escape, a huge or endless body, invalid UTF-8, JSON
 * nested 100,000 deep, a request that never ends), it is answered or cut off and recorded, never a crash.
 */
export class OcpiServer {
  readonly #options: OcpiServerOptions;
  readonly #routes: Route[] = [];
  readonly #inFlight: ByteBudget;
  readonly #recorded: ByteBudget;
  // Connections with a request being served: a parse error there (a caller hanging up mid-body) is that request's end.
  readonly #serving = new WeakSet<object>();
  // Requests held for the latency: closing the server lets them go unanswered at once, not after the latency.
  readonly #held = new Set<() => void>();
  #server: Server | undefined;
  #baseUrl = '';

  constructor(options: OcpiServerOptions) {
    this.#options = options;
    this.#inFlight = new ByteBudget(options.maxInFlightBytes ?? 64 * MB);
    this.#recorded = new ByteBudget(options.maxRecordedBytes ?? 64 * MB);
  }

  /** The base URL (`http://host:port`, or `https://` with a certificate) once listening. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  route(method: string, path: string, handler: Handler): void {
    this.#routes.push({ method, segments: path.split('/').filter(Boolean), handler });
  }

  async listen(): Promise<string> {
    const requestTimeout = this.#options.requestTimeoutMs ?? 30_000;
    const settings = {
      headersTimeout: Math.min(this.#options.headersTimeoutMs ?? 10_000, requestTimeout),
      requestTimeout,
      // How often Node looks for callers past those deadlines (its default, 30 s, would let a slow caller linger).
      connectionsCheckingInterval: 1000,
    };
    const handle = (req: IncomingMessage, res: ServerResponse): void => void this.#handle(req, res);
    const { tls } = this.#options;
    const server: Server = tls ? createTlsServer({ ...settings, cert: tls.cert, key: tls.key }, handle) : createServer(settings, handle);
    server.keepAliveTimeout = 5000;
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => this.#refuseUnreadable(error, socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port, this.#options.host, () => resolve());
    });
    this.#server = server;
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.#baseUrl = `${tls ? 'https' : 'http'}://${host}:${address.port}`;
    return this.#baseUrl;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    for (const release of [...this.#held]) release();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#serving.add(req.socket);
    try {
      await this.#serve(req, res);
    } catch {
      // A defect of ours answers this one request with a 500; it never ends the process (or the run) it serves.
      try {
        if (res.headersSent) res.destroy();
        else res.writeHead(500, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(envelope(undefined, 3000, 'the server failed to handle this request')));
      } catch {
        res.destroy();
      }
    } finally {
      this.#serving.delete(req.socket);
    }
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = new Date();
    const started = performance.now();
    const method = req.method ?? 'GET';
    const target = readRequestTarget(req.url ?? '/', this.#baseUrl || 'http://localhost');
    const headers = flattenHeaders(req.headers);
    const outcome = await readBody(req, { limit: this.#options.maxRequestBytes ?? 10 * MB, inFlight: this.#inFlight });
    const parsed = parseBody(outcome.kind === 'read' ? outcome.text : '');
    const found: Match = target.problem ? { kind: 'none' } : this.#match(method, target.segments);
    const request: ServerRequest = {
      method,
      path: target.path,
      query: target.query,
      url: target.url,
      headers,
      params: found.kind === 'found' ? found.params : {},
      json: parsed.json,
      body: parsed.value,
      text: parsed.text,
      presented: readAuthorization(headers['authorization']),
    };
    const notes = [...(target.problem ? [target.problem] : []), ...bodyNotes(outcome)];
    const parts = { method, url: target.url, headers, body: parsed, notes, startedAt };
    if (outcome.kind === 'aborted') {
      const error = { code: 'ECLIENTABORT', message: `the caller closed the connection before its request ended (${outcome.bytes} bytes of body received)` };
      this.#record({ ...parts, error, durationMs: Math.round(performance.now() - started) }, request);
      return;
    }
    if (!(await this.#hold(this.#options.latencyMs ?? 0))) {
      res.destroy();
      return;
    }
    let spec = refusal(target, outcome) ?? (await this.#answer(found, request));
    if (this.#options.finish) spec = this.#options.finish(spec, request);
    const responseHeaders: Record<string, string> = { ...(spec.headers ?? {}) };
    const echo = this.#options.echoRequestIds?.(request) ?? { requestId: true, correlationId: true };
    if (echo.requestId && headers['x-request-id']) responseHeaders['x-request-id'] = headers['x-request-id'];
    if (echo.correlationId && headers['x-correlation-id']) responseHeaders['x-correlation-id'] = headers['x-correlation-id'];
    // What is left of a refused body is drained unread; the connection is not worth keeping for more.
    if (outcome.kind !== 'read') responseHeaders['connection'] = 'close';
    const payload = spec.text ?? (spec.body === undefined ? '' : JSON.stringify(spec.body));
    if (payload !== '') responseHeaders['content-type'] = spec.contentType ?? 'application/json';
    res.writeHead(spec.status, responseHeaders);
    res.end(payload);
    this.#record({ ...parts, response: { spec, headers: responseHeaders }, durationMs: Math.round(performance.now() - started) }, request);
  }

  /** Waits `ms`; false when the server closed meanwhile. */
  #hold(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const end = (served: boolean): void => {
        clearTimeout(timer);
        this.#held.delete(release);
        resolve(served);
      };
      const release = (): void => end(false);
      const timer = setTimeout(() => end(true), ms);
      this.#held.add(release);
    });
  }

  async #answer(found: Match, request: ServerRequest): Promise<ServerResponseSpec> {
    if (found.kind === 'none') return { status: 404, body: envelope(undefined, 2000, `no endpoint at ${request.path}`) };
    if (found.kind === 'method') return { status: 405, headers: { allow: found.allow }, body: envelope(undefined, 2000, `${request.method} is not allowed here`) };
    try {
      return await found.handler(request);
    } catch (error) {
      return { status: 500, body: envelope(undefined, 3000, error instanceof Error ? error.message : 'internal error') };
    }
  }

  #record(parts: Omit<InboundParts, 'id'>, request: ServerRequest): void {
    const { onExchange } = this.#options;
    if (!onExchange) return;
    const exchange = inboundExchange({ ...parts, id: this.#options.nextExchangeId() }, { redactor: this.#options.redactor, budget: this.#recorded });
    onExchange(exchange, request);
  }

  /** A request Node could not read: refused on the socket (see refuseUnreadable) and recorded with what is known. */
  #refuseUnreadable(error: NodeJS.ErrnoException, socket: Duplex): void {
    // On a connection with a request being served, the error is that request's end (the caller hung up), recorded there.
    if (this.#serving.has(socket)) {
      socket.destroy();
      return;
    }
    const refused = refuseUnreadable(error, socket);
    if (!refused) return;
    const url = `${this.#baseUrl}/`;
    const request: ServerRequest = { method: '-', path: '/', query: new URLSearchParams(), url, headers: {}, params: {}, json: false, body: undefined, text: '', presented: NO_CALLER };
    const note = `${refused.problem}; the method, path and headers could not be read`;
    this.#record({ method: '-', url, headers: {}, body: parseBody(''), notes: [note], response: { spec: refused.spec, headers: refused.headers }, startedAt: new Date(), durationMs: 0 }, request);
  }

  #match(method: string, segments: readonly string[]): Match {
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method', allow: allowed.join(', ') } : { kind: 'none' };
  }
}

/** The answer to a request the server refuses before any route sees it, or undefined to route it. */
function refusal(target: RequestTarget, outcome: Exclude<BodyOutcome, { kind: 'aborted' }>): ServerResponseSpec | undefined {
  if (target.problem) return { status: 400, body: envelope(undefined, 2001, target.problem) };
  if (outcome.kind === 'too-large') return { status: 413, body: envelope(undefined, 2000, `the request body is larger than ${outcome.limit} bytes`) };
  if (outcome.kind === 'overloaded') return { status: 503, headers: { 'retry-after': '1' }, body: envelope(undefined, 3000, 'too many request bodies at once; try again') };
  if (!outcome.utf8) return { status: 400, body: envelope(undefined, 2001, 'the request body is not valid UTF-8') };
  return undefined;
}

/** What the record says about a body it did not keep as sent. */
function bodyNotes(outcome: BodyOutcome): string[] {
  if (outcome.kind === 'too-large') return [`the body passed ${outcome.limit} bytes; answered 413, not kept`];
  if (outcome.kind === 'overloaded') return [`request bodies held at once passed ${outcome.max} bytes; answered 503, not kept`];
  if (outcome.kind === 'read' && !outcome.utf8) return ['the body is not valid UTF-8; kept with replacement characters'];
  return [];
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const value = actual[index] as string;
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return undefined;
  }
  return params;
}
