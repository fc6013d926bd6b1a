import type { Finding } from './finding.js';
import type { Exchange } from './exchange.js';
import type { OcpiVersion } from './ocpi-version.js';
import type { TeardownStep } from './teardown-step.js';
import type { Revocation } from './revocation.js';

/** How strongly the spec states a rule: MUST/SHALL, SHOULD, or our own heuristics. */
export type Severity = 'required' | 'recommended' | 'advice';

/** The rule a case checks, cited in our own words. */
export interface SpecReference {
  readonly version: OcpiVersion;
  /** The spec chapter and section, e.g. `credentials §1.3.2 POST`. */
  readonly section: string;
  readonly rule: string;
}

/** `known-failure`: failed only on checks the baseline lists as known (shown, not failing the run). */
export type CaseStatus = 'passed' | 'failed' | 'known-failure' | 'errored' | 'skipped';

/** The outcome of one case: plain frozen data. */
export interface CaseResult {
  readonly id: string;
  readonly title: string;
  /** The OCPI version the case ran in (a run of several versions runs a case once in each). */
  readonly ocpiVersion: OcpiVersion;
  readonly module: string;
  readonly severity: Severity;
  readonly spec: SpecReference;
  readonly status: CaseStatus;
  /** Why it was skipped, or what went wrong when it errored. */
  readonly reason?: string;
  readonly durationMs: number;
  readonly findings: readonly Finding[];
  readonly exchanges: readonly Exchange[];
  /** How many distinct objects the case received from the target's lists, when it crawled any. */
  readonly objectsReceived?: number;
  /** What a list the case crawled answered instead of a usable page ("HTTP 401", "an envelope without data"). */
  readonly listProblem?: string;
  /** The failed checks the baseline lists as known (all of them when the status is `known-failure`). */
  readonly knownFailures?: readonly string[];
  /** Set when the case was skipped because the target does not declare the interface it exercises. */
  readonly undeclared?: { readonly module: string; readonly role: 'SENDER' | 'RECEIVER' };
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  /** Cases that failed only on checks the baseline lists. */
  readonly knownFailures: number;
  /** Warnings: findings of recommended or advice rules that failed, and other warnings. */
  readonly warnings: number;
}

/** One known failure: a check a case is known to fail. */
export interface BaselineEntry {
  readonly case: string;
  readonly check: string;
  /** The OCPI version it is known in; absent: every version the case runs in. */
  readonly version?: OcpiVersion;
  /** Why it is known (a ticket, a decision); kept when the baseline is rewritten. */
  readonly note?: string;
}

/** What a baseline did to a run: the entries that held, those that now pass, those the run could not check. */
export interface BaselineOutcome {
  readonly file: string;
  /** Entries whose check failed again. */
  readonly matched: readonly BaselineEntry[];
  /** Entries whose case ran and whose check did not fail: they can be removed from the file. */
  readonly fixed: readonly BaselineEntry[];
  /** Entries whose case did not run to a verdict (not selected, skipped or errored), or that name no known case. */
  readonly unchecked: readonly BaselineEntry[];
}

/** The outcome of a whole run. */
export interface RunResult {
  readonly tool: { readonly name: string; readonly version: string };
  readonly target: {
    readonly versionsUrl?: string;
    readonly role?: string;
    /** The version tested, or the highest of those tested; absent when nothing was. */
    readonly ocpiVersion?: string;
    /** What the target's versions list named, when the run read it to choose what to test. */
    readonly offeredVersions?: readonly string[];
    /** The versions tested, highest first, in the order they ran. */
    readonly testedVersions: readonly OcpiVersion[];
  };
  /** Why the run tested nothing (no version both sides support): it neither passes nor fails. */
  readonly untested?: string;
  /** Why --role contradicts the roles the target's credentials name: a usage outcome (exit 2); its cases were skipped. */
  readonly roleConflict?: string;
  /** Cases the selection did not name, run because the selected ones need what they establish (a registration...). */
  readonly pulledIn?: readonly string[];
  readonly startedAt: string;
  readonly durationMs: number;
  readonly interrupted: boolean;
  readonly summary: Summary;
  readonly cases: readonly CaseResult[];
  /** When the target stopped accepting the registration's token it had accepted (CRED-09 reports it). */
  readonly revocation?: Revocation;
  /** What the run ended at teardown that its cases had started (a session, a reservation, the registration). */
  readonly teardown: readonly TeardownStep[];
  /** How the baseline (`--baseline`) applied, when one was given. */
  readonly baseline?: BaselineOutcome;
  /** Requests the target made to the tester's endpoint that no case cites as evidence (so the transcript is whole). */
  readonly peerInbound: readonly Exchange[];
}
