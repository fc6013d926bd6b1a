import assert from 'node:assert/strict';
import type { OcpiResponse } from '../../../../src/transport/ocpi-client.js';
import { unknownTokenVerdict } from '../../../../suites/2.2.1/tokens-sender/unknown-token-verdict.js';
import { exchange } from '../../../helpers/exchange.js';

function answer(status: number, body: unknown): OcpiResponse {
  return { exchange: exchange({ status, body }), status, headers: {}, json: true, body, redirects: [], requestId: 'r1', correlationId: 'c1' };
}

describe('the verdict on an unknown token\'s real-time authorization', () => {
  it('passes HTTP 404 with status_code 2004 and no data.', () => {
    assert.equal(unknownTokenVerdict('c', answer(404, { status_code: 2004, timestamp: 'x' })).status, 'pass');
  });

  it('warns when only the HTTP status or only the status_code says the token is unknown.', () => {
    const onlyHttp = unknownTokenVerdict('c', answer(404, { status_code: 2000, timestamp: 'x' }));
    assert.equal(onlyHttp.status, 'warn');
    assert.match(onlyHttp.message, /status_code 2000 instead of 2004/);
    const onlyCode = unknownTokenVerdict('c', answer(200, { status_code: 2004, timestamp: 'x' }));
    assert.equal(onlyCode.status, 'warn');
    assert.match(onlyCode.message, /HTTP 200 instead of 404/);
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
