import type { CaseDefinition } from '../../src/runner/define-case.js';
import locPush01 from './loc-push-01-put-then-get.js';
import locPush02 from './loc-push-02-location-patch.js';
import locPush03 from './loc-push-03-evse-patch.js';
import locPush04 from './loc-push-04-connector-patch.js';
import locPush05 from './loc-push-05-patch-needs-last-updated.js';
import locPush06 from './loc-push-06-url-matches-body.js';
import locPush07 from './loc-push-07-removed-evse-kept.js';
import locPush08 from './loc-push-08-patch-without-last-updated.js';
import ext02 from './ext-02-unknown-field-accepted.js';
import ext04 from './ext-04-unlisted-open-enum-values.js';

/** The cases against an eMSP's Locations Receiver, the tester playing the CPO that pushes its Locations. */
export const LOCATION_PUSH_CASES: readonly CaseDefinition[] = [locPush01, locPush02, locPush03, locPush04, locPush05, locPush06, locPush07, locPush08, ext02, ext04];
