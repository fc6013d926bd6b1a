import assert from 'node:assert/strict';
import { withQuery } from '../../src/transport/with-query.js';

describe('withQuery', () => {
  it('returns the URL unchanged when given no parameters', () => {
    assert.equal(withQuery('http://host/tokens/?a=b%20c', {}), 'http://host/tokens/?a=b%20c');
  });

  it('starts a query on a URL that has none', () => {
    assert.equal(withQuery('http://host/tokens/NL/TNM/1', { type: 'RFID' }), 'http://host/tokens/NL/TNM/1?type=RFID');
  });

  it('appends to a query the URL already has, leaving that query byte for byte', () => {
    assert.equal(withQuery('http://host/tokens/1?tenant=a%20b', { type: 'APP_USER' }), 'http://host/tokens/1?tenant=a%20b&type=APP_USER');
    assert.equal(withQuery('http://host/tokens/1?', { type: 'RFID' }), 'http://host/tokens/1?type=RFID');
  });

  it('URL-encodes names and values', () => {
    assert.equal(withQuery('http://host/cp/1', { duration: '60', response_url: 'http://peer/r?x=1&y=2' }), 'http://host/cp/1?duration=60&response_url=http%3A%2F%2Fpeer%2Fr%3Fx%3D1%26y%3D2');
  });

  it('keeps a fragment at the end', () => {
    assert.equal(withQuery('http://host/t#f', { a: '1' }), 'http://host/t?a=1#f');
  });
});
