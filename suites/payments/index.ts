import type { CaseDefinition } from '../../src/runner/define-case.js';
import pay01 from './pay-01-terminal-read-back.js';
import pay02 from './pay-02-confirmation-read-back.js';
import pay03 from './pay-03-unknown-terminal.js';
import pay04 from './pay-04-cpo-terminal-requests.js';
import pay05 from './pay-05-terminal-matches-list.js';
import pay06 from './pay-06-confirmation-matches-list.js';
import pay07 from './pay-07-terminal-patch-applied.js';
import pay08 from './pay-08-terminal-put-applied.js';
import pay09 from './pay-09-activation-creates-terminal.js';
import pay10 from './pay-10-unknown-ptp-terminal.js';
import pay11 from './pay-11-ptp-posts.js';

/** The cases against a CPO's Payments Receiver (OCPI 2.3.0), the tester playing the Payment Terminal Provider. */
export const PAYMENTS_CASES: readonly CaseDefinition[] = [pay01, pay02, pay03, pay04];

/** The cases against a Payment Terminal Provider's Payments Sender (OCPI 2.3.0), the tester playing the CPO (the lists: TERM, FAC). */
export const PTP_PAYMENTS_CASES: readonly CaseDefinition[] = [pay05, pay06, pay07, pay08, pay09, pay10, pay11];
