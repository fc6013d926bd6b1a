import { schemaRegistry } from '../schemas/schema-registry.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { Exchange } from '../model/exchange.js';
import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';

/** The body of a response when it was JSON. */
export function responseBody(exchange: Exchange): unknown {
  return exchange.response?.body;
}

/** Asserts that a response body is JSON (every OCPI response is an envelope in JSON). */
export function checkJsonBody(exchange: Exchange): Finding {
  const response = exchange.response;
  const check = 'envelope.json-body';
  if (response?.body !== undefined) return pass(check, 'the response body is JSON', { exchangeId: exchange.id });
  const type = response?.headers['content-type'] ?? 'no content-type';
  const raw = response?.rawBody;
  const start = raw === undefined ? 'an empty body' : `a body starting ${JSON.stringify(raw.slice(0, 40))}`;
  const note = response?.note ? `: ${response.note}` : '';
  return fail(check, `the response is not JSON (${type}, ${start}) from ${exchange.request.method} ${exchange.request.url}${note}`, {
    exchangeId: exchange.id,
    expected: 'an OCPI response envelope in JSON',
    actual: raw?.slice(0, 200) ?? '',
  });
}

/** Validates a response body against the version's response envelope (status_code, timestamp, ...). */
export function checkEnvelopeSchema(exchange: Exchange, version: OcpiVersion): Finding[] {
  return schemaRegistry().validate(version, 'Envelope', responseBody(exchange), { check: 'schema.envelope', exchangeId: exchange.id });
}

/** Asserts the envelope's status_code: 1000 unless told otherwise, reported as `envelope.status-code` unless renamed. */
export function checkStatusCode(
  exchange: Exchange,
  { expected = 1000, check = 'envelope.status-code', because }: { expected?: number | readonly number[]; check?: string; because?: string } = {},
): Finding {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  const actual = (responseBody(exchange) as { status_code?: unknown } | undefined)?.status_code;
  // A code written as a string ("2001") means that code: its form is the envelope schema's finding, not this check's.
  const code = typeof actual === 'string' && /^\d+$/.test(actual) ? Number(actual) : actual;
  if (typeof code === 'number' && allowed.includes(code)) return pass(check, `status_code ${code}`, { exchangeId: exchange.id, at: '/status_code' });
  // Without a JSON body there is no status_code to compare: say what there is instead of "got null".
  if (exchange.response?.body === undefined) {
    return fail(check, `expected status_code ${allowed.join(' or ')}, but the response has no JSON body${because ? `: ${because}` : ''}`, { exchangeId: exchange.id, at: '/status_code', expected: allowed.length === 1 ? allowed[0] : allowed, actual: null });
  }
  const message = (responseBody(exchange) as { status_message?: unknown } | undefined)?.status_message;
  const detail = typeof message === 'string' ? ` ("${message}")` : '';
  return fail(check, `expected status_code ${allowed.join(' or ')}, got ${JSON.stringify(actual ?? null)}${detail}${because ? `: ${because}` : ''}`, {
    exchangeId: exchange.id,
    at: '/status_code',
    expected: allowed.length === 1 ? allowed[0] : allowed,
    actual: actual ?? null,
  });
}
