import { fail, pass, warn } from '../../src/checks/finding.js';
import type { Finding } from '../../src/model/finding.js';
import type { OcpiResponse } from '../../src/runner/case-context.js';

/** What the body of an answer shows of the OCPI response format: its status_code, or why there is none to read. */
function statusCodeOf(response: OcpiResponse): { readonly statusCode?: unknown; readonly notOcpi?: string } {
  const body = response.body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return { statusCode: (body as { status_code?: unknown }).status_code };
  const raw = response.exchange.response?.rawBody;
  const type = response.exchange.response?.headers['content-type'] ?? 'no content-type';
  return { notOcpi: `a body that is not the OCPI response format (${type}, ${raw === undefined || raw === '' ? 'an empty body' : `starting ${JSON.stringify(raw.slice(0, 40))}`})` };
}

/**
 * Judges the answer to an unknown token's authorization: the spec asks for HTTP 404 and status_code 2004 without
 * data (two SHALLs). Only the status_code tells "this eMSP does not know the token" from "nothing is served at this
 * path", so an answer without 2004 fails, a bare 404 included (T142). With 2004, a wrong HTTP status or a data field
 * warns: the eMSP did say the token is unknown (T30).
 */
export function unknownTokenVerdict(check: string, response: OcpiResponse): Finding {
  const status = response.exchange.response?.status;
  const { statusCode, notOcpi } = statusCodeOf(response);
  const data = (response.body as { data?: unknown } | undefined)?.data;
  const hasData = notOcpi === undefined && data !== undefined && data !== null;
  const wrong = [
    ...(status === 404 ? [] : [`HTTP ${status ?? 'no response'} instead of 404`]),
    // "2004" written as a string is 2004: its form is the envelope schema's finding (T61).
    ...(notOcpi !== undefined ? [notOcpi] : Number(statusCode) === 2004 ? [] : [`status_code ${JSON.stringify(statusCode ?? null)} instead of 2004`]),
    ...(hasData ? ['a data field, where there should be none'] : []),
  ];
  const at = { exchangeId: response.exchange.id };
  if (wrong.length === 0) return pass(check, 'the unknown token is answered with HTTP 404 and status_code 2004, without data', at);
  const expected = { status: 404, status_code: 2004, data: 'absent' };
  const actual = { status: status ?? null, status_code: statusCode ?? null, data: hasData ? 'present' : 'absent' };
  const untold = status === 404 && statusCode !== 2004 ? '; a 404 without status_code 2004 cannot be told from a path the eMSP does not serve' : '';
  const message = `the unknown token is answered with ${wrong.join(', ')}: an eMSP answers a token it never issued with HTTP 404 and status_code 2004, without data${untold}`;
  return statusCode === 2004 ? warn(check, message, { ...at, expected, actual }) : fail(check, message, { ...at, expected, actual });
}

/**
 * The OCPI 2.1.1 verdict on an unknown token's authorization: 2.1.1 has no status_code for it (no 2004) and its Tokens
 * chapter no rule, so only the general HTTP 404 for a missing resource is judged.
 */
export function unknownTokenStatus(check: string, response: OcpiResponse): Finding {
  const status = response.exchange.response?.status;
  const at = { exchangeId: response.exchange.id };
  if (status === 404) return pass(check, 'the unknown token is answered with HTTP 404', at);
  return fail(check, `the unknown token is answered with HTTP ${status ?? 'no response'} instead of 404: a request about something that does not exist should get HTTP 404`, { ...at, expected: { status: 404 }, actual: { status: status ?? null } });
}
