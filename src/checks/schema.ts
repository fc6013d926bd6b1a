import { schemaRegistry } from '../schemas/schema-registry.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { Exchange } from '../model/exchange.js';
import { fail } from './finding.js';
import type { Finding } from '../model/finding.js';

/** Validates a response envelope's `data` as the named OCPI object (`VersionList`, `Credentials`, ...). */
export function checkResponseData(exchange: Exchange, version: OcpiVersion, name: string): Finding[] {
  const body = exchange.response?.body as { data?: unknown } | undefined;
  if (body === undefined || body === null || typeof body !== 'object' || !('data' in body)) {
    return [fail('schema.response', `the response has no data; expected a ${name}`, { exchangeId: exchange.id, at: '/data', expected: name, actual: null })];
  }
  return schemaRegistry().validate(version, name, body.data, { check: 'schema.response', at: '/data', exchangeId: exchange.id });
}

/** Validates a request body (one the target sent to the tester's peer) as the named OCPI object. */
export function checkRequestBody(exchange: Exchange, version: OcpiVersion, name: string): Finding[] {
  const body = exchange.request.body;
  if (body === undefined) {
    return [fail('schema.request', `the request body is not JSON; expected a ${name}`, { exchangeId: exchange.id, expected: name, actual: exchange.request.rawBody ?? '' })];
  }
  return schemaRegistry().validate(version, name, body, { check: 'schema.request', exchangeId: exchange.id });
}

/** Whether a value is valid as the named OCPI type (an enum value, an object), for steps that branch on it. */
export function isValidAs(version: OcpiVersion, name: string, value: unknown): boolean {
  return schemaRegistry().validator(version, name)(value) === true;
}
