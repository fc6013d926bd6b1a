import assert from 'node:assert/strict';
import { SeenKeys } from '../../src/runner/seen-keys.js';

describe('SeenKeys', () => {
  it('gives back the instant a key was recorded with when it comes again (NaN for none), and undefined for a new key', () => {
    const keys = new SeenKeys();
    keys.record('NL/ABC/LOC1', 1000);
    keys.record('NL/ABC/LOC2', Number.NaN);
    assert.equal(keys.record('NL/ABC/LOC1', 1000), 1000);
    assert.ok(Number.isNaN(keys.record('NL/ABC/LOC2', Number.NaN)));
    assert.equal(keys.record('NL/ABC/LOC3', 0), undefined);
    assert.equal(keys.size, 3);
  });

  it('replaces the instant of a key recorded again, counting it once, and gives back the instant it replaced', () => {
    const keys = new SeenKeys();
    assert.equal(keys.record('NL/ABC/LOC1', 1000), undefined);
    assert.equal(keys.record('NL/ABC/LOC1', 2000), 1000);
    assert.equal(keys.record('NL/ABC/LOC1', 2000), 2000);
    assert.equal(keys.size, 1);
  });

  it('never takes a new key for a duplicate when every hash collides: a hit is confirmed on the key itself', () => {
    const keys = new SeenKeys({ hash: () => 7 });
    for (let n = 0; n < 300; n += 1) keys.record(`NL/ABC/LOC${n}`, n);
    assert.equal(keys.size, 300);
    for (let n = 0; n < 300; n += 1) assert.equal(keys.record(`NL/ABC/LOC${n}`, n), n);
    assert.equal(keys.size, 300);
    assert.equal(keys.record('NL/ABC/LOC300', 0), undefined);
    assert.equal(keys.record('NL/ABC/LOC1 ', 0), undefined, 'a longer key with the same start');
    assert.equal(keys.record('NL/ABC/LOC', 0), undefined, 'a shorter one');
  });

  it('tells apart keys outside Latin-1, and keys that differ only there', () => {
    const keys = new SeenKeys({ hash: () => 1 });
    keys.record('NL/ABC/€1', 1);
    keys.record('NL/ABC/\u20ad1', 2);
    keys.record('NL/ABC/\ud800', 3);
    keys.record('NL/ABC/é', 4);
    assert.deepEqual(['NL/ABC/€1', 'NL/ABC/\u20ad1', 'NL/ABC/\ud800', 'NL/ABC/é', 'NL/ABC/\udc00', 'NL/ABC/e'].map((key) => keys.record(key, 0)), [1, 2, 3, 4, undefined, undefined]);
  });

  it('holds 100,000 distinct keys exactly, through every growth of its tables', () => {
    const keys = new SeenKeys();
    for (let n = 0; n < 100_000; n += 1) keys.record(`NL/ABC/LOC${String(n).padStart(6, '0')}`, n);
    assert.equal(keys.size, 100_000);
    for (let n = 0; n < 100_000; n += 997) assert.equal(keys.record(`NL/ABC/LOC${String(n).padStart(6, '0')}`, n), n);
    assert.equal(keys.size, 100_000);
    assert.equal(keys.record('NL/ABC/LOC100000', 0), undefined);
  });
});
