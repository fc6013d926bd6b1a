import type { CaseDefinition } from '../../src/runner/define-case.js';
import hci01 from './hci-01-put-then-get.js';
import hci02 from './hci-02-status-change.js';

/** The cases against a party's Hub Client Info Receiver, the tester pushing as a Hub (2.2.1, 2.3.0). */
export const HUB_CLIENT_INFO_CASES: readonly CaseDefinition[] = [hci01, hci02];
