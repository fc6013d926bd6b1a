import type { Summary } from '../runner/case-result.js';

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
  /** Interrupted (a partial report is still written). */
  interrupted: 130,
});

/** The exit code a finished run ends with. */
export function exitCodeFor(summary: Summary, interrupted: boolean): number {
  if (interrupted) return EXIT.interrupted;
  if (summary.errored > 0) return EXIT.error;
  if (summary.failed > 0) return EXIT.failures;
  return EXIT.ok;
}
