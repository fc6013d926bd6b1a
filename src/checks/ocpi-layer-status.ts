import type { Exchange } from '../model/exchange.js';
import { asWarning, fail, pass } from './finding.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { Finding } from '../model/finding.js';

/** The check that a request which reached the OCPI layer got no HTTP error status (spec note T143). */
export const OCPI_LAYER_STATUS_CHECK = 'http.ocpi-layer-status';

/**
 * Asserts that the answer to a request that reached the OCPI layer (valid JSON, an existing resource, an authorized
 * sender) carries no HTTP error status: its error, if any, is the status_code's to say (status codes chapter, MUST NOT).
 * Only for such requests: a GET of an object that does not exist, or a body that is not JSON, may get an HTTP error.
 */
export function checkOcpiLayerStatus(exchange: Exchange, version: OcpiVersion = '2.2.1'): Finding {
  // OCPI 2.1.1 words the rule as "should" (spec-notes X7): there it warns.
  if (version === '2.1.1') return asWarning(judgeLayerStatus(exchange, 'should'));
  return judgeLayerStatus(exchange, 'must');
}

function judgeLayerStatus(exchange: Exchange, must: 'must' | 'should'): Finding {
  const status = exchange.response?.status;
  const where = `${exchange.request.method} ${exchange.request.url}`;
  const at = { exchangeId: exchange.id };
  if (status === undefined) return fail(OCPI_LAYER_STATUS_CHECK, `${where} got no response`, { ...at, expected: 'HTTP 200', actual: null });
  if (status < 400) return pass(OCPI_LAYER_STATUS_CHECK, `${where} answered HTTP ${status}`, at);
  const statusCode = (exchange.response?.body as { status_code?: unknown } | undefined)?.status_code;
  const code = typeof statusCode === 'number' ? ` with status_code ${statusCode}` : '';
  return fail(OCPI_LAYER_STATUS_CHECK, `${where} answered HTTP ${status}${code}: a request that reached the OCPI layer (valid JSON, an existing resource, an authorized sender) ${must} not get an HTTP error status; the status_code says what went wrong`, {
    ...at,
    expected: 'HTTP 200 (or 201)',
    actual: status,
  });
}
