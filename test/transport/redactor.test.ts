import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { Secret } from '../../src/config/secret.js';
import { Redactor } from '../../src/transport/redactor.js';

describe('the redactor', () => {
  const token = new Secret('tok-1234567890');
  const redactor = new Redactor();
  redactor.add(token);

  it('removes a known token and its Base64 form from text', () => {
    const text = `url?x=tok-1234567890 and ${Buffer.from('tok-1234567890').toString('base64')}`;
    assert.equal(redactor.text(text), 'url?x=[redacted] and [redacted]');
  });

  it('removes the value of every Authorization header, known token or not', () => {
    assert.deepEqual(redactor.headers({ Authorization: 'Token c29tZXRoaW5nLWVsc2U=', 'X-Request-ID': 'r1' }), { authorization: 'Token [redacted]', 'x-request-id': 'r1' });
  });

  it('removes every "token" field of a JSON body, even one it has never seen', () => {
    assert.deepEqual(redactor.json({ token: 'never-seen-before', roles: [{ token: 'x', name: 'n' }] }), { token: '[redacted]', roles: [{ token: '[redacted]', name: 'n' }] });
  });

  it('keeps a Secret out of strings, JSON and inspection', () => {
    assert.equal(String(token), '[redacted]');
    assert.equal(JSON.stringify({ token }), '{"token":"[redacted]"}');
    assert.doesNotMatch(inspect(token), /tok-1234567890/);
  });
});
