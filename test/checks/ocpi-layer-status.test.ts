import assert from 'node:assert/strict';
import { checkOcpiLayerStatus } from '../../src/checks/ocpi-layer-status.js';
import { exchange } from '../helpers/exchange.js';

const URL_ = 'http://127.0.0.1:1/ocpi/cpo/2.2.1/tokens/ZZ/OCT/T1';

describe('checkOcpiLayerStatus', () => {
  it('passes an OCPI error carried by HTTP 200, and a success with 201.', () => {
    assert.equal(checkOcpiLayerStatus(exchange({ status: 200, body: { status_code: 2001, timestamp: 'x' } }, { method: 'PATCH', url: URL_ })).status, 'pass');
    assert.equal(checkOcpiLayerStatus(exchange({ status: 201, body: { status_code: 1000, timestamp: 'x' } })).status, 'pass');
  });

  it('fails an HTTP error status, naming it and the status_code that came with it.', () => {
    const finding = checkOcpiLayerStatus(exchange({ status: 400, body: { status_code: 2001, timestamp: 'x' } }, { method: 'PATCH', url: URL_ }));
    assert.equal(finding.status, 'fail');
    assert.equal(finding.check, 'http.ocpi-layer-status');
    assert.equal(finding.message, `PATCH ${URL_} answered HTTP 400 with status_code 2001: a request that reached the OCPI layer (valid JSON, an existing resource, an authorized sender) must not get an HTTP error status; the status_code says what went wrong`);
  });

  it('fails a server error without an envelope too, without a status_code to name.', () => {
    const finding = checkOcpiLayerStatus(exchange({ status: 500, rawBody: 'oops' }, { method: 'POST', url: URL_ }));
    assert.equal(finding.status, 'fail');
    assert.match(finding.message, /^POST \S+ answered HTTP 500: a request that reached/);
  });
});
