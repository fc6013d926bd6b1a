import type { Exchange } from '../model/exchange.js';

/** The shapes an OCPI response's `data` takes: one object, or a list of them. */
export type DataShape = 'object' | 'list';

/** The `data` of a response when it can be read as the shape asked for, or why it cannot. */
export type ResponseData<S extends DataShape> =
  | { readonly usable: true; readonly data: S extends 'object' ? Record<string, unknown> : readonly unknown[] }
  | { readonly usable: false; readonly reason: string };

/**
 * Whether a response carries a payload the checks that read values may judge: a 2xx HTTP status, a JSON envelope, and
 * `data` of the expected shape (an object, not an array, for a single object). When it does not, the response checks
 * (HTTP status, JSON body, envelope, schema) have already said why, and the checks that read fields must not run: one
 * root cause gives one failure.
 */
export function responseData<S extends DataShape>(exchange: Exchange, body: unknown, shape: S): ResponseData<S> {
  const status = exchange.response?.status;
  if (status === undefined) return { usable: false, reason: 'no response' };
  if (status < 200 || status > 299) return { usable: false, reason: `HTTP ${status}` };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { usable: false, reason: 'no OCPI envelope in the body' };
  const data = (body as { data?: unknown }).data;
  if (data === undefined || data === null) return { usable: false, reason: 'no data in the envelope' };
  const isList = Array.isArray(data);
  if (shape === 'list' ? !isList : isList || typeof data !== 'object') {
    return { usable: false, reason: `data is ${isList ? 'a list' : typeof data}, not ${shape === 'list' ? 'a list' : 'an object'}` };
  }
  return { usable: true, data: data as S extends 'object' ? Record<string, unknown> : readonly unknown[] };
}
