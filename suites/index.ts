import type { CaseDefinition } from '../src/runner/define-case.js';
import ver01 from './2.2.1/versions/ver-01-versions-list.js';
import ver02 from './2.2.1/versions/ver-02-version-details.js';
import ver03 from './2.2.1/versions/ver-03-request-ids-echoed.js';
import ver04 from './2.2.1/versions/ver-04-unknown-token-refused.js';
import ver05 from './2.2.1/versions/ver-05-missing-token-refused.js';
import cred01 from './2.2.1/credentials/cred-01-callback-failure.js';
import cred02 from './2.2.1/credentials/cred-02-register.js';
import cred03 from './2.2.1/credentials/cred-03-get-credentials.js';
import cred04 from './2.2.1/credentials/cred-04-second-post-refused.js';
import cred05 from './2.2.1/credentials/cred-05-rotate.js';
import cred06 from './2.2.1/credentials/cred-06-unregister.js';
import cred07 from './2.2.1/credentials/cred-07-target-registers.js';
import cred08 from './2.2.1/credentials/cred-08-given-token.js';

/** Every conformance case, in the order runs list them. */
export const ALL_CASES: readonly CaseDefinition[] = Object.freeze([
  cred07,
  ver01,
  ver02,
  ver03,
  ver04,
  ver05,
  cred08,
  cred01,
  cred02,
  cred03,
  cred04,
  cred05,
  cred06,
]);
