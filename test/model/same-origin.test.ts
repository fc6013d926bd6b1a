import assert from 'node:assert/strict';
import { sameOrigin } from '../../src/model/same-origin.js';

describe('sameOrigin', () => {
  it('holds for two URLs of one scheme, host and port, whatever their paths.', () => {
    assert.equal(sameOrigin('http://127.0.0.1:8080/a?x=1', 'http://127.0.0.1:8080/b/'), true);
  });

  it('fails another scheme, host or port, so no token goes there.', () => {
    assert.equal(sameOrigin('https://127.0.0.1:8080/a', 'http://127.0.0.1:8080/a'), false);
    assert.equal(sameOrigin('http://localhost:8080/a', 'http://127.0.0.1:8080/a'), false);
    assert.equal(sameOrigin('http://127.0.0.1:8081/a', 'http://127.0.0.1:8080/a'), false);
  });
});
