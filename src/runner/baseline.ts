import { summarize } from './summarize.js';
import type { BaselineEntry, CaseResult, RunResult } from '../model/case-result.js';

/** A file of known failures (`--baseline`), as read and as written by `--write-baseline`. */
export interface Baseline {
  readonly knownFailures: readonly BaselineEntry[];
}

const failedChecks = (result: CaseResult): string[] => [...new Set(result.findings.filter((f) => f.status === 'fail').map((f) => f.check))];
const keyOf = (entry: { readonly case: string; readonly check: string; readonly version?: string }): string => `${entry.case} ${entry.check}${entry.version ? ` ${entry.version}` : ''}`;
/** Whether an entry speaks of this case result: its case, in its version when the entry names one. */
const covers = (entry: BaselineEntry, c: CaseResult): boolean => entry.case === c.id && (entry.version === undefined || entry.version === c.ocpiVersion);
// A case that reached a verdict on its checks; skipped and errored cases say nothing about a known failure.
const judged = (result: CaseResult): boolean => result.status === 'passed' || result.status === 'failed' || result.status === 'known-failure';

/** Classifies one case result by the baseline (idempotent), so case lines can show it as the run goes. */
export function baselineClassifier(baseline: Baseline): (result: CaseResult) => CaseResult {
  return (c) => {
    if (c.status !== 'failed') return c;
    const failed = failedChecks(c);
    const known = failed.filter((check) => baseline.knownFailures.some((entry) => entry.check === check && covers(entry, c)));
    if (known.length === 0) return c;
    return Object.freeze({ ...c, status: known.length === failed.length ? 'known-failure' : 'failed', knownFailures: Object.freeze(known) });
  };
}

/**
 * The run as the baseline sees it: a failed case whose failed checks are all listed becomes `known-failure` (shown,
 * not failing the run); a failed case with any unlisted failed check stays `failed`, naming the listed ones it also
 * failed. Entries whose case passed that check are reported as fixed, so the file can be trimmed.
 */
export function applyBaseline(result: RunResult, baseline: Baseline, file: string): RunResult {
  const cases = result.cases.map(baselineClassifier(baseline));
  const matched: BaselineEntry[] = [];
  const fixed: BaselineEntry[] = [];
  const unchecked: BaselineEntry[] = [];
  for (const entry of baseline.knownFailures) {
    // A case runs once per version tested: the entry holds if it failed in one, is fixed if it passed in all it covers.
    const verdicts = cases.filter((c) => covers(entry, c) && judged(c));
    if (verdicts.length === 0) unchecked.push(entry);
    else if (verdicts.some((c) => failedChecks(c).includes(entry.check))) matched.push(entry);
    else fixed.push(entry);
  }
  return Object.freeze({
    ...result,
    cases: Object.freeze(cases),
    summary: summarize(cases),
    baseline: Object.freeze({ file, matched: Object.freeze(matched), fixed: Object.freeze(fixed), unchecked: Object.freeze(unchecked) }),
  });
}

/**
 * The baseline of a run: every failed check of every failed (or known-failure) case, in case order, keeping the
 * notes of a previous baseline's entries that still hold. A run of several versions names the version of each entry.
 */
export function baselineOf(result: RunResult, previous?: Baseline): Baseline {
  const several = result.target.testedVersions.length > 1;
  const notes = new Map((previous?.knownFailures ?? []).flatMap((entry) => (entry.note ? [[keyOf(entry), entry.note] as const] : [])));
  const knownFailures = result.cases
    .filter((c) => c.status === 'failed' || c.status === 'known-failure')
    .flatMap((c) => failedChecks(c).map((check): BaselineEntry => {
      const entry: BaselineEntry = { case: c.id, check, ...(several ? { version: c.ocpiVersion } : {}) };
      const note = notes.get(keyOf(entry)) ?? notes.get(keyOf({ case: c.id, check }));
      return note === undefined ? entry : { ...entry, note };
    }));
  return { knownFailures };
}
