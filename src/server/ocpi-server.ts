import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAuthorization, type PresentedToken } from '../transport/authorization.js';
import { parseBody } from '../transport/body.js';
import { deepFreeze } from '../transport/deep-freeze.js';
import { flattenHeaders } from '../transport/flatten-headers.js';
import type { Exchange } from '../transport/exchange.js';
import type { Redactor } from '../transport/redactor.js';
import { envelope } from './envelope.js';

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
  /** Called with every inbound exchange once answered, malformed requests included. */
  readonly onExchange?: (exchange: Exchange, request: ServerRequest) => void;
  /** Echo X-Request-ID and X-Correlation-ID (the spec's rule); a fault may turn it off. */
  readonly echoRequestIds?: (request: ServerRequest) => { requestId: boolean; correlationId: boolean };
  readonly maxRequestBytes?: number;
  /** Rewrites every answer just before it is written (a reference party's conformant variants of the wire form). */
  readonly finish?: (spec: ServerResponseSpec, request: ServerRequest) => ServerResponseSpec;
}

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

/**
 * A small HTTP server for OCPI endpoints, shared by the tester's peer and the reference parties: routes with `:param`
 * segments, JSON parsing that keeps malformed bodies, X-Request-ID/X-Correlation-ID echo, and a record of every
 * exchange with tokens redacted.
 */
export class OcpiServer {
  readonly #options: OcpiServerOptions;
  readonly #routes: Route[] = [];
  #server: Server | undefined;
  #baseUrl = '';

  constructor(options: OcpiServerOptions) {
    this.#options = options;
  }

  /** The base URL (`http://host:port`) once listening. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  route(method: string, path: string, handler: Handler): void {
    this.#routes.push({ method, segments: path.split('/').filter(Boolean), handler });
  }

  async listen(): Promise<string> {
    const server = createServer((req, res) => void this.#handle(req, res));
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port, this.#options.host, () => resolve());
    });
    this.#server = server;
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.#baseUrl = `http://${host}:${address.port}`;
    return this.#baseUrl;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = new Date();
    const started = performance.now();
    const { redactor } = this.#options;
    const text = await readBody(req, this.#options.maxRequestBytes ?? 10 * 1024 * 1024).catch(() => undefined);
    const headers = flattenHeaders(req.headers);
    const url = new URL(req.url ?? '/', this.#baseUrl || 'http://localhost');
    const parsed = parseBody(text ?? '');
    const found = this.#match(req.method ?? 'GET', url.pathname);
    const request: ServerRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      url: `${this.#baseUrl}${req.url ?? '/'}`,
      headers,
      params: found.params,
      json: parsed.json,
      body: parsed.value,
      text: parsed.text,
      presented: readAuthorization(headers['authorization']),
    };
    let spec: ServerResponseSpec;
    if (text === undefined) spec = { status: 413, body: envelope(undefined, 2000, 'request body too large') };
    else if (found.kind === 'none') spec = { status: 404, body: envelope(undefined, 2000, `no endpoint at ${url.pathname}`) };
    else if (found.kind === 'method') spec = { status: 405, headers: { allow: found.allow }, body: envelope(undefined, 2000, `${request.method} is not allowed here`) };
    else {
      try {
        spec = await found.handler(request);
      } catch (error) {
        spec = { status: 500, body: envelope(undefined, 3000, error instanceof Error ? error.message : 'internal error') };
      }
    }
    if (this.#options.finish) spec = this.#options.finish(spec, request);
    const responseHeaders: Record<string, string> = { ...(spec.headers ?? {}) };
    const echo = this.#options.echoRequestIds?.(request) ?? { requestId: true, correlationId: true };
    if (echo.requestId && headers['x-request-id']) responseHeaders['x-request-id'] = headers['x-request-id'];
    if (echo.correlationId && headers['x-correlation-id']) responseHeaders['x-correlation-id'] = headers['x-correlation-id'];
    const payload = spec.text ?? (spec.body === undefined ? '' : JSON.stringify(spec.body));
    if (payload !== '') responseHeaders['content-type'] = spec.contentType ?? 'application/json';
    res.writeHead(spec.status, responseHeaders);
    res.end(payload);

    const exchange: Exchange = deepFreeze({
      id: this.#options.nextExchangeId(),
      direction: 'inbound',
      request: {
        method: request.method,
        url: redactor.text(request.url),
        headers: redactor.headers(headers),
        ...(parsed.json ? { body: redactor.json(parsed.value) } : parsed.text === '' ? {} : { rawBody: redactor.text(parsed.text) }),
      },
      response: {
        status: spec.status,
        headers: redactor.headers(responseHeaders),
        ...(spec.text !== undefined ? { rawBody: redactor.text(spec.text) } : spec.body === undefined ? {} : { body: redactor.json(spec.body) }),
      },
      timings: { startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - started) },
    });
    this.#options.onExchange?.(exchange, request);
  }

  #match(method: string, path: string):
    | { kind: 'found'; handler: Handler; params: Record<string, string> }
    | { kind: 'method'; allow: string; params: Record<string, string> }
    | { kind: 'none'; params: Record<string, string> } {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method', allow: allowed.join(', '), params: {} } : { kind: 'none', params: {} };
  }
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

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
