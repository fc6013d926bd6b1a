import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { authorizationHeader, readAuthorization } from '../../src/transport/authorization.js';

describe('the Authorization header', () => {
  it('carries the Base64 of the token for OCPI 2.2 and later, without a trailing newline', () => {
    assert.equal(authorizationHeader(new Secret('example-token'), 'base64'), 'Token ZXhhbXBsZS10b2tlbg==');
  });

  it('carries the raw token when asked to', () => {
    assert.equal(authorizationHeader(new Secret('example-token'), 'raw'), 'Token example-token');
  });

  const cases: Array<[string, string | undefined, { token?: string; encoding?: string; problem?: RegExp }]> = [
    ['reads a Base64-encoded token', 'Token ZXhhbXBsZS10b2tlbg==', { token: 'example-token', encoding: 'base64' }],
    ['reads a raw token as raw', 'Token example-token', { token: 'example-token', encoding: 'raw' }],
    ['takes a value that is not canonical Base64 of printable text as raw', 'Token abc', { token: 'abc', encoding: 'raw' }],
    ['reports a missing header', undefined, { problem: /no Authorization header/ }],
    ['reports a header of another scheme', 'Bearer abc', { problem: /not of the form "Token/ }],
    ['reports two spaces after Token', 'Token  abc', { problem: /not of the form/ }],
  ];
  for (const [title, header, expected] of cases) {
    it(title, () => {
      const read = readAuthorization(header);
      if (expected.problem) assert.match(read.problem ?? '', expected.problem);
      else assert.deepEqual(read, { token: expected.token, encoding: expected.encoding });
    });
  }
});
