import { fail, pass, warn } from '../../src/checks/finding.js';
import type { Finding } from '../../src/model/finding.js';
import { checkErrorFormat, ERROR_FORMAT_CHECK } from '../../src/checks/error-answer.js';
import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import type { Exchange } from '../../src/model/exchange.js';
import { push, pushForCase, receiverUrl } from '../common/round-trip.js';
import { testTariff } from '../common/tester-objects.js';

const CHECK = 'tariffs.deleted';

/**
 * Judges the GET after a DELETE. HTTP 404 (or 410 Gone) says the Tariff is gone. An OCPI client error (2xxx) on HTTP
 * 200 says so too, but the spec advises 404 for a missing object, hence a warning. Success (1xxx) means the eMSP still
 * serves the Tariff, or claims to; anything else tells nothing.
 */
function judgeGone(exchange: Exchange): Finding {
  const at = { exchangeId: exchange.id };
  const status = exchange.response?.status;
  if (status === 404 || status === 410) return pass(CHECK, `the deleted Tariff is gone: its GET answered HTTP ${status}`, at);
  const statusCode = (exchange.response?.body as { status_code?: unknown } | undefined)?.status_code;
  if (status === 200 && typeof statusCode === 'number' && statusCode >= 2000 && statusCode < 3000) {
    return warn(CHECK, `the deleted Tariff is gone (status_code ${statusCode}), but a GET of an object that does not exist should be answered with HTTP 404, not 200`, at);
  }
  if (status === 200 && typeof statusCode === 'number' && statusCode >= 1000 && statusCode < 2000) {
    const data = (exchange.response?.body as { data?: unknown } | undefined)?.data;
    const served = data !== null && typeof data === 'object';
    return fail(CHECK, served ? 'the eMSP still serves the Tariff after answering its DELETE with success' : `the GET of the deleted Tariff answered success (status_code ${statusCode}) without a Tariff: a missing object is answered with HTTP 404`, { ...at, expected: 'HTTP 404', actual: `HTTP 200, status_code ${statusCode}` });
  }
  return fail(CHECK, `expected HTTP 404 for the deleted Tariff, got ${status ?? 'no response'}${typeof statusCode === 'number' ? ` with status_code ${statusCode}` : ''}`, { ...at, expected: 'HTTP 404', actual: status ?? null });
}

// Steps: (1) tester PUTs a new Tariff (set-up: TAR-PUSH-01 judges it); (2) DELETEs it; (3) GETs its URL.
// Validated: the DELETE succeeds (HTTP 200, status_code 1000); the GET finds no Tariff (HTTP 404; an OCPI client
// error on HTTP 200 passes with a warning; success with or without the Tariff fails).
export default defineCase({
  id: 'TAR-PUSH-02',
  title: 'A Tariff the CPO DELETEs is gone from the eMSP',
  module: 'tariffs',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'tariffs', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Tariffs module, Receiver interface, DELETE; Status codes, HTTP status codes',
    rule: 'A DELETE removes the Tariff from the eMSP; a GET of an object that no longer exists should be answered with HTTP 404.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_tariffs.md: eMSP Interface, DELETE Method; status_codes.md: HTTP status codes',
    rule: 'A Tariff the CPO deletes is removed, and a GET of its URL should then be answered with HTTP 404.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, CHECK, ERROR_FORMAT_CHECK],
  async run(t) {
    const tariff = testTariff(t.version);
    const url = receiverUrl(t, 'tariffs', String(tariff['id']));
    await pushForCase(t, { method: 'PUT', url, body: tariff }, 'TAR-PUSH-01');
    if (!(await push(t, { method: 'DELETE', url }, { status: [200] })).ok) return;
    const get = await moduleRequest(t, { method: 'GET', url });
    const gone = judgeGone(get.exchange);
    t.check(gone);
    if (gone.status === 'pass') t.check(checkErrorFormat(get.exchange, t.version));
  },
});
