import { diffJson } from 'diff';
import type { DiffEntry } from '../model/finding.js';

/** The header every diff carries, so its direction reads without colour. */
export const DIFF_LEGEND = '- expected  + actual';

function isStructured(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

/**
 * Renders expected against actual as lines marked `-` (expected) and `+` (actual); unchanged lines of a structured
 * value are kept for context, prefixed with two spaces. Returns no lines when there is nothing to compare.
 */
export function renderDiff(expected: unknown, actual: unknown): string[] {
  if (expected === undefined && actual === undefined) return [];
  if (!isStructured(expected) || !isStructured(actual)) {
    return [DIFF_LEGEND, `- ${JSON.stringify(expected ?? null)}`, `+ ${JSON.stringify(actual ?? null)}`];
  }
  const lines = [DIFF_LEGEND];
  for (const part of diffJson(expected as object, actual as object)) {
    const marker = part.added ? '+ ' : part.removed ? '- ' : '  ';
    for (const line of part.value.replace(/\n$/, '').split('\n')) lines.push(`${marker}${line}`);
  }
  return lines;
}

// A long diff shows this many differences, then says how many more there are.
const MAX_ENTRIES = 20;

/**
 * Renders path-addressed differences (a round trip's diff) under the same legend: for each, an `@` line with its JSON
 * Pointer (below `at`, e.g. `/data`) and what kind of difference it is, then the expected value marked `-` and the
 * actual one marked `+` (a missing field has no `+` line, an unexpected one no `-` line).
 */
export function renderDiffEntries(entries: readonly DiffEntry[], at = ''): string[] {
  if (entries.length === 0) return [];
  const lines = [DIFF_LEGEND];
  for (const entry of entries.slice(0, MAX_ENTRIES)) {
    lines.push(`@ ${at}${entry.path || ''}${entry.kind === 'changed' ? '' : ` (${entry.kind})`}`);
    if (entry.kind !== 'unexpected') lines.push(`- ${JSON.stringify(entry.expected ?? null)}`);
    if (entry.kind !== 'missing') lines.push(`+ ${JSON.stringify(entry.actual ?? null)}`);
  }
  if (entries.length > MAX_ENTRIES) lines.push(`… and ${entries.length - MAX_ENTRIES} more difference${entries.length - MAX_ENTRIES === 1 ? '' : 's'} (all of them are in the JSON report)`);
  return lines;
}
