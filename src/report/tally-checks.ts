import type { CaseResult } from '../model/case-result.js';
import type { Finding } from '../model/finding.js';

/** One check that failed (or warned) somewhere in a run, with every case it did so in. */
export interface CheckTally {
  readonly check: string;
  /** The message of its first finding, as an example of what it found. */
  readonly message: string;
  /** The cases it failed or warned in, in the order they appear in the run. */
  readonly cases: readonly CaseResult[];
  /** How many places it failed or warned at, repeats folded into a finding included. */
  readonly places: number;
}

// A failure the baseline lists is known: the summary's baseline lines account for it, not the list of what fails.
const counts = (c: CaseResult, f: Finding, status: 'fail' | 'warn'): boolean =>
  f.status === status && (status === 'warn' || (c.status === 'failed' && !(c.knownFailures ?? []).includes(f.check)));

/**
 * Each check that failed (`fail`: in cases that failed, baseline entries left out) or warned (`warn`) in a run, once,
 * in the order it first appears: one root cause that fails six cases (a missing X-Request-ID echo) reads as one line
 * naming the six, where the cases' own sections show each finding.
 */
export function tallyChecks(cases: readonly CaseResult[], status: 'fail' | 'warn'): readonly CheckTally[] {
  const tallies = new Map<string, { message: string; cases: CaseResult[]; places: number }>();
  for (const c of cases) {
    for (const f of c.findings.filter((each) => counts(c, each, status))) {
      const tally = tallies.get(f.check) ?? { message: f.message, cases: [], places: 0 };
      if (!tally.cases.includes(c)) tally.cases.push(c);
      tally.places += 1 + (f.repeats?.length ?? 0);
      tallies.set(f.check, tally);
    }
  }
  return [...tallies].map(([check, tally]) => ({ check, ...tally }));
}
