import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { pass, warn } from '../../src/checks/finding.js';
import { DeadlineExceededError } from '../../src/runner/case-context.js';
import { defineCase } from '../../src/runner/define-case.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { push } from '../common/round-trip.js';
import { testTerminal } from './payment-objects.js';
import { terminalChangesRefused } from './terminal-changes.js';

// How long the tester waits for the PTP to create the activated Terminal at its Receiver (no time is given, P7).
const ACTIVATION_WAIT_MS = 5000;

// Steps: (1) tester, as the CPO, POSTs an activation to {payments}/terminals/activate: a Terminal of its own without
// terminal_id, with a reference of its own (as an OEM would give it); a refusal in the status_code (a reference the
// PTP does not know) skips; (2) waits up to 5 s for the PTP to POST the created Terminal to the tester's Payments
// Receiver, carrying that reference or none (the object may be just the id); at the end of the run it deactivates that
// Terminal when it carried the reference. Validated: the activation is
// accepted (HTTP 200 or 201, status_code 1000); the Terminal is created at the tester (warns when it does not come: the
// flow says should, with no time). Runs only with --allow-terminal-changes (spec-notes P4).
export default defineCase({
  id: 'PAY-09',
  title: 'An activation makes the PTP create the Terminal at the CPO',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'ptp',
  endpoint: { module: 'payments', role: 'SENDER' },
  requires: ['session', 'endpoints'],
  // The activated Terminal joins the list the Terminals cases crawl, filter and compare: they go first.
  after: ['TERM-01', 'TERM-02', 'TERM-03', 'PAY-05'],
  skipWhen: terminalChangesRefused,
  spec: {
    version: '2.3.0',
    section: 'Payments module, Sender interface, POST Activate Terminal method; Terminal Activation flow',
    rule: 'After an activation request the PTP should create the Terminal at the CPO with a POST of the Terminal object (which may be just its id).',
  },
  severity: 'recommended',
  checks: [...OCPI_RESPONSE_CHECKS, 'payments.activation-creates-terminal'],
  async run(t) {
    const { terminal_id: _none, ...activation } = testTerminal();
    const reference = String(activation['reference']);
    const terminals = endpointUrl(moduleUrl(t, 'payments', 'SENDER'), 'terminals');
    const before = t.peer.inbound.since(0).at(-1)?.seq ?? 0;
    const accepted = await push(t, { method: 'POST', url: endpointUrl(terminals, 'activate'), body: activation }, {
      refusalSkips: (code) => `the PTP refused the activation with status_code ${code}: it may not know the tester's reference ${reference}, which no OEM issued`,
    });
    if (!accepted.ok) return;
    // The POST Terminal method allows the object to be "just the terminal id", so a creation without a reference is
    // taken as this activation's; one with another reference is another terminal's (CiString: compared without case).
    const isCreation = (record: { exchange: { request: { method: string; url: string; body?: unknown } } }): boolean => {
      const { method, url, body } = record.exchange.request;
      if (method !== 'POST' || !/\/payments\/terminals\/*$/.test(new URL(url).pathname)) return false;
      const carried = (body as { reference?: unknown } | undefined)?.reference;
      return carried === undefined || carried === null || (typeof carried === 'string' && carried.toUpperCase() === reference.toUpperCase());
    };
    const created = await t.waitForRequest(`the PTP to create the activated Terminal (reference ${reference}) at the tester`, isCreation, { after: before, timeoutMs: ACTIVATION_WAIT_MS })
      .catch((error: unknown) => { if (error instanceof DeadlineExceededError) return undefined; throw error; });
    if (!created) {
      t.check(warn('payments.activation-creates-terminal', `no Terminal with the reference ${reference} (or without a reference) was POSTed to the tester's Payments Receiver within ${ACTIVATION_WAIT_MS} ms of the activation: after an activation the PTP should create the Terminal at the CPO`, { exchangeId: accepted.response.exchange.id }));
      return;
    }
    const body = created.exchange.request.body as { terminal_id?: unknown; reference?: unknown };
    const id = body.terminal_id;
    const named = typeof body.reference === 'string';
    if (typeof id === 'string' && id !== '') {
      // Only a Terminal that names the tester's reference is surely the tester's: another one is never deactivated.
      const what = named ? `deactivate Terminal ${id}, which PAY-09 activated` : `Terminal ${id}, which PAY-09's activation may have created`;
      t.compensate('PAY-09 terminal', what, async (sender) => {
        if (!named) return `left active: it carried no reference, so the tester cannot tell it from a terminal of the PTP's own; deactivate it by hand if it is the one with the reference ${reference}`;
        const done = await sender.send({ method: 'POST', url: endpointUrl(terminals, id, 'deactivate') });
        return `HTTP ${done.status}`;
      });
    }
    t.check(pass('payments.activation-creates-terminal', `the PTP created Terminal ${String(id)} at the tester ${named ? 'with the activation\'s reference' : 'by its id alone, the first Terminal it POSTed after the activation'}`, { exchangeId: created.exchange.id }));
  },
});
