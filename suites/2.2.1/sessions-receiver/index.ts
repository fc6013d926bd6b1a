import type { CaseDefinition } from '../../../src/runner/define-case.js';

// Filled in by the cases of this module.
export const SESSION_PUSH_CASES: readonly CaseDefinition[] = [];
