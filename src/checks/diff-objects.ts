import microdiff from 'microdiff';
import type { DiffEntry } from '../model/finding.js';
import { escapePointerToken } from './json-pointer.js';

function pointer(path: ReadonlyArray<string | number>): string {
  return path.map((part) => `/${escapePointerToken(String(part))}`).join('');
}

/**
 * The differences between what was expected and what the target returned, one entry per path (JSON Pointer), labelled
 * `changed`, `missing` (expected, not returned) or `unexpected` (returned, not expected). Empty when they are equal.
 */
export function diffObjects(expected: unknown, actual: unknown): DiffEntry[] {
  const structured = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
  if (!structured(expected) || !structured(actual) || Array.isArray(expected) !== Array.isArray(actual)) {
    return Object.is(expected, actual) ? [] : [{ path: '', kind: 'changed', expected, actual }];
  }
  return microdiff(expected, actual).map((change): DiffEntry => {
    const path = pointer(change.path);
    if (change.type === 'CREATE') return { path, kind: 'unexpected', actual: change.value };
    if (change.type === 'REMOVE') return { path, kind: 'missing', expected: change.oldValue };
    return { path, kind: 'changed', expected: change.oldValue, actual: change.value };
  });
}
