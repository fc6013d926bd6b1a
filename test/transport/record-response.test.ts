import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { parseBody } from '../../src/transport/body.js';
import { recordResponse } from '../../src/transport/record-response.js';
import { Redactor } from '../../src/transport/redactor.js';

const TOKEN = 'tok-secret-1234567890';

function recorded(text: string, redactor = new Redactor()): ReturnType<typeof recordResponse> {
  return recordResponse({ status: 200, headers: { 'content-type': 'application/json' }, parsed: parseBody(text) }, redactor);
}

describe('recordResponse', () => {
  it('gives a JSON body redacted with every token the redactor knows when it is first read, and frozen.', () => {
    const redactor = new Redactor();
    const record = recorded(JSON.stringify({ data: { token: TOKEN }, status_code: 1000 }), redactor);
    // Learnt after the response arrived, before anyone read it: still redacted.
    redactor.add(new Secret(TOKEN));
    const body = record.body as { data: { token: string } };
    assert.doesNotMatch(JSON.stringify(body), new RegExp(TOKEN));
    assert.ok(Object.isFrozen(body) && Object.isFrozen(body.data));
    assert.equal(record.body, body, 'a second read gives the same copy');
  });

  it('keeps the body an enumerable property, so a report serialises it, and nothing else of what it keeps.', () => {
    const record = recorded('{"data":[1,2],"status_code":1000}');
    assert.deepEqual(Object.keys(record), ['status', 'headers', 'body']);
    assert.deepEqual(JSON.parse(JSON.stringify(record)), { status: 200, headers: { 'content-type': 'application/json' }, body: { data: [1, 2], status_code: 1000 } });
    assert.ok(Object.isFrozen(record));
  });

  it('lets no copy of the record reach the text as received: not a spread, a clone or an assignment.', () => {
    const redactor = new Redactor();
    redactor.add(new Secret(TOKEN));
    const record = recorded(JSON.stringify({ data: { token: TOKEN }, status_code: 1000 }), redactor);
    for (const copy of [{ ...record }, structuredClone(record), Object.assign({}, record)]) {
      assert.deepEqual(Object.getOwnPropertySymbols(copy), []);
      assert.doesNotMatch(JSON.stringify(copy), new RegExp(TOKEN));
    }
  });

  it('gives every record the same body getter, so no record holds a map of its own that keeps its text alive.', () => {
    // A getter made per record (a closure over its text) gave each record a map of its own, which the map it came
    // from keeps a transition to: the young-generation collector follows that, so every page's text outlived it.
    const getter = (record: object): unknown => Object.getOwnPropertyDescriptor(record, 'body')?.get;
    const first = recorded('{"data":[],"status_code":1000}');
    const second = recorded('{"data":[{"id":"A"}],"status_code":1000}');
    assert.equal(typeof getter(first), 'function');
    assert.equal(getter(first), getter(second));
    assert.deepEqual(second.body, { data: [{ id: 'A' }], status_code: 1000 });
  });

  it('keeps a body that is not JSON as redacted text.', () => {
    const redactor = new Redactor();
    redactor.add(new Secret(TOKEN));
    const record = recordResponse({ status: 500, headers: {}, parsed: parseBody(`oops ${TOKEN}`) }, redactor);
    assert.equal(record.body, undefined);
    assert.doesNotMatch(record.rawBody ?? '', new RegExp(TOKEN));
  });
});
