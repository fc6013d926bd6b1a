import type { CaseDefinition } from '../../src/runner/define-case.js';
import inAll01 from './in-all-01-declared-endpoints-only.js';
import inAuth01 from './in-auth-01-real-time-authorization.js';
import inCmd01 from './in-cmd-01-start-session-sent.js';
import inCmd02 from './in-cmd-02-late-rejected-result.js';
import inCpr01 from './in-cpr-01-charging-profile-sent.js';
import inLoc01 from './in-loc-01-pushed-location.js';
import inLoc02 from './in-loc-02-evse-status-pushed.js';
import inSes01 from './in-ses-01-driver-session.js';
import inTar01 from './in-tar-01-pushed-tariff.js';
import inTok01 from './in-tok-01-pushed-token.js';

/** Cases where the target acts on request (a trigger, docs/triggers.md) and the tester judges what arrives at its endpoint. */
export const INBOUND_CASES: readonly CaseDefinition[] = [inLoc01, inLoc02, inTar01, inSes01, inCmd01, inCmd02, inCpr01, inTok01, inAuth01, inAll01];
