import assert from 'node:assert/strict';
import { responseData } from '../../src/checks/response-data.js';
import type { Exchange } from '../../src/model/exchange.js';

const exchange = (status: number): Exchange => ({ id: 'x1', direction: 'outbound', request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} }, response: { status, headers: {} }, timings: { startedAt: '', durationMs: 1 } });

describe('the usable data of a response', () => {
  it('is the object of a 2xx envelope whose data is an object.', () => {
    const data = responseData(exchange(200), { status_code: 1000, data: { id: 'A' } }, 'object');
    assert.deepEqual(data, { usable: true, data: { id: 'A' } });
  });

  it('is not there when one object comes wrapped in a list, so no field of it is judged.', () => {
    assert.deepEqual(responseData(exchange(200), { status_code: 1000, data: [{ id: 'A' }] }, 'object'), { usable: false, reason: 'data is a list, not an object' });
  });

  it('is not there for an HTTP error, a body without envelope, or an envelope without data.', () => {
    assert.equal(responseData(exchange(401), { status_code: 2000 }, 'object').usable, false);
    assert.equal(responseData(exchange(200), 'text', 'object').usable, false);
    assert.deepEqual(responseData(exchange(200), { status_code: 1000 }, 'list'), { usable: false, reason: 'no data in the envelope' });
  });
});
