import type { ServerResponseSpec } from '../server/ocpi-server.js';

/** The faults that change the wire form of everything a party sends, as real implementations got it wrong. */
const WIRE_FAULTS = [
  'datetimes-with-offset', 'datetimes-space-separator', 'forbidden-instead-of-unauthorized', 'modules-json-with-bom', 'modules-status-code-as-string',
  'single-objects-wrapped-in-list', 'command-responses-without-timeout', 'writes-answer-204', 'results-never-sent', 'errors-in-plain-text',
] as const;

/** A path of a functional module (not versions, version details or credentials). */
const MODULE_PATH = /\/\d\.\d(?:\.\d)?\/(?!credentials)[a-z]+/;

/** A DateTime as the parties write it (UTC, with Z), inside a JSON text. */
const DATETIME_IN_JSON = /"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z"/g;

/** How the party's active wire faults rewrite what it sends. */
export interface WireFaults {
  /** Rewrites the response to a request after the variants did, just before the server writes it. */
  response(spec: ServerResponseSpec, request: { readonly method: string; readonly path: string }): ServerResponseSpec;
  /** Rewrites the JSON text of a request body the party sends. */
  requestBody(text: string): string;
}

/**
 * Wire faults, applied in one place so that they reach every endpoint as they would in a real implementation:
 * every DateTime with a `+00:00` offset (a serializer's ISO form, which 2.2.1 forbids), or with a space for the `T`;
 * every 401 answered as 403 Forbidden; every HTTP error answered in plain text; and, in the functional modules (often a service of their own behind the one
 * that did the handshake), a UTF-8 byte order mark before every JSON body (RFC 8259 §8.1: must not be added), or
 * status_code written as a string ("1000"), every object a GET asks for served in a list (`[object]`), every
 * CommandResponse without its timeout, every PUT, PATCH or DELETE without response data answered 204 No Content.
 */
export function wireFaults(faults: ReadonlySet<string>): WireFaults {
  const active = WIRE_FAULTS.some((name) => faults.has(name));
  const dates = (text: string): string => {
    if (faults.has('datetimes-with-offset')) return text.replace(DATETIME_IN_JSON, '"$1T$2+00:00"');
    if (faults.has('datetimes-space-separator')) return text.replace(DATETIME_IN_JSON, '"$1 $2Z"');
    return text;
  };
  /** The envelope of a functional module's answer with its data bent by the data faults. */
  const rewriteData = (body: unknown, method: string, path: string): unknown => {
    const data = (body as { data?: unknown } | undefined)?.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return body;
    if (faults.has('single-objects-wrapped-in-list') && method === 'GET') return { ...(body as object), data: [data] };
    // A CPO that answers every command and profile request and never sends the result, promising it within a second.
    if (faults.has('results-never-sent') && typeof (data as { timeout?: unknown }).timeout === 'number') return { ...(body as object), data: { ...data, timeout: 1 } };
    if (faults.has('command-responses-without-timeout') && method === 'POST' && /\/commands\/[A-Z_]+$/.test(path)) {
      const { timeout: _dropped, ...rest } = data as Record<string, unknown>;
      return { ...(body as object), data: rest };
    }
    return body;
  };
  return {
    requestBody: dates,
    response: (spec, { method, path }) => {
      if (!active) return spec;
      const status = faults.has('forbidden-instead-of-unauthorized') && spec.status === 401 ? 403 : spec.status;
      // A gateway in front of the OCPI service that answers every HTTP error with its own plain text.
      if (faults.has('errors-in-plain-text') && status >= 400) return { ...spec, status, body: undefined, text: `HTTP ${status}`, contentType: 'text/plain' };
      const module = MODULE_PATH.test(path);
      // A REST habit: a write with nothing to return answers 204 No Content, where OCPI wants 200 and its envelope.
      const noData = (spec.body as { data?: unknown } | undefined)?.data === undefined;
      if (faults.has('writes-answer-204') && module && ['PUT', 'PATCH', 'DELETE'].includes(method) && [200, 201].includes(status) && noData) return { status: 204, ...(spec.headers ? { headers: spec.headers } : {}) };
      const body = spec.text === undefined && module ? rewriteData(spec.body, method, path) : spec.body;
      let text = spec.text ?? (body === undefined ? undefined : JSON.stringify(body));
      if (text === undefined) return { ...spec, status };
      text = dates(text);
      if (module) {
        if (faults.has('modules-status-code-as-string')) text = text.replace(/"status_code":(\d+)(?=(,"status_message":"[^"]*")?,"timestamp":"[^"]*"\}$)/, '"status_code":"$1"');
        if (faults.has('modules-json-with-bom')) text = `\uFEFF${text}`;
      }
      return { ...spec, status, text, contentType: spec.contentType ?? 'application/json' };
    },
  };
}
