import { sameInstant } from '../schemas/ocpi-datetime.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import { ocpiType, type OcpiField, type OcpiType } from '../schemas/ocpi-type.js';
import { applyPatch } from './apply-patch.js';
import { diffObjects } from './diff-objects.js';
import type { DiffEntry } from '../model/finding.js';
import { escapePointerToken } from './json-pointer.js';

/** Two values of one OCPI object to compare: what the tester sent (or saw first), and what the target returned. */
export interface TypedComparison {
  readonly version: OcpiVersion;
  /** The schema name of the values, e.g. `Location`, `EVSE`, `Token`. */
  readonly object: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /**
   * `same` (the default): every field the spec defines must match. `has`: only the top-level fields `expected`
   * carries, each compared whole. `patched`: `expected` is the object PUT, and `actual` must be it with `patch`
   * applied (the fields it carries replaced, a Session's charging_periods added to, every other field as it was).
   */
  readonly mode?: 'same' | 'has' | 'patched';
  /** The PATCH body, with `mode: 'patched'`. */
  readonly patch?: Readonly<Record<string, unknown>>;
}

/**
 * The differences between two values of an OCPI object, judged by the type the spec gives each field (read from the
 * schema), never by their text:
 * - a DateTime by instant (`…:00Z`, `…:00.000Z` and `…:00` are one instant);
 * - a CiString without regard to case; a number by value;
 * - an optional field that is `null` (or, for an optional list, `[]`) is the same as one left out, and one left out
 *   is the same as its default;
 * - a field the spec does not define, present only in `actual`, is the receiver's own (extensions are allowed) and
 *   not a difference; the schema check judges whether it may be there;
 * - a list of objects identified by `uid` or `id` (EVSEs, Connectors) is matched by that id, in any order; other lists
 *   item by item.
 * Empty when the values are equal as OCPI types.
 */
export function compareByType(comparison: TypedComparison): DiffEntry[] {
  const type = ocpiType(comparison.version, comparison.object);
  const out: DiffEntry[] = [];
  if (comparison.mode === 'has' && type.kind === 'object' && isRecord(comparison.expected) && isRecord(comparison.actual)) {
    for (const name of Object.keys(comparison.expected)) {
      compareField(name, type.fields.get(name), comparison.expected, comparison.actual, '', out);
    }
    return out;
  }
  if (comparison.mode === 'patched' && isRecord(comparison.expected)) {
    compareValue(type, applyPatch(comparison.object, comparison.expected, comparison.patch ?? {}), comparison.actual, '', out);
    return out;
  }
  compareValue(type, comparison.expected, comparison.actual, '', out);
  return out;
}

function compareValue(type: OcpiType, expected: unknown, actual: unknown, path: string, out: DiffEntry[]): void {
  if (expected === actual) return;
  const changed = (): void => void out.push({ path, kind: 'changed', expected, actual });
  switch (type.kind) {
    case 'datetime':
      if (!sameInstant(expected, actual)) changed();
      return;
    case 'cistring':
      if (typeof expected !== 'string' || typeof actual !== 'string' || expected.toUpperCase() !== actual.toUpperCase()) changed();
      return;
    case 'number':
      if (typeof expected !== 'number' || typeof actual !== 'number' || expected !== actual) changed();
      return;
    case 'object':
      if (!isRecord(expected) || !isRecord(actual)) return changed();
      for (const name of new Set([...Object.keys(expected), ...Object.keys(actual)])) compareField(name, type.fields.get(name), expected, actual, path, out);
      return;
    case 'array':
      if (!Array.isArray(expected) || !Array.isArray(actual)) return changed();
      return compareList(type.items, expected, actual, path, out);
    case 'any':
      for (const entry of diffObjects(expected, actual)) out.push({ ...entry, path: `${path}${entry.path}` });
      return;
    default:
      changed();
  }
}

function compareField(name: string, field: OcpiField | undefined, expected: Record<string, unknown>, actual: Record<string, unknown>, path: string, out: DiffEntry[]): void {
  const at = `${path}/${escapePointerToken(name)}`;
  const sent = expected[name];
  const got = actual[name];
  if (!field) {
    // A field the spec does not define: the receiver's extension when only it has one; ours are compared as they are.
    if (name in expected) compareValue({ kind: 'any' }, sent, got, at, out);
    return;
  }
  // Terminology, cardinality: an optional field may be null or left out, and an optional list ('*') may also be [].
  const emptyList = (value: unknown): boolean => field.type.kind === 'array' && Array.isArray(value) && value.length === 0;
  const absent = (value: unknown): boolean => value === undefined || (!field.required && (value === null || emptyList(value)));
  if (absent(sent) && absent(got)) return;
  if (absent(sent)) {
    if (field.default !== undefined && sameDefault(field, got)) return;
    out.push({ path: at, kind: 'unexpected', actual: got });
    return;
  }
  if (absent(got)) {
    if (field.default !== undefined && sameDefault(field, sent)) return;
    out.push({ path: at, kind: 'missing', expected: sent });
    return;
  }
  compareValue(field.type, sent, got, at, out);
}

function sameDefault(field: OcpiField, value: unknown): boolean {
  const scratch: DiffEntry[] = [];
  compareValue(field.type, field.default, value, '', scratch);
  return scratch.length === 0;
}

function compareList(items: OcpiType, expected: readonly unknown[], actual: readonly unknown[], path: string, out: DiffEntry[]): void {
  const key = items.kind === 'object' ? identityOf(items.fields) : undefined;
  if (key && items.kind === 'object' && compareById(items, key, expected, actual, path, out)) return;
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index += 1) {
    const at = `${path}/${index}`;
    if (index >= actual.length) out.push({ path: at, kind: 'missing', expected: expected[index] });
    else if (index >= expected.length) out.push({ path: at, kind: 'unexpected', actual: actual[index] });
    else compareValue(items, expected[index], actual[index], at, out);
  }
}

/**
 * Compares two lists of identified objects (EVSEs by `uid`, Connectors and Parking by `id`) by that id, in any order;
 * false, comparing nothing, when an id is not unique in either list: a duplicate id identifies nothing (another rule
 * judges it), and the lists are then compared item by item, so that one duplicate is not also reported as a difference.
 */
function compareById(items: OcpiType & { kind: 'object' }, key: string, expected: readonly unknown[], actual: readonly unknown[], path: string, out: DiffEntry[]): boolean {
  // A CiString id matches without regard to case; a plain string id (2.1.1's EVSE uid and Connector id) exactly.
  const ci = items.fields.get(key)?.type.kind === 'cistring';
  const idOf = (value: unknown): string | undefined => (isRecord(value) && typeof value[key] === 'string' ? (ci ? value[key].toUpperCase() : value[key]) : undefined);
  const unique = (values: readonly unknown[]): boolean => {
    const ids = values.map(idOf).filter((id): id is string => id !== undefined);
    return new Set(ids).size === ids.length;
  };
  if (!unique(expected) || !unique(actual)) return false;
  const byId = new Map<string, number>();
  actual.forEach((value, index) => {
    const id = idOf(value);
    if (id !== undefined) byId.set(id, index);
  });
  const matched = new Set<number>();
  expected.forEach((value, index) => {
    const id = idOf(value);
    const found = id === undefined ? undefined : byId.get(id);
    if (found === undefined) return void out.push({ path: `${path}/${index}`, kind: 'missing', expected: value });
    matched.add(found);
    compareValue(items, value, actual[found], `${path}/${index}`, out);
  });
  actual.forEach((value, index) => {
    // Reported at its place in what the target returned.
    if (!matched.has(index)) out.push({ path: `${path}/${index}`, kind: 'unexpected', actual: value });
  });
  return true;
}

/**
 * The field that identifies an item of a list (an EVSE's `uid`, a Connector's `id`), when the item has a required one:
 * a CiString from 2.2 on, a plain string in 2.1.1.
 */
function identityOf(fields: ReadonlyMap<string, OcpiField>): string | undefined {
  return ['uid', 'id'].find((name) => fields.get(name)?.required && ['cistring', 'string'].includes(fields.get(name)?.type.kind ?? ''));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
