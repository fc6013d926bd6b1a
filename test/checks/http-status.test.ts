import assert from 'node:assert/strict';
import { expectStatus } from '../../src/checks/http-status.js';
import { exchange } from '../helpers/exchange.js';

const LOCATIONS = 'http://127.0.0.1:1/ocpi/cpo/2.2.1/locations';

describe('expectStatus on a redirect', () => {
  it('names where a redirect on the same origin points, after the usual message', () => {
    const finding = expectStatus({ exchange: exchange({ status: 301, headers: { location: `${LOCATIONS}/` } }, { url: LOCATIONS }), expected: 200, because: 'the list is served' });
    assert.equal(finding.status, 'fail');
    assert.equal(finding.message, `expected HTTP 200, got 301 from GET ${LOCATIONS}: the list is served; the response redirects to ${LOCATIONS}/`);
  });

  it('says that a redirect to another origin is not followed with the token', () => {
    const finding = expectStatus({ exchange: exchange({ status: 307, headers: { location: 'https://elsewhere.example/locations/' } }, { url: LOCATIONS }), expected: 200 });
    assert.equal(finding.message, `expected HTTP 200, got 307 from GET ${LOCATIONS}; the response redirects to https://elsewhere.example/locations/, on another origin: the tester does not follow a redirect to another origin with the credentials token`);
  });

  it('compares the origin of a relative Location as resolved against the request', () => {
    const finding = expectStatus({ exchange: exchange({ status: 308, headers: { location: '/ocpi/cpo/2.2.1/locations/' } }, { url: LOCATIONS }), expected: 200 });
    assert.doesNotMatch(finding.message, /another origin/);
    assert.match(finding.message, /redirects to \/ocpi\/cpo\/2\.2\.1\/locations\/$/);
  });

  it('says when a redirect has no Location header', () => {
    const finding = expectStatus({ exchange: exchange({ status: 302 }, { url: LOCATIONS }), expected: 200 });
    assert.match(finding.message, /got 302 from GET .*; the redirect has no Location header$/);
  });

  it('leaves the message of a status that is not a redirect unchanged', () => {
    const finding = expectStatus({ exchange: exchange({ status: 304, headers: { location: 'http://x/' } }, { url: LOCATIONS }), expected: 200 });
    assert.equal(finding.message, `expected HTTP 200, got 304 from GET ${LOCATIONS}`);
  });
});
