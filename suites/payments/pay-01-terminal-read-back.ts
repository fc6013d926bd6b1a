import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { postAndReadBack, testTerminal } from './payment-objects.js';

// Steps: (1) tester, as a PTP, POSTs a new Terminal of its own to {payments}/terminals (every optional field but the
// assignments); (2) GETs it back at {payments}/terminals/{terminal_id}. Validated: the POST succeeds (HTTP 200 or 201,
// status_code 1000); the GET returns a valid Terminal equal to the one POSTed.
export default defineCase({
  id: 'PAY-01',
  title: 'A Terminal the PTP POSTs can be read back from the CPO',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'payments', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.3.0',
    section: 'Payments module, Receiver interface, POST Terminal and GET Terminal methods; Terminal object',
    rule: 'A Terminal a PTP creates with POST is stored by the CPO, and a GET of its terminal_id returns it.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'payments.terminal-stored-as-posted'],
  async run(t) {
    const terminal = testTerminal();
    await postAndReadBack(t, { collection: 'terminals', object: terminal, id: String(terminal['terminal_id']), schema: 'Terminal', check: 'payments.terminal-stored-as-posted' });
  },
});
