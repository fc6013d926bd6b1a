import { repeatOf, withRepeats } from './fold-repeated.js';
import { schemaRegistry } from '../schemas/schema-registry.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { Exchange } from '../model/exchange.js';
import { checkStatusCode } from './envelope.js';
import { pass, warn } from './finding.js';
import type { Finding } from '../model/finding.js';
import { expectStatus, type StatusExpectation } from './http-status.js';

/** The check of an HTTP error answer's body: the OCPI response format (spec note T141). */
export const ERROR_FORMAT_CHECK = 'envelope.error-format';

/** The check of the status_code an error answer gives for an object that does not exist (spec note T144). */
export const UNKNOWN_OBJECT_CODE_CHECK = 'envelope.unknown-object-status-code';

/** The check ids `expectErrorAnswer` can report besides the status check; a case using it declares them. */
export const ERROR_ANSWER_CHECKS = [ERROR_FORMAT_CHECK] as const;

/**
 * Why the body of a response is not the OCPI response format (a JSON object with status_code and timestamp), or
 * undefined when it is.
 */
export function notResponseFormat(exchange: Exchange, version: OcpiVersion): string | undefined {
  const response = exchange.response;
  if (response === undefined) return 'no response';
  if (response.body === undefined) {
    const type = response.headers['content-type'] ?? 'no content-type';
    const raw = response.rawBody;
    return `${type}, ${raw === undefined || raw === '' ? 'an empty body' : `a body starting ${JSON.stringify(raw.slice(0, 40))}`}`;
  }
  const problem = schemaRegistry().validate(version, 'Envelope', response.body).find((finding) => finding.status === 'fail');
  return problem?.message;
}

/**
 * Judges the body of an HTTP error answer (401, 404, 405, 400 ...): it should be the OCPI response format, which says
 * more than the status. A warning, never a failure: the spec words it without MUST or SHALL (T141).
 */
export function checkErrorFormat(exchange: Exchange, version: OcpiVersion): Finding {
  const status = exchange.response?.status ?? 'no response';
  const at = { exchangeId: exchange.id };
  const why = notResponseFormat(exchange, version);
  if (why === undefined) return pass(ERROR_FORMAT_CHECK, `the HTTP ${status} answer is in the OCPI response format`, at);
  return warn(ERROR_FORMAT_CHECK, `the HTTP ${status} answer to ${exchange.request.method} ${exchange.request.url} is not in the OCPI response format (${why}): an error on the HTTP layer should come with the response format (status_code, timestamp) to say more`, {
    ...at,
    expected: 'an OCPI response envelope in JSON',
    actual: exchange.response?.body ?? exchange.response?.rawBody ?? '',
  });
}

/** What an error answer must be: its HTTP status, and, for an unknown object, the status_codes that name it. */
export interface ErrorAnswerExpectation extends StatusExpectation {
  readonly version: OcpiVersion;
  /** The status_codes an envelope that comes with the error may carry, the check that says so, and in words why. */
  readonly statusCode?: { readonly check: string; readonly expected: readonly number[]; readonly because: string };
}

/**
 * The checks of an answer that must be an HTTP error: the status (under the case's own check id), and once that is
 * right, the body's response format (a warning) and, when asked and an envelope came, its status_code. One place for
 * every case that expects a refusal, so the rule reads the same everywhere.
 */
export function expectErrorAnswer(expectation: ErrorAnswerExpectation): Finding[] {
  const status = expectStatus(expectation);
  if (status.status !== 'pass') return [status];
  const format = checkErrorFormat(expectation.exchange, expectation.version);
  if (format.status !== 'pass' || expectation.statusCode === undefined) return [status, format];
  return [status, format, checkStatusCode(expectation.exchange, expectation.statusCode)];
}

/**
 * One format warning per case: when a case probes many modules and each answers its error the same bare way, the
 * first warning stands for all, saying how many more answered so, each kept in its repeats (the passes stay as they are).
 */
export function foldFormatWarnings(findings: readonly Finding[]): Finding[] {
  const warnings = findings.filter((f) => f.check === ERROR_FORMAT_CHECK && f.status === 'warn');
  const [first, ...more] = warnings;
  if (first === undefined || more.length === 0) return [...findings];
  const folded = withRepeats(first, more.map(repeatOf));
  return findings.filter((f) => !more.includes(f)).map((f) => (f === first ? folded : f));
}
