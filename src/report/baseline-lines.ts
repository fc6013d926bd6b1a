import type { BaselineEntry, BaselineOutcome } from '../model/case-result.js';

/** What the baseline did, for the summary: entries that held, entries to remove, entries this run could not check. */
export function baselineLines(baseline: BaselineOutcome): string[] {
  const entries = (list: readonly BaselineEntry[]): string => list.map((e) => `${e.case} ${e.check}${e.version ? ` (OCPI ${e.version})` : ''}`).join(', ');
  const lines = [`baseline ${baseline.file}: ${baseline.matched.length} known failure${baseline.matched.length === 1 ? '' : 's'} still fail${baseline.matched.length === 1 ? 's' : ''}`];
  if (baseline.fixed.length > 0) lines.push(`baseline: ${baseline.fixed.length} entr${baseline.fixed.length === 1 ? 'y' : 'ies'} now pass${baseline.fixed.length === 1 ? 'es' : ''}; remove ${baseline.fixed.length === 1 ? 'it' : 'them'} from ${baseline.file}: ${entries(baseline.fixed)}`);
  if (baseline.unchecked.length > 0) lines.push(`baseline: ${baseline.unchecked.length} entr${baseline.unchecked.length === 1 ? 'y was' : 'ies were'} not checked (case not run to a verdict, or unknown): ${entries(baseline.unchecked)}`);
  return lines;
}
