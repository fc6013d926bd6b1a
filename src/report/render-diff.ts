import { diffJson } from 'diff';

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
