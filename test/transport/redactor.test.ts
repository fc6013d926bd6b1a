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

  it('redacts a value nested 100,000 deep without overflowing the stack, keeping the order of fields', () => {
    let deep: unknown = { token: 'x', note: 'tok-1234567890' };
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    let copy = redactor.json(deep);
    for (let i = 0; i < 100_000; i += 1) copy = (copy as unknown[])[0];
    assert.deepEqual(copy, { token: '[redacted]', note: '[redacted]' });
    assert.deepEqual(Object.keys(redactor.json({ b: 1, token: 't', a: { z: 1, y: 2 } }) as object), ['b', 'token', 'a']);
  });

  it('keeps a "__proto__" field of a received body as a field, not a prototype', () => {
    const copy = redactor.json(JSON.parse('{"__proto__":{"polluted":true},"a":1}')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(copy), ['__proto__', 'a']);
    assert.equal((copy as { polluted?: boolean }).polluted, undefined);
  });

  it('keeps a Secret out of strings, JSON and inspection', () => {
    assert.equal(String(token), '[redacted]');
    assert.equal(JSON.stringify({ token }), '{"token":"[redacted]"}');
    assert.doesNotMatch(inspect(token), /tok-1234567890/);
  });

  describe('every encoding of a token', () => {
    const value = 'a+b/c=d&e%f~g';
    const secret = new Secret(value);
    const encodings = new Redactor();
    encodings.add(secret);
    const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
    const forms: ReadonlyArray<readonly [string, string]> = [
      ['as it is', value],
      ['percent-encoded in a query string', `https://x.example/cb?token=${encodeURIComponent(value)}&n=1`],
      ['percent-encoded with lower-case hex', encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
      ['form-encoded', new URLSearchParams({ token: value }).toString()],
      ['in Base64', base64(value)],
      ['in URL-safe Base64', Buffer.from(value).toString('base64url')],
      ['in Base64 of its percent-encoded form', base64(encodeURIComponent(value))],
      ['in its Base64 form percent-encoded', encodeURIComponent(base64(value))],
    ];
    for (const [how, text] of forms) {
      it(`is redacted ${how}.`, () => {
        const redacted = encodings.text(`echo: ${text} end`);
        assert.match(redacted, /\[redacted\]/, redacted);
        for (const [, form] of forms.slice(0, 1)) assert.ok(!redacted.includes(form), redacted);
      });
    }

    it('is redacted in a JSON body the target echoes, in any field.', () => {
      const echoed = encodings.json({ data: { callback: `https://x.example/?t=${encodeURIComponent(value)}`, note: base64(value) } });
      assert.doesNotMatch(JSON.stringify(echoed), new RegExp(encodeURIComponent(value).replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')));
      assert.deepEqual(echoed, { data: { callback: 'https://x.example/?t=[redacted]', note: '[redacted]' } });
    });

    it('is redacted however short the token, one character included.', () => {
      const short = new Redactor();
      short.add(new Secret('Q'));
      assert.equal(short.text('Q and its Base64 UQ=='), '[redacted] and its Base64 [redacted]');
    });

    it('ignores an empty token instead of matching everywhere.', () => {
      const empty = new Redactor();
      empty.add(new Secret(''));
      assert.equal(empty.text('unchanged'), 'unchanged');
    });
  });
});
