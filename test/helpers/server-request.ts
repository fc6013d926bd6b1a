import type { ServerRequest, ServerResponseSpec } from '../../src/server/ocpi-server.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';

/** The parts of a request a test cares about; the rest gets neutral defaults. */
export interface RequestParts {
  readonly method?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** A ServerRequest as the server would hand it to a handler, built by hand so a handler can be called directly. */
export function serverRequest(parts: RequestParts = {}): ServerRequest {
  const text = parts.body === undefined ? '' : JSON.stringify(parts.body);
  const query = new URLSearchParams(parts.query ?? {});
  return {
    method: parts.method ?? 'GET',
    path: '/',
    query,
    url: `http://127.0.0.1/?${query.toString()}`,
    headers: parts.headers ?? {},
    params: parts.params ?? {},
    json: parts.body !== undefined,
    body: parts.body,
    text,
    presented: {},
  };
}

/** Calls the handler of the route with that method (each module under test has one path per method). */
export async function callRoute(routes: readonly ModuleRoute[], method: ModuleRoute['method'], parts: RequestParts = {}): Promise<ServerResponseSpec> {
  const route = routes.find((candidate) => candidate.method === method);
  if (!route) throw new Error(`no ${method} route`);
  return route.handler(serverRequest({ ...parts, method }));
}

/** The envelope fields tests assert on. */
export interface TestEnvelope {
  readonly data?: Record<string, unknown>;
  readonly status_code: number;
  readonly status_message?: string;
}

/** The body of a response, typed as an envelope for assertions. */
export const envelopeOf = (response: ServerResponseSpec): TestEnvelope => response.body as TestEnvelope;
