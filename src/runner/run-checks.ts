/** A redirect the tester followed to answer a request: reported as a warning by whichever case met it. */
export const REDIRECT_CHECK = 'http.redirected';

/** Checks the runner itself may report in any case, whatever the case is about; every case declares them. */
export const RUN_CHECKS: readonly string[] = [REDIRECT_CHECK];
