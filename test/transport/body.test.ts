import assert from 'node:assert/strict';
import { parseBody } from '../../src/transport/body.js';
import { deepFreeze } from '../../src/transport/deep-freeze.js';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../src/transport/json-depth.js';
import { deepJson } from '../helpers/raw-request.js';

describe('reading a received body', () => {
  it('parses JSON nested up to the bound and keeps deeper JSON as text with a note', () => {
    assert.equal(parseBody(deepJson(MAX_JSON_DEPTH)).json, true);
    const deep = parseBody(deepJson(100_000));
    assert.equal(deep.json, false);
    assert.equal(deep.text.length, 200_000);
    assert.match(deep.note ?? '', /nests deeper than 128 levels/);
  });

  it('counts nesting outside strings only, escaped quotes included', () => {
    assert.equal(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[', b: 'say \\"[[[[' }), 2), false);
    assert.equal(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3), true);
    assert.equal(jsonDepthExceeds('{"a":[{"b":[1]}]}', 4), false);
  });

  it('reads the same way whether a body is parsed first (up to 256 KB) or scanned first (larger)', () => {
    const padding = ' '.repeat(300 * 1024);
    for (const [what, text] of [['valid at the bound', deepJson(MAX_JSON_DEPTH)], ['valid one deeper', deepJson(MAX_JSON_DEPTH + 1)], ['malformed and deep', `${'['.repeat(200)}oops`], ['malformed and shallow', '[[oops']] as const) {
      const small = parseBody(text);
      const large = parseBody(`${text}${padding}`);
      assert.deepEqual([large.json, large.note], [small.json, small.note], what);
    }
    assert.equal(parseBody(deepJson(MAX_JSON_DEPTH + 1)).json, false);
    assert.match(parseBody(`${'['.repeat(200)}oops`).note ?? '', /nests deeper than 128 levels/);
    assert.equal(parseBody('[[oops').note, undefined);
  });

  it('keeps malformed JSON and empty bodies as before', () => {
    assert.deepEqual(parseBody('{"token": oops'), { json: false, text: '{"token": oops' });
    assert.deepEqual(parseBody('  '), { json: false, text: '  ' });
  });
});

describe('freezing recorded evidence', () => {
  it('freezes a value nested 100,000 deep without overflowing the stack', () => {
    let deep: unknown = { leaf: [1] };
    for (let i = 0; i < 100_000; i += 1) deep = { next: deep };
    deepFreeze(deep);
    let node = deep as { next?: unknown; leaf?: unknown };
    for (let i = 0; i < 100_000; i += 1) node = node.next as typeof node;
    assert.ok(Object.isFrozen(node) && Object.isFrozen(node.leaf));
  });
});
