import type { Finding } from '../checks/finding.js';
import type { Exchange } from '../transport/exchange.js';
import type { OcpiVersion } from '../schemas/ocpi-datetime.js';

/** How strongly the spec states a rule: MUST/SHALL, SHOULD, or our own heuristics. */
export type Severity = 'required' | 'recommended' | 'advice';

/** The rule a case checks, cited in our own words. */
export interface SpecReference {
  readonly version: OcpiVersion;
  /** The spec chapter and section, e.g. `credentials §1.3.2 POST`. */
  readonly section: string;
  readonly rule: string;
}

export type CaseStatus = 'passed' | 'failed' | 'errored' | 'skipped';

/** The outcome of one case: plain frozen data. */
export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly module: string;
  readonly severity: Severity;
  readonly spec: SpecReference;
  readonly status: CaseStatus;
  /** Why it was skipped, or what went wrong when it errored. */
  readonly reason?: string;
  readonly durationMs: number;
  readonly findings: readonly Finding[];
  readonly exchanges: readonly Exchange[];
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  /** Warnings: findings of recommended or advice rules that failed, and other warnings. */
  readonly warnings: number;
}

/** The outcome of a whole run. */
export interface RunResult {
  readonly tool: { readonly name: string; readonly version: string };
  readonly target: { readonly versionsUrl?: string; readonly role?: string; readonly ocpiVersion?: string };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly interrupted: boolean;
  readonly summary: Summary;
  readonly cases: readonly CaseResult[];
}

/** Counts the outcomes of a list of results. */
export function summarize(cases: readonly CaseResult[]): Summary {
  const count = (status: CaseStatus): number => cases.filter((c) => c.status === status).length;
  const warnings = cases.reduce((total, c) => total + c.findings.filter((f) => f.status === 'warn').length, 0);
  return Object.freeze({ passed: count('passed'), failed: count('failed'), errored: count('errored'), skipped: count('skipped'), warnings });
}
