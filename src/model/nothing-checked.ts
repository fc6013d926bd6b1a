import type { RunResult } from './case-result.js';

/**
 * Whether a run that tested a version checked nothing it was asked to: every case of the selection (not those pulled
 * in for what it needs) was skipped. Such a run neither passes nor fails (exit code 5): `--only LOC-01` against a
 * target without a Locations Sender proves nothing about it.
 */
export function nothingChecked(result: Pick<RunResult, 'cases' | 'pulledIn' | 'untested'>): boolean {
  if (result.untested !== undefined) return false;
  const pulled = new Set(result.pulledIn ?? []);
  const selected = result.cases.filter((c) => !pulled.has(c.id));
  return selected.length > 0 && selected.every((c) => c.status === 'skipped');
}
