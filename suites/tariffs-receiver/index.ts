import type { CaseDefinition } from '../../src/runner/define-case.js';
import tarPush01 from './tar-push-01-put-then-get.js';
import tarPush02 from './tar-push-02-delete.js';
import tarPush03 from './tar-push-03-patch-applied.js';

/** The cases against an eMSP's Tariffs Receiver, the tester pushing as a CPO. */
export const TARIFF_PUSH_CASES: readonly CaseDefinition[] = [tarPush01, tarPush02, tarPush03];
