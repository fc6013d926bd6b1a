import assert from 'node:assert/strict';
import { endpointUrl } from '../../src/transport/endpoint-url.js';

describe('endpointUrl', () => {
  it('returns a declared URL with a trailing slash exactly as declared when given no segments', () => {
    assert.equal(endpointUrl('http://host/ocpi/cpo/2.2.1/locations/'), 'http://host/ocpi/cpo/2.2.1/locations/');
  });

  it('returns a declared URL without a trailing slash exactly as declared when given no segments', () => {
    assert.equal(endpointUrl('http://host/ocpi/cpo/2.2.1/locations'), 'http://host/ocpi/cpo/2.2.1/locations');
  });

  it('returns a declared URL with a query exactly as declared when given no segments', () => {
    assert.equal(endpointUrl('http://host/locations/?tenant=a%20b'), 'http://host/locations/?tenant=a%20b');
  });

  it('appends a segment after the trailing slash of the declared URL without doubling it', () => {
    assert.equal(endpointUrl('http://host/ocpi/cpo/2.2.1/locations/', 'NL'), 'http://host/ocpi/cpo/2.2.1/locations/NL');
  });

  it('adds one slash before the first segment when the declared URL has none', () => {
    assert.equal(endpointUrl('http://host/ocpi/cpo/2.2.1/locations', 'NL'), 'http://host/ocpi/cpo/2.2.1/locations/NL');
  });

  it('joins several segments with single slashes', () => {
    assert.equal(endpointUrl('http://host/tariffs/', 'NL', 'TNM', '14'), 'http://host/tariffs/NL/TNM/14');
    assert.equal(endpointUrl('http://host/tariffs', 'NL', 'TNM', '14'), 'http://host/tariffs/NL/TNM/14');
  });

  it('gives the same URL for the declared forms with and without a trailing slash', () => {
    assert.equal(endpointUrl('http://host/tokens/', '012345678', 'authorize'), endpointUrl('http://host/tokens', '012345678', 'authorize'));
  });

  it('URL-encodes each segment, slashes, spaces and reserved characters included', () => {
    assert.equal(endpointUrl('http://host/locations/', 'a/b', 'c d', 'e?f#g', 'ü'), 'http://host/locations/a%2Fb/c%20d/e%3Ff%23g/%C3%BC');
  });

  it('keeps a query string of the declared URL at the end', () => {
    assert.equal(endpointUrl('http://host/locations?tenant=1', 'LOC1'), 'http://host/locations/LOC1?tenant=1');
    assert.equal(endpointUrl('http://host/locations/?tenant=1&x=y', 'LOC1', '3256'), 'http://host/locations/LOC1/3256?tenant=1&x=y');
  });

  it('keeps a fragment of the declared URL at the end', () => {
    assert.equal(endpointUrl('http://host/locations/#frag', 'LOC1'), 'http://host/locations/LOC1#frag');
  });

  it('leaves the rest of the declared URL untouched, port, case and escapes included', () => {
    assert.equal(endpointUrl('HTTP://Host:8080/OCPI/a%2Fb/Locations', 'X'), 'HTTP://Host:8080/OCPI/a%2Fb/Locations/X');
  });

  it('refuses an empty segment, which would address another resource', () => {
    assert.throws(() => endpointUrl('http://host/locations/', 'LOC1', ''), /empty path segment/);
  });
});
