import type { OcpiVersion } from '../model/ocpi-version.js';
import type { Exchange } from '../model/exchange.js';
import { checkEnvelopeSchema, checkJsonBody, checkStatusCode } from './envelope.js';
import type { Finding } from '../model/finding.js';
import { expectStatus } from './http-status.js';
import { checkResponseData } from './schema.js';

/** The check ids `checkOcpiResponse` can report; a case using it declares them. */
export const OCPI_RESPONSE_CHECKS = ['http.status', 'envelope.json-body', 'schema.envelope', 'envelope.status-code', 'schema.response'] as const;

/** What a successful OCPI response must be. */
export interface OcpiResponseExpectation {
  /** The OCPI object `data` must be; omit when the response defines no data. */
  readonly data?: string;
  readonly status?: number | readonly number[];
  /** Appended to an HTTP status failure: what the status most likely means for the person running the tool. */
  readonly statusHint?: string;
}

/**
 * The checks every successful OCPI response gets: the HTTP status, a JSON body, a valid envelope, status_code 1000
 * and, when given, `data` valid as the named object. Stops after an HTTP error status (the rest would repeat it) and
 * after a non-JSON body, whose envelope cannot be judged.
 */
export function checkOcpiResponse(exchange: Exchange, version: OcpiVersion, expectation: OcpiResponseExpectation = {}): Finding[] {
  const status = expectStatus({ exchange, expected: expectation.status ?? 200, ...(expectation.statusHint ? { because: expectation.statusHint } : {}) });
  const findings: Finding[] = [status];
  // An HTTP error (or a redirect) is the whole answer: its envelope's status_code and missing data say the same thing
  // again, and one root cause gives one failure.
  // The same holds for an unexpected status without a body (a 204 No Content): there is no envelope to judge.
  const bodiless = exchange.response !== undefined && exchange.response.body === undefined && (exchange.response.rawBody ?? '') === '';
  if (status.status === 'fail' && ((exchange.response?.status ?? 300) >= 300 || bodiless)) return findings;
  const json = checkJsonBody(exchange);
  findings.push(json);
  if (json.status === 'fail') return findings;
  findings.push(...checkEnvelopeSchema(exchange, version), checkStatusCode(exchange));
  if (expectation.data) findings.push(...checkResponseData(exchange, version, expectation.data));
  return findings;
}

/**
 * Whether the target accepted the request, whatever else its response's checks said: a 2xx status, and a success
 * status_code (1xxx, also when written as a string) when there is a JSON envelope to say one. A 2xx without an
 * envelope (a 204, a body that is not JSON) is HTTP's success and nothing refutes it. A flow goes on after an accepted
 * request (the object was stored, the charger acts), so a fault in the answer's form fails its own check and does not
 * stop what follows.
 */
export function acceptedByTarget(exchange: Exchange): boolean {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300) return false;
  if (response.body === undefined) return true;
  const code = Number((response.body as { status_code?: unknown } | null)?.status_code ?? Number.NaN);
  return code >= 1000 && code < 2000;
}
