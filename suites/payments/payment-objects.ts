import type { CaseContext } from '../../src/runner/case-context.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { push, readBack, sameAsSent } from '../common/round-trip.js';
import { testerId, type TesterObject } from '../common/tester-objects.js';

/** The two collections of a CPO's Payments Receiver, under its declared `payments` URL (reading P1). */
export type PaymentsCollection = 'terminals' | 'financial-advice-confirmations';

/** The URL of a collection of the target's Payments Receiver, or of one object in it (P5: addressed by its id alone). */
export function paymentsUrl(t: CaseContext, collection: PaymentsCollection, id?: string): string {
  const base = moduleUrl(t, 'payments', 'RECEIVER');
  return id === undefined ? endpointUrl(base, collection) : endpointUrl(base, collection, id);
}

/**
 * A Terminal of the tester's, as a PTP creates a newly shipped one: every optional field set except the Location and
 * EVSE assignments (the CPO makes those) and party_id/country_code (an alternative to customer_reference). Its ids
 * start with OCT and it says it is a conformance test's; with no Location assigned it takes no payment anywhere.
 */
export function testTerminal(): TesterObject {
  return {
    terminal_id: testerId('TERM'),
    customer_reference: 'OCT-CONFORMANCE-TEST',
    address: 'ocpi-conformance test terminal 1',
    city: 'Testville',
    postal_code: '0000 OC',
    state: 'Test',
    country: 'NLD',
    coordinates: { latitude: '52.370216', longitude: '4.895168' },
    invoice_base_url: 'https://ocpi-conformance.invalid/invoices',
    invoice_creator: 'PTP',
    reference: testerId('REF'),
    last_updated: ocpiNow(),
  };
}

/**
 * A Financial Advice Confirmation of the tester's, for an authorization_reference of its own that no session carries
 * (reading P6): a record no invoice can be built from. Its eft_data says no payment was captured.
 */
export function testConfirmation(): TesterObject {
  return {
    id: testerId('FAC'),
    authorization_reference: testerId('AUTH'),
    total_costs: { before_taxes: 10.5, taxes: [{ name: 'VAT', percentage: 21, amount: 2.21 }] },
    currency: 'EUR',
    eft_data: ['ocpi-conformance test', 'no payment was captured'],
    capture_status_code: 'SUCCESS',
    capture_status_message: 'ocpi-conformance test confirmation',
    last_updated: ocpiNow(),
  };
}

/**
 * POSTs one of the tester's objects to a collection of the target's Payments Receiver and reads it back by its id:
 * the POST succeeds, and the object read back is the one sent (`check`).
 */
export async function postAndReadBack(t: CaseContext, what: { collection: PaymentsCollection; object: TesterObject; id: string; schema: string; check: string; refusalSkips?: (code: number) => string }): Promise<void> {
  const pushed = await push(t, { method: 'POST', url: paymentsUrl(t, what.collection), body: what.object }, what.refusalSkips ? { refusalSkips: what.refusalSkips } : {});
  if (!pushed.ok) return;
  const read = await readBack(t, paymentsUrl(t, what.collection, what.id), what.schema);
  if (read) t.check(sameAsSent(t, what.check, what.object, read, 'POSTed'));
}
