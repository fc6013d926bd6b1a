import type { Exchange } from '../../src/model/exchange.js';

/** A recorded exchange for check tests: GET with the given response. */
export function exchange(response: { status?: number; headers?: Record<string, string>; body?: unknown; rawBody?: string } | undefined, request: { headers?: Record<string, string>; method?: string; url?: string } = {}): Exchange {
  return {
    id: 'x1',
    direction: 'outbound',
    request: { method: request.method ?? 'GET', url: request.url ?? 'http://127.0.0.1:1/ocpi/versions', headers: request.headers ?? {} },
    ...(response ? { response: { status: response.status ?? 200, headers: response.headers ?? {}, ...(response.body !== undefined ? { body: response.body } : {}), ...(response.rawBody !== undefined ? { rawBody: response.rawBody } : {}) } } : { error: { code: 'ECONNREFUSED', message: 'connection refused' } }),
    timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
  };
}
