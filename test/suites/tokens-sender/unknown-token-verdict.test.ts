import assert from 'node:assert/strict';
import type { OcpiResponse } from '../../../src/transport/ocpi-client.js';
import { unknownTokenVerdict } from '../../../suites/tokens-sender/unknown-token-verdict.js';
import { exchange } from '../../helpers/exchange.js';

function answer(status: number, body: unknown): OcpiResponse {
  return { exchange: exchange({ status, body }), status, headers: {}, json: true, body, redirects: [], requestId: 'r1', correlationId: 'c1' };
}

describe('the verdict on an unknown token\'s real-time authorization', () => {
  it('passes HTTP 404 with status_code 2004 and no data.', () => {
    assert.equal(unknownTokenVerdict('c', answer(404, { status_code: 2004, timestamp: 'x' })).status, 'pass');
  });

  it('warns when the status_code says the token is unknown but the HTTP status does not.', () => {
    const onlyCode = unknownTokenVerdict('c', answer(200, { status_code: 2004, timestamp: 'x' }));
    assert.equal(onlyCode.status, 'warn');
    assert.match(onlyCode.message, /HTTP 200 instead of 404/);
  });

  it('fails a 404 whose envelope does not say 2004, which cannot be told from a path that is not served.', () => {
    const finding = unknownTokenVerdict('c', answer(404, { status_code: 2000, timestamp: 'x' }));
    assert.equal(finding.status, 'fail');
    assert.match(finding.message, /status_code 2000 instead of 2004: .*; a 404 without status_code 2004 cannot be told from a path the eMSP does not serve$/);
  });

  it('fails a bare 404 from a router, in plain text or empty, naming what came instead of the response format.', () => {
    const text: OcpiResponse = { exchange: exchange({ status: 404, headers: { 'content-type': 'text/plain' }, rawBody: 'Cannot POST /tokens/X/authorize' }), status: 404, headers: {}, json: false, body: undefined, redirects: [], requestId: 'r1', correlationId: 'c1' };
    const plain = unknownTokenVerdict('c', text);
    assert.equal(plain.status, 'fail');
    assert.match(plain.message, /^the unknown token is answered with a body that is not the OCPI response format \(text\/plain, starting "Cannot POST \/tokens\/X\/authorize"\): /);
    const empty: OcpiResponse = { ...text, exchange: exchange({ status: 404 }) };
    assert.match(unknownTokenVerdict('c', empty).message, /\(no content-type, an empty body\)/);
    assert.equal(unknownTokenVerdict('c', empty).status, 'fail');
  });

  it('warns when a 404 with 2004 still carries data.', () => {
    const finding = unknownTokenVerdict('c', answer(404, { status_code: 2004, data: { allowed: 'NOT_ALLOWED' }, timestamp: 'x' }));
    assert.equal(finding.status, 'warn');
    assert.match(finding.message, /a data field/);
  });

  it('fails an answer that says neither, such as an AuthorizationInfo with NOT_ALLOWED.', () => {
    const finding = unknownTokenVerdict('c', answer(200, { status_code: 1000, data: { allowed: 'NOT_ALLOWED' }, timestamp: 'x' }));
    assert.equal(finding.status, 'fail');
    assert.deepEqual(finding.expected, { status: 404, status_code: 2004, data: 'absent' });
  });
});
