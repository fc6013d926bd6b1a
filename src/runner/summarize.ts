import type { CaseResult, CaseStatus, Summary } from '../model/case-result.js';

/** Counts the outcomes of a list of results. */
export function summarize(cases: readonly CaseResult[]): Summary {
  const count = (status: CaseStatus): number => cases.filter((c) => c.status === status).length;
  const warnings = cases.reduce((total, c) => total + c.findings.filter((f) => f.status === 'warn').length, 0);
  return Object.freeze({ passed: count('passed'), failed: count('failed'), errored: count('errored'), skipped: count('skipped'), knownFailures: count('known-failure'), warnings });
}
