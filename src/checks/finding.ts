/** One labelled difference between what a rule expects and what the target sent. */
export interface DiffEntry {
  /** JSON Pointer into the compared value ('' for the value itself). */
  readonly path: string;
  readonly kind: 'changed' | 'missing' | 'unexpected';
  readonly expected?: unknown;
  readonly actual?: unknown;
}

/** The verdict of one check on one piece of evidence. Non-conformance is data, never an exception. */
export interface Finding {
  /** The check's id, e.g. `envelope.status-code`: names what it asserts. */
  readonly check: string;
  readonly status: 'pass' | 'fail' | 'warn';
  readonly message: string;
  /** JSON Pointer to the offending value, within the exchange body when `exchangeId` is set. */
  readonly at?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly diff?: readonly DiffEntry[];
  readonly exchangeId?: string;
  /**
   * The same failure found again elsewhere (other objects, other pages), folded into this one so that one broken
   * rule is one failure: each with its place and evidence, so the JSON report still holds every one.
   */
  readonly repeats?: readonly { readonly at?: string; readonly exchangeId?: string }[];
}

/** Builds a passing finding. */
export function pass(check: string, message: string, extra: Partial<Finding> = {}): Finding {
  return Object.freeze({ ...extra, check, status: 'pass', message });
}

/** Builds a failing finding. */
export function fail(check: string, message: string, extra: Partial<Finding> = {}): Finding {
  return Object.freeze({ ...extra, check, status: 'fail', message });
}

/** Builds a warning: reported, never fails the run. */
export function warn(check: string, message: string, extra: Partial<Finding> = {}): Finding {
  return Object.freeze({ ...extra, check, status: 'warn', message });
}

/** The same finding as a warning when it failed: for a rule the spec words as a SHOULD inside a case of MUSTs. */
export function asWarning(finding: Finding): Finding {
  return finding.status === 'fail' ? Object.freeze({ ...finding, status: 'warn' as const }) : finding;
}
