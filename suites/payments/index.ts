import type { CaseDefinition } from '../../src/runner/define-case.js';
import pay01 from './pay-01-terminal-read-back.js';
import pay02 from './pay-02-confirmation-read-back.js';
import pay03 from './pay-03-unknown-terminal.js';

/** The cases against a CPO's Payments Receiver (OCPI 2.3.0), the tester playing the Payment Terminal Provider. */
export const PAYMENTS_CASES: readonly CaseDefinition[] = [pay01, pay02, pay03];
