import type { CaseDefinition } from '../../src/runner/define-case.js';
import peer01 from './peer-01-partner-pulls.js';
import peer02 from './peer-02-partner-pages.js';

/** Cases about what the target did with the tester's own endpoints; they read the peer's record and run late. */
export const PEER_CASES: readonly CaseDefinition[] = [peer01, peer02];
