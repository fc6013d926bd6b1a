import assert from 'node:assert/strict';
import { stringifyWithFractions } from '../../src/parties/stringify-with-fractions.js';

describe('stringifyWithFractions', () => {
  it('writes integral numbers of the named decimal fields with a fraction and leaves every other number as JSON.stringify does.', () => {
    const text = stringifyWithFractions({ status_code: 1000, data: [{ price: 5, vat: 21.5, step_size: 1, skip: undefined }] }, new Set(['price', 'vat']));
    assert.equal(text, '{"status_code":1000,"data":[{"price":5.0,"vat":21.5,"step_size":1}]}');
    assert.deepEqual(JSON.parse(text), { status_code: 1000, data: [{ price: 5, vat: 21.5, step_size: 1 }] });
  });
});
