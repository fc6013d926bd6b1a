// The builders checks and cases make their findings with; the Finding type itself is plain data in src/model/.
import type { Finding } from '../model/finding.js';

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
