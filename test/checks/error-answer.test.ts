import assert from 'node:assert/strict';
import { checkErrorFormat, expectErrorAnswer, foldFormatWarnings, notResponseFormat } from '../../src/checks/error-answer.js';
import { exchange } from '../helpers/exchange.js';

const URL_ = 'http://127.0.0.1:1/ocpi/cpo/2.2.1/locations/NOPE';
const ENVELOPE = { status_code: 2003, status_message: 'unknown Location', timestamp: '2026-01-01T00:00:00Z' };

describe('the OCPI response format of an error answer', () => {
  it('accepts an envelope with status_code and timestamp, with or without data and status_message.', () => {
    assert.equal(notResponseFormat(exchange({ status: 404, body: ENVELOPE }), '2.2.1'), undefined);
    assert.equal(notResponseFormat(exchange({ status: 401, body: { status_code: 2000, timestamp: '2026-01-01T00:00:00Z', data: { field: 'x' } } }), '2.2.1'), undefined);
  });

  it('says what came instead: an empty body, plain text, or JSON without the envelope fields.', () => {
    assert.equal(notResponseFormat(exchange({ status: 401 }), '2.2.1'), 'no content-type, an empty body');
    assert.equal(notResponseFormat(exchange({ status: 404, headers: { 'content-type': 'text/plain' }, rawBody: 'Not Found' }), '2.2.1'), 'text/plain, a body starting "Not Found"');
    assert.equal(notResponseFormat(exchange({ status: 404, body: { detail: 'Not found.' } }), '2.2.1'), '/status_code: required field "status_code" is missing');
  });

  it('warns, never fails, on an error answer without the response format, naming the exchange.', () => {
    const finding = checkErrorFormat(exchange({ status: 401 }, { url: URL_ }), '2.2.1');
    assert.equal(finding.status, 'warn');
    assert.equal(finding.check, 'envelope.error-format');
    assert.equal(finding.message, `the HTTP 401 answer to GET ${URL_} is not in the OCPI response format (no content-type, an empty body): an error on the HTTP layer should come with the response format (status_code, timestamp) to say more`);
  });
});

describe('expectErrorAnswer', () => {
  const unknownLocation = { check: 'envelope.unknown-object-status-code', expected: [2003, 2000], because: 'an unknown Location is 2003' };

  it('passes the status, the format and the status_code of a right answer.', () => {
    const findings = expectErrorAnswer({ version: '2.2.1', exchange: exchange({ status: 404, body: ENVELOPE }, { url: URL_ }), expected: 404, check: 'http.unknown-object-404', statusCode: unknownLocation });
    assert.deepEqual(findings.map((f) => [f.check, f.status]), [['http.unknown-object-404', 'pass'], ['envelope.error-format', 'pass'], ['envelope.unknown-object-status-code', 'pass']]);
  });

  it('reports only the status when it is wrong: the body of a wrong answer is not judged as an error answer.', () => {
    const findings = expectErrorAnswer({ version: '2.2.1', exchange: exchange({ status: 200, body: { data: {} } }, { url: URL_ }), expected: 404, check: 'http.unknown-object-404', statusCode: unknownLocation });
    assert.deepEqual(findings.map((f) => [f.check, f.status]), [['http.unknown-object-404', 'fail']]);
  });

  it('judges the status_code only when an envelope came, so a bare 404 gives one warning, not two.', () => {
    const bare = expectErrorAnswer({ version: '2.2.1', exchange: exchange({ status: 404, rawBody: 'Not Found' }), expected: 404, check: 'http.unknown-object-404', statusCode: unknownLocation });
    assert.deepEqual(bare.map((f) => [f.check, f.status]), [['http.unknown-object-404', 'pass'], ['envelope.error-format', 'warn']]);
    const tokenCode = expectErrorAnswer({ version: '2.2.1', exchange: exchange({ status: 404, body: { ...ENVELOPE, status_code: 2004 } }), expected: 404, check: 'http.unknown-object-404', statusCode: unknownLocation });
    assert.equal(tokenCode[2]?.status, 'fail');
    assert.equal(tokenCode[2]?.message, 'expected status_code 2003 or 2000, got 2004 ("unknown Location"): an unknown Location is 2003');
  });
});

describe('foldFormatWarnings', () => {
  it('keeps the first format warning of a case, says how many more there were, and leaves other findings alone.', () => {
    const bare = (url: string) => expectErrorAnswer({ version: '2.2.1', exchange: exchange({ status: 401 }, { url }), expected: 401, check: 'auth.unknown-token-refused' });
    const findings = [...bare('http://h/a'), ...bare('http://h/b'), ...bare('http://h/c')];
    const folded = foldFormatWarnings(findings);
    assert.deepEqual(folded.map((f) => [f.check, f.status]), [['auth.unknown-token-refused', 'pass'], ['envelope.error-format', 'warn'], ['auth.unknown-token-refused', 'pass'], ['auth.unknown-token-refused', 'pass']]);
    assert.match(folded[1]?.message ?? '', /^the HTTP 401 answer to GET http:\/\/h\/a .* \(and 2 more like it\)$/);
    assert.equal(folded[1]?.repeats?.length, 2);
    assert.deepEqual(foldFormatWarnings(bare('http://h/a')), bare('http://h/a'));
  });
});
