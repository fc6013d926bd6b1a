import type { CaseDefinition } from '../../src/runner/define-case.js';
import tokAuth01 from './tok-auth-01-valid-token-allowed.js';
import tokAuth02 from './tok-auth-02-without-location.js';
import tokAuth03 from './tok-auth-03-invalid-token-refused.js';
import tokAuth04 from './tok-auth-04-unknown-token.js';

/** The cases of the eMSP's Tokens Sender beyond its list: real-time authorization, the tester playing the CPO. */
export const AUTHORIZE_CASES: readonly CaseDefinition[] = [tokAuth01, tokAuth02, tokAuth03, tokAuth04];
