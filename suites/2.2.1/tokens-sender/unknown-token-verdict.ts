import { fail, pass, warn, type Finding } from '../../../src/checks/finding.js';
import type { OcpiResponse } from '../../../src/transport/ocpi-client.js';

/**
 * Judges the answer to an unknown token's authorization: the spec asks for HTTP 404 and status_code 2004 without
 * data. All of it passes; a part of it warns (the eMSP does say "unknown", one way); none of it fails.
 */
export function unknownTokenVerdict(check: string, response: OcpiResponse): Finding {
  const status = response.exchange.response?.status;
  const body = response.body as { status_code?: unknown; data?: unknown } | undefined;
  const statusCode = body?.status_code;
  const wrong = [
    ...(status === 404 ? [] : [`HTTP ${status ?? 'no response'} instead of 404`]),
    ...(statusCode === 2004 ? [] : [`status_code ${JSON.stringify(statusCode ?? null)} instead of 2004`]),
    ...(body?.data === undefined || body.data === null ? [] : ['a data field, where there should be none']),
  ];
  const at = { exchangeId: response.exchange.id };
  if (wrong.length === 0) return pass(check, 'the unknown token is answered with HTTP 404 and status_code 2004, without data', at);
  const expected = { status: 404, status_code: 2004, data: 'absent' };
  const actual = { status: status ?? null, status_code: statusCode ?? null, data: body?.data === undefined ? 'absent' : 'present' };
  const message = `the unknown token is answered with ${wrong.join(', ')}: an eMSP answers a token it never issued with HTTP 404 and status_code 2004, without data`;
  return status === 404 || statusCode === 2004 ? warn(check, message, { ...at, expected, actual }) : fail(check, message, { ...at, expected, actual });
}
