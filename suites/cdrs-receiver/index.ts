import type { CaseDefinition } from '../../src/runner/define-case.js';
import cdrPush01 from './cdr-push-01-post-then-get.js';
import cdrPush02 from './cdr-push-02-credit-cdr.js';

/** The cases against an eMSP's CDRs Receiver, the tester pushing as a CPO. */
export const CDR_PUSH_CASES: readonly CaseDefinition[] = [cdrPush01, cdrPush02];
