import assert from 'node:assert/strict';
import { jsonDepthExceeds, valueDepthExceeds } from '../../src/transport/json-depth.js';

describe('whether a JSON text nests deeper than a limit', () => {
  const cases: ReadonlyArray<readonly [string, string, number]> = [
    ['a scalar', '42', 0],
    ['an empty object', '{}', 1],
    ['an envelope with a list of objects', '{"data":[{"a":1},{"b":[2]}]}', 4],
    ['brackets inside strings', '{"a":"[[[{{{","b":"\\"[["}', 1],
    ['an escaped backslash before a closing quote', '{"a":"\\\\","b":[1]}', 2],
    ['an escaped backslash, then an escaped quote inside a string', '{"a":"\\\\\\"[[","b":[1]}', 2],
    ['a string left open', '[["[[[[', 2],
  ];
  for (const [what, text, depth] of cases) {
    it(`says ${what} nests ${depth} levels: deeper than ${depth - 1}, not deeper than ${depth}.`, () => {
      assert.equal(jsonDepthExceeds(text, depth), false);
      if (depth > 0) assert.equal(jsonDepthExceeds(text, depth - 1), true);
      const value: unknown = (() => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return undefined;
        }
      })();
      if (value !== undefined) {
        assert.equal(valueDepthExceeds(value, depth), false, 'parsed');
        if (depth > 0) assert.equal(valueDepthExceeds(value, depth - 1), true, 'parsed');
      }
    });
  }

  it('agrees with a character-by-character walk on 5,000 random texts of brackets, quotes and backslashes.', () => {
    // The walk the scan replaced: every character, a backslash in a string skipping the next one.
    const walk = (text: string): number => {
      let depth = 0;
      let deepest = 0;
      let inString = false;
      for (let index = 0; index < text.length; index += 1) {
        const c = text[index];
        if (inString) {
          if (c === '\\') index += 1;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '[' || c === '{') deepest = Math.max(deepest, (depth += 1));
        else if (c === ']' || c === '}') depth -= 1;
      }
      return deepest;
    };
    let seed = 7;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let run = 0; run < 5000; run += 1) {
      const text = Array.from({ length: next(40) }, () => '[]{}"\\a'[next(7)]).join('');
      const deepest = walk(text);
      assert.equal(jsonDepthExceeds(text, deepest), false, text);
      if (deepest > 0) assert.equal(jsonDepthExceeds(text, deepest - 1), true, text);
    }
  });

  it('measures 100,000 nested arrays without recursion.', () => {
    assert.equal(jsonDepthExceeds(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 99_999), true);
  });

  it('measures a parsed value 100,000 levels deep against the tester\'s limit without exhausting the stack.', () => {
    const deep: unknown = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    assert.equal(valueDepthExceeds(deep, 128), true);
  });

  it('agrees with the text scan on 2,000 random parsed values of objects, arrays and scalars.', () => {
    let seed = 11;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const grow = (budget: number): unknown => {
      const kind = budget <= 0 ? 2 : next(3);
      if (kind === 2) return [1, 'x', null, true][next(4)];
      const children = Array.from({ length: next(4) }, () => grow(budget - 1 - next(3)));
      return kind === 0 ? children : Object.fromEntries(children.map((child, index) => [`k${index}`, child]));
    };
    for (let run = 0; run < 2000; run += 1) {
      const value = grow(next(12));
      const text = JSON.stringify(value);
      for (let limit = 0; limit <= 14; limit += 1) assert.equal(valueDepthExceeds(value, limit), jsonDepthExceeds(text, limit), `${text} at ${limit}`);
    }
  });
});
