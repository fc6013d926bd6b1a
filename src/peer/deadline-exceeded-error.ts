/** A wait for the target that reached its deadline. The message says what was awaited and for how long. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
  readonly code = 'EDEADLINE';
  readonly waitedMs: number;

  constructor(what: string, waitedMs: number) {
    super(`no ${what} within ${waitedMs} ms`);
    this.waitedMs = waitedMs;
  }
}

/** A wait cut short because the run was interrupted. */
export class WaitAbortedError extends Error {
  override readonly name = 'WaitAbortedError';
  readonly code = 'EABORTED';
}
