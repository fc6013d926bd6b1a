import assert from 'node:assert/strict';
import { diffObjects } from '../../src/checks/diff-objects.js';
import type { DiffEntry } from '../../src/model/finding.js';

/** One row: what was expected, what the target returned, and the labelled differences. */
type Row = [title: string, expected: unknown, actual: unknown, diff: DiffEntry[]];

const tariff = { id: 'T1', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }] }] };

const rows: Row[] = [
  ['gives no entries for equal objects', tariff, structuredClone(tariff), []],
  ['gives no entries for equal scalars', 'EUR', 'EUR', []],
  ['gives no entries for two nulls', null, null, []],
  ['labels a changed field with its path and both values', { currency: 'EUR' }, { currency: 'USD' }, [{ path: '/currency', kind: 'changed', expected: 'EUR', actual: 'USD' }]],
  ['labels a field the target left out as missing', { id: 'T1', currency: 'EUR' }, { id: 'T1' }, [{ path: '/currency', kind: 'missing', expected: 'EUR' }]],
  ['labels a field the target added as unexpected', { id: 'T1' }, { id: 'T1', type: 'REGULAR' }, [{ path: '/type', kind: 'unexpected', actual: 'REGULAR' }]],
  ['addresses array elements by index', tariff, { ...tariff, elements: [{ price_components: [{ type: 'ENERGY', price: 0.35, step_size: 1 }] }] }, [{ path: '/elements/0/price_components/0/price', kind: 'changed', expected: 0.3, actual: 0.35 }]],
  ['labels a shortened array as missing its last elements', { list: [1, 2, 3] }, { list: [1, 2] }, [{ path: '/list/2', kind: 'missing', expected: 3 }]],
  ['escapes a key containing / as ~1', { 'a/b': 1 }, { 'a/b': 2 }, [{ path: '/a~1b', kind: 'changed', expected: 1, actual: 2 }]],
  ['escapes a key containing ~ as ~0', { 'a~b': { c: 1 } }, { 'a~b': { c: 2 } }, [{ path: '/a~0b/c', kind: 'changed', expected: 1, actual: 2 }]],
  ['gives one changed entry at the field when a nested object became a scalar', { energy_mix: { is_green_energy: true } }, { energy_mix: 'green' }, [{ path: '/energy_mix', kind: 'changed', expected: { is_green_energy: true }, actual: 'green' }]],
  ['gives one changed entry at \'\' when a scalar came instead of an object', { id: 'T1' }, 'T1', [{ path: '', kind: 'changed', expected: { id: 'T1' }, actual: 'T1' }]],
  ['gives one changed entry at \'\' when an object came instead of a scalar', 42, { value: 42 }, [{ path: '', kind: 'changed', expected: 42, actual: { value: 42 } }]],
  ['gives one changed entry at \'\' when null came instead of an object', { id: 'T1' }, null, [{ path: '', kind: 'changed', expected: { id: 'T1' }, actual: null }]],
  ['gives one changed entry at \'\' when an array came instead of an object', { 0: 'a' }, ['a'], [{ path: '', kind: 'changed', expected: { 0: 'a' }, actual: ['a'] }]],
];

describe('diffObjects', () => {
  for (const [title, expected, actual, diff] of rows) {
    it(title, () => assert.deepEqual(diffObjects(expected, actual), diff));
  }

  it('gives one entry per difference, each with its own path', () => {
    const paths = diffObjects({ a: 1, b: { c: [1, 2] }, d: 'x' }, { a: 2, b: { c: [1, 3] }, e: 'y' }).map((entry) => [entry.kind, entry.path]);
    assert.deepEqual(paths.sort(), [['changed', '/a'], ['changed', '/b/c/1'], ['missing', '/d'], ['unexpected', '/e']]);
  });
});
