import type { CaseDefinition } from '../../src/runner/define-case.js';
import sesPush01 from './ses-push-01-put-then-get.js';
import sesPush02 from './ses-push-02-patch-adds-periods.js';

/** The cases against an eMSP's Sessions Receiver, the tester pushing as a CPO. */
export const SESSION_PUSH_CASES: readonly CaseDefinition[] = [sesPush01, sesPush02];
