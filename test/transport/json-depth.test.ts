import assert from 'node:assert/strict';
import { jsonDepth } from '../../src/transport/json-depth.js';

describe('the depth of a JSON text', () => {
  const cases: ReadonlyArray<readonly [string, string, number]> = [
    ['a scalar', '42', 0],
    ['an empty object', '{}', 1],
    ['an envelope with a list of objects', '{"data":[{"a":1},{"b":[2]}]}', 4],
    ['brackets inside strings', '{"a":"[[[{{{","b":"\\"[["}', 1],
    ['an escaped backslash before a closing quote', '{"a":"\\\\","b":[1]}', 2],
  ];
  for (const [what, text, depth] of cases) {
    it(`is ${depth} for ${what}.`, () => assert.equal(jsonDepth(text), depth));
  }

  it('measures 100,000 nested arrays without recursion.', () => {
    assert.equal(jsonDepth(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 100_000);
  });
});
