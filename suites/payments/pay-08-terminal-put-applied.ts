import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { push, readBack, sameAsSent } from '../common/round-trip.js';
import { crawledTerminal, servedBefore, terminalChangesRefused } from './terminal-changes.js';

// Steps: (1) tester, as the CPO, PUTs the first crawled Terminal with another customer_reference (the rest as crawled);
// at the end of the run, whatever happened, it PUTs the Terminal as crawled back; (2) GETs the Terminal. Validated: the
// PUT is accepted (HTTP 200, status_code 1000) and the Terminal read back is the one PUT. Runs only with
// --allow-terminal-changes (spec-notes P4). A field the PTP's GET served otherwise than its list before the PUT is
// left to PAY-05 (one root cause, one failure).
export default defineCase({
  id: 'PAY-08',
  title: 'A Terminal the CPO PUTs is stored by the PTP as sent',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'ptp',
  endpoint: { module: 'payments', role: 'SENDER' },
  requires: ['session', 'endpoints', 'terminalsList'],
  // It changes the Terminal PAY-05 compares with the list and PAY-07 patches.
  after: ['TERM-01', 'TERM-02', 'TERM-03', 'PAY-05', 'PAY-07'],
  skipWhen: terminalChangesRefused,
  spec: {
    version: '2.3.0',
    section: 'Payments module, Sender interface, PUT Terminal method',
    rule: 'A CPO updates a Terminal (its location data) with a PUT of the whole object; the PTP stores it, so its GET serves it.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'payments.terminal-put-applied'],
  async run(t) {
    const { terminal, id, url } = crawledTerminal(t);
    t.compensate('PAY-08 terminal', `PUT Terminal ${id} back as crawled`, async (sender) => {
      const restored = await sender.send({ method: 'PUT', url, body: { ...terminal, last_updated: ocpiNow() } });
      return `HTTP ${restored.status}`;
    });
    // A field the PTP's GET already served otherwise than its list is PAY-05's failure, not this PUT's.
    const { stale } = await servedBefore(t, url, terminal);
    const changed = { ...terminal, customer_reference: 'OCT-CONFORMANCE-TEST', last_updated: ocpiNow() };
    if (!(await push(t, { method: 'PUT', url, body: changed })).ok) return;
    const read = await readBack(t, url, 'Terminal');
    if (read) t.check(sameAsSent(t, 'payments.terminal-put-applied', changed, read, 'PUT', stale));
  },
});
