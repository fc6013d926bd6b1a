import assert from 'node:assert/strict';
import { carriesGivenToken, checkBase64Authorization, checkCallbacks, checkTokenIsNew } from '../../src/checks/credentials.js';
import { checkJsonBody, checkStatusCode } from '../../src/checks/envelope.js';
import type { Finding } from '../../src/model/finding.js';
import { expectStatus } from '../../src/checks/http-status.js';
import { acceptedByTarget, checkOcpiResponse } from '../../src/checks/ocpi-response.js';
import { checkCorrelationIdEchoed, checkRequestIdEchoed } from '../../src/checks/request-ids.js';
import { checkCredentialsEndpoint, checkDetailsVersion, checkMutualVersion } from '../../src/checks/versions.js';
import { Secret } from '../../src/config/secret.js';
import { exchange } from '../helpers/exchange.js';

const ok = (data: unknown, statusCode = 1000): unknown => ({ data, status_code: statusCode, timestamp: '2026-01-01T00:00:00Z' });

/** One row: a check applied to evidence, and the status and message it must give. */
type Row = [title: string, run: () => Finding, status: 'pass' | 'fail', message?: RegExp];

const rows: Row[] = [
  ['expectStatus passes the expected status', () => expectStatus({ exchange: exchange({ status: 401 }), expected: 401 }), 'pass'],
  ['expectStatus fails another status, under its own check id and with the reason', () => expectStatus({ exchange: exchange({ status: 200 }), expected: 401, check: 'auth.x', because: 'tokens matter' }), 'fail', /expected HTTP 401, got 200 from GET .*: tokens matter/],
  ['expectStatus fails a request without response', () => expectStatus({ exchange: exchange(undefined), expected: 200 }), 'fail', /got no response/],
  ['checkJsonBody passes a JSON body', () => checkJsonBody(exchange({ body: {} })), 'pass'],
  ['checkJsonBody fails HTML, quoting its start and content type', () => checkJsonBody(exchange({ headers: { 'content-type': 'text/html' }, rawBody: '<html>' })), 'fail', /not JSON \(text\/html, a body starting "<html>"\)/],
  ['checkStatusCode passes 1000', () => checkStatusCode(exchange({ body: ok([]) })), 'pass'],
  ['checkStatusCode fails 2000, quoting the status message', () => checkStatusCode(exchange({ body: { status_code: 2001, status_message: 'bad', timestamp: 't' } })), 'fail', /expected status_code 1000, got 2001 \("bad"\)/],
  ['checkStatusCode reads a code written as a string as that code (its form is the envelope schema\'s finding)', () => checkStatusCode(exchange({ body: { status_code: '2001', timestamp: 't' } }), { expected: 2001 }), 'pass'],
  ['checkStatusCode says there is no JSON body instead of comparing with null', () => checkStatusCode(exchange({ rawBody: '<html>' }), { expected: 2001 }), 'fail', /^expected status_code 2001, but the response has no JSON body$/],
  ['checkStatusCode passes a code from an allowed list', () => checkStatusCode(exchange({ body: ok(undefined, 3001) }), { expected: [3001, 3000] }), 'pass'],
  ['checkRequestIdEchoed passes an echoed id', () => checkRequestIdEchoed(exchange({ headers: { 'x-request-id': 'r' } }, { headers: { 'x-request-id': 'r' } })), 'pass'],
  ['checkRequestIdEchoed fails a missing id', () => checkRequestIdEchoed(exchange({}, { headers: { 'x-request-id': 'r' } })), 'fail', /the response has no X-Request-ID/],
  ['checkCorrelationIdEchoed fails a different id', () => checkCorrelationIdEchoed(exchange({ headers: { 'x-correlation-id': 'other' } }, { headers: { 'x-correlation-id': 'c' } })), 'fail', /X-Correlation-ID differs/],
  ['checkMutualVersion passes a list offering the version', () => checkMutualVersion(exchange({ body: ok([{ version: '2.2.1', url: 'http://x/2.2.1' }]) }), '2.2.1'), 'pass'],
  ['checkMutualVersion fails a list without it, saying what is offered', () => checkMutualVersion(exchange({ body: ok([{ version: '2.1.1', url: 'http://x' }]) }), '2.2.1'), 'fail', /does not offer OCPI 2.2.1 .*offered: 2.1.1/],
  ['checkDetailsVersion fails another version', () => checkDetailsVersion(exchange({ body: ok({ version: '2.2', endpoints: [] }) }), '2.2.1'), 'fail', /say version "2.2"/],
  ['checkCredentialsEndpoint fails details without credentials', () => checkCredentialsEndpoint(exchange({ body: ok({ version: '2.2.1', endpoints: [{ identifier: 'locations' }] }) })), 'fail', /declared: locations/],
  ['checkTokenIsNew fails a token equal to an earlier one, naming it', () => checkTokenIsNew({ check: 'c', issued: new Secret('same'), issuedName: 'Token C', earlier: [['Token A', new Secret('same')]] }), 'fail', /Token C is the same as Token A/],
  ['checkTokenIsNew passes a new token', () => checkTokenIsNew({ check: 'c', issued: new Secret('new'), issuedName: 'Token C', earlier: [['Token A', new Secret('old')]] }), 'pass'],
  ['checkCallbacks fails when a URL was fetched with the wrong token', () => checkCallbacks({ observed: [{ exchange: exchange({ status: 401 }, { url: 'http://t/v' }), caller: 'unknown' }], urls: ['http://t/v'], caller: 'token-b', check: 'c', rule: 'rule' }), 'fail', /rule; missing: GET \/v; it made: GET \/v \(unknown, HTTP 401\)/],
  ['checkCallbacks passes when every URL was fetched with the token', () => checkCallbacks({ observed: [{ exchange: exchange({}, { url: 'http://t/v' }), caller: 'token-b' }], urls: ['http://t/v'], caller: 'token-b', check: 'c', rule: 'rule' }), 'pass'],
  ['checkBase64Authorization fails a raw token', () => checkBase64Authorization([{ exchange: exchange({}), caller: 'token-a', encoding: 'raw' }]), 'fail', /sent it raw: GET \/ocpi\/versions/],
  ['checkBase64Authorization passes a raw token in OCPI 2.1.1, which writes the token as issued', () => checkBase64Authorization([{ exchange: exchange({}), caller: 'token-b', encoding: 'raw' }], '2.1.1'), 'pass', /as OCPI 2\.1\.1 writes it/],
  ['checkBase64Authorization fails a Base64-encoded token in OCPI 2.1.1', () => checkBase64Authorization([{ exchange: exchange({}), caller: 'token-b', encoding: 'base64' }], '2.1.1'), 'fail', /in OCPI 2\.1\.1 the Authorization header carries the token as issued, not Base64-encoded; 1 request\(s\) encoded it: GET \/ocpi\/versions/],
  ['checkBase64Authorization fails an asynchronous result sent with a raw token, naming its path', () => checkBase64Authorization([{ exchange: exchange({}, { method: 'POST', url: 'http://127.0.0.1:1/ocpi/2.2.1/results/CommandResult/r1' }), caller: 'token-b', encoding: 'raw' }]), 'fail', /1 request\(s\) sent it raw: POST \/ocpi\/2\.2\.1\/results\/CommandResult\/r1$/],
  ['checkBase64Authorization passes one request with a Base64 token, pointing at it', () => checkBase64Authorization([{ exchange: exchange({}), caller: 'token-b', encoding: 'base64' }]), 'pass', /^1 request carried a Base64-encoded token$/],
];

describe('carriesGivenToken', () => {
  for (const [caller, given] of [['token-b', true], ['token-c', true], ['token-a', false], ['unknown', false], ['missing', false]] as const) {
    it(`says a request with ${caller} ${given ? 'carries' : 'does not carry'} a credentials token the tester gave the target.`, () => {
      assert.equal(carriesGivenToken({ exchange: exchange({}), caller }), given);
    });
  }
});

describe('the checks', () => {
  for (const [title, run, status, message] of rows) {
    it(title, () => {
      const finding = run();
      assert.equal(finding.status, status, finding.message);
      if (message) assert.match(finding.message, message);
    });
  }

  it('checkOcpiResponse stops after a body that is not JSON, since its envelope cannot be judged', () => {
    const findings = checkOcpiResponse(exchange({ rawBody: 'x' }), '2.2.1', { data: 'VersionList' });
    assert.deepEqual(findings.map((f) => [f.check, f.status]), [['http.status', 'pass'], ['envelope.json-body', 'fail']]);
  });

  it('checkOcpiResponse reports an HTTP error once, without repeating it as a status_code or missing data', () => {
    const findings = checkOcpiResponse(exchange({ status: 401, body: { status_code: 2000, timestamp: '2026-01-01T00:00:00Z' } }), '2.2.1', { data: 'Location' });
    assert.deepEqual(findings.map((f) => [f.check, f.status]), [['http.status', 'fail']]);
  });

  it('checkOcpiResponse validates the envelope and the data at /data', () => {
    const findings = checkOcpiResponse(exchange({ body: { data: [], status_code: 1000 } }), '2.2.1', { data: 'VersionList' });
    const failures = findings.filter((f) => f.status === 'fail').map((f) => [f.check, f.at]);
    assert.deepEqual(failures, [['schema.envelope', '/timestamp'], ['schema.response', '/data']]);
  });
});

describe('acceptedByTarget', () => {
  it('calls a request accepted when the target answered 2xx with a success status_code, whatever the envelope\'s form, or 2xx without an envelope.', () => {
    assert.equal(acceptedByTarget(exchange({ status: 201, body: { status_code: 1000, timestamp: '2026-01-01T00:00:00+00:00' } })), true);
    assert.equal(acceptedByTarget(exchange({ body: { status_code: '1000', timestamp: 't' } })), true);
    assert.equal(acceptedByTarget(exchange({ status: 204 })), true);
    assert.equal(acceptedByTarget(exchange({ rawBody: '\uFEFF{"status_code":1000}' })), true);
  });

  it('calls a refusal in the envelope, an HTTP error or no answer not accepted.', () => {
    assert.equal(acceptedByTarget(exchange({ body: { status_code: 2001, timestamp: 't' } })), false);
    assert.equal(acceptedByTarget(exchange({ status: 400, body: { status_code: 2001, timestamp: 't' } })), false);
    assert.equal(acceptedByTarget(exchange({ body: { data: [] } })), false);
    assert.equal(acceptedByTarget(exchange(undefined)), false);
  });
});
