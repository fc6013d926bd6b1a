import assert from 'node:assert/strict';
import { jsonDepthExceeds } from '../../src/transport/json-depth.js';

describe('whether a JSON text nests deeper than a limit', () => {
  const cases: ReadonlyArray<readonly [string, string, number]> = [
    ['a scalar', '42', 0],
    ['an empty object', '{}', 1],
    ['an envelope with a list of objects', '{"data":[{"a":1},{"b":[2]}]}', 4],
    ['brackets inside strings', '{"a":"[[[{{{","b":"\\"[["}', 1],
    ['an escaped backslash before a closing quote', '{"a":"\\\\","b":[1]}', 2],
  ];
  for (const [what, text, depth] of cases) {
    it(`says ${what} nests ${depth} levels: deeper than ${depth - 1}, not deeper than ${depth}.`, () => {
      assert.equal(jsonDepthExceeds(text, depth), false);
      if (depth > 0) assert.equal(jsonDepthExceeds(text, depth - 1), true);
    });
  }

  it('measures 100,000 nested arrays without recursion.', () => {
    assert.equal(jsonDepthExceeds(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 99_999), true);
  });
});
