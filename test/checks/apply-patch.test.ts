import assert from 'node:assert/strict';
import { applyPatch } from '../../src/checks/apply-patch.js';

describe('applying a PATCH to the object PUT', () => {
  it('replaces the fields the PATCH carries, a nested object whole, and keeps the others.', () => {
    const put = { name: 'a', energy_contract: { supplier_name: 'x', contract_id: '1' }, valid: true };
    assert.deepEqual(applyPatch('Token', put, { energy_contract: { supplier_name: 'y' }, valid: false }), { name: 'a', energy_contract: { supplier_name: 'y' }, valid: false });
  });

  it('adds a Session PATCH\'s charging_periods to the stored ones, and leaves them as they were when it carries none or an empty list.', () => {
    const put = { charging_periods: [1], kwh: 1 };
    assert.deepEqual(applyPatch('Session', put, { charging_periods: [2] }), { charging_periods: [1, 2], kwh: 1 });
    assert.deepEqual(applyPatch('Session', put, { charging_periods: [], kwh: 2 }), { charging_periods: [1], kwh: 2 });
  });

  it('replaces a list of any other object, such as a Location\'s EVSEs.', () => {
    assert.deepEqual(applyPatch('Location', { evses: [1, 2] }, { evses: [3] }), { evses: [3] });
  });
});
