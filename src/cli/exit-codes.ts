import type { Summary } from '../model/case-result.js';
import type { StopReason } from './cli-io.js';

/** The documented exit codes (README, DESIGN §4). */
export const EXIT = Object.freeze({
  /** Every required check passed. */
  ok: 0,
  /** Conformance failures. */
  failures: 1,
  /** Usage or configuration error. */
  usage: 2,
  /** Target unreachable or tester error. */
  error: 3,
  /** Nothing could be tested: the target offers no OCPI version the selected cases cover. Neither a pass nor a failure. */
  nothingTested: 4,
  /** Nothing checked: every selected case was skipped (their reasons say why). Neither a pass nor a failure. */
  nothingChecked: 5,
  /** Interrupted by SIGINT (a partial report is still written); 128 + the signal number, as shells report it. */
  interrupted: 130,
  /** Stopped by SIGTERM (a partial report is still written). */
  terminated: 143,
  /** Stopped by SIGHUP, the terminal closing (a partial report is still written). */
  hangup: 129,
});

/** The exit code of a run stopped for `reason`: the signal's, or 3 for an internal error. */
export function stoppedExitCode(reason: StopReason | 'fail-fast'): number {
  // --fail-fast stops the run at its first failure: the run failed, whatever it did not reach.
  if (reason === 'fail-fast') return EXIT.failures;
  if (reason === 'SIGTERM') return EXIT.terminated;
  if (reason === 'SIGHUP') return EXIT.hangup;
  if (reason === 'internal-error') return EXIT.error;
  return EXIT.interrupted;
}

/** The exit code a finished run ends with; `untested` when it could test nothing (see RunResult.untested). */
export function exitCodeFor(summary: Summary, interrupted: boolean, reason: StopReason | 'fail-fast' = 'SIGINT', untested = false, checkedNothing = false): number {
  if (interrupted) return stoppedExitCode(reason);
  if (untested) return EXIT.nothingTested;
  if (summary.errored > 0) return EXIT.error;
  if (summary.failed > 0) return EXIT.failures;
  if (checkedNothing) return EXIT.nothingChecked;
  return EXIT.ok;
}
