import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { postAndReadBack, testConfirmation } from './payment-objects.js';

// Steps: (1) tester, as a PTP, POSTs a new Financial Advice Confirmation of its own to
// {payments}/financial-advice-confirmations, with an authorization_reference of its own (reading P6); (2) GETs it back
// at {payments}/financial-advice-confirmations/{id}. Validated: the POST succeeds (HTTP 200 or 201, status_code 1000);
// the GET returns a valid FinancialAdviceConfirmation equal to the one POSTed. A refusal in the status_code (HTTP 200,
// 2xxx) skips the case: the chapter does not say what a CPO answers to a reference it does not know.
export default defineCase({
  id: 'PAY-02',
  title: 'A Financial Advice Confirmation the PTP POSTs can be read back from the CPO',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'payments', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.3.0',
    section: 'Payments module, Receiver interface, POST and GET Financial Advice Confirmation methods; Financial Advice Confirmation object',
    rule: 'A Financial Advice Confirmation a PTP creates with POST is stored by the CPO, and a GET of its id returns it.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'payments.confirmation-stored-as-posted'],
  async run(t) {
    const confirmation = testConfirmation();
    await postAndReadBack(t, {
      collection: 'financial-advice-confirmations',
      object: confirmation,
      id: String(confirmation['id']),
      schema: 'FinancialAdviceConfirmation',
      check: 'payments.confirmation-stored-as-posted',
      refusalSkips: (code) => `the target refused the confirmation with status_code ${code}; its authorization_reference is the tester's own and names no session of the target, and the chapter does not say how such a reference is answered (reading P6)`,
    });
  },
});
