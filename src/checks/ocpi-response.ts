import type { OcpiVersion } from '../schemas/ocpi-datetime.js';
import type { Exchange } from '../transport/exchange.js';
import { checkEnvelopeSchema, checkJsonBody, checkStatusCode } from './envelope.js';
import type { Finding } from './finding.js';
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
  if (status.status === 'fail' && (exchange.response?.status ?? 300) >= 300) return findings;
  const json = checkJsonBody(exchange);
  findings.push(json);
  if (json.status === 'fail') return findings;
  findings.push(...checkEnvelopeSchema(exchange, version), checkStatusCode(exchange));
  if (expectation.data) findings.push(...checkResponseData(exchange, version, expectation.data));
  return findings;
}

/**
 * Whether the target accepted the request, whatever else its response's checks said: a 2xx status among the expected
 * ones and a JSON envelope whose status_code is a success (1xxx, also when written as a string). A flow goes on after an accepted request (the object
 * was stored, the charger acts), so a fault in the envelope's form fails its own check and does not stop what follows.
 */
export function acceptedByTarget(exchange: Exchange, statuses: readonly number[] = [200, 201]): boolean {
  const response = exchange.response;
  if (!response || !statuses.includes(response.status)) return false;
  // "1000" as a string is a form error (schema.envelope says so), not a refusal.
  const code = Number((response.body as { status_code?: unknown } | null | undefined)?.status_code ?? Number.NaN);
  return code >= 1000 && code < 2000;
}
