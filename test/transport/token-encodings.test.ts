import assert from 'node:assert/strict';
import { tokenEncodings } from '../../src/transport/token-encodings.js';

describe('the encodings of a token', () => {
  it('hold the token, its Base64 forms, its percent-encoded forms and their combinations, each once.', () => {
    const forms = tokenEncodings('a/b=c');
    for (const form of ['a/b=c', 'YS9iPWM=', 'YS9iPWM', 'a%2Fb%3Dc', 'a%2fb%3dc', Buffer.from('a%2Fb%3Dc').toString('base64'), 'YS9iPWM%3D']) {
      assert.ok(forms.includes(form), `${form} missing from ${forms.join(' ')}`);
    }
    assert.equal(new Set(forms).size, forms.length);
  });

  it('are the token, its Base64 forms and those percent-encoded, for a token that percent-encoding leaves alone.', () => {
    assert.deepEqual(tokenEncodings('abc-123_XYZ').sort(), ['abc-123_XYZ', 'YWJjLTEyM19YWVo', 'YWJjLTEyM19YWVo=', 'YWJjLTEyM19YWVo%3D', 'YWJjLTEyM19YWVo%3d'].sort());
  });

  it('are none for the empty token.', () => {
    assert.deepEqual(tokenEncodings(''), []);
  });
});
