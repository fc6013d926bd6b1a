import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { patchApplied, push, readBack } from '../common/round-trip.js';
import { testerId } from '../common/tester-objects.js';
import { crawledTerminal, servedBefore, terminalChangesRefused } from './terminal-changes.js';

// Steps: (0) tester GETs the first crawled Terminal; (1) as the CPO, it PATCHes the first crawled Terminal's location_ids to one Location id of its own (a
// Location no charger has); at the end of the run, whatever happened, it PATCHes the Terminal's old location_ids back;
// (2) GETs the Terminal. Validated: the PATCH is accepted (HTTP 200, status_code 1000) and the Terminal read back is
// the one the PTP's GET served before it, with the PATCH applied. Runs only with --allow-terminal-changes (spec-notes P4).
export default defineCase({
  id: 'PAY-07',
  title: 'A PATCH assigning Locations to a Terminal is applied by the PTP',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'ptp',
  endpoint: { module: 'payments', role: 'SENDER' },
  requires: ['session', 'endpoints', 'terminalsList'],
  // It changes a Terminal of the list the Terminals cases crawl and filter, and the one PAY-05 compares with it.
  after: ['TERM-01', 'TERM-02', 'TERM-03', 'PAY-05'],
  skipWhen: terminalChangesRefused,
  spec: {
    version: '2.3.0',
    section: 'Payments module, Sender interface, PATCH Terminal method',
    rule: 'A CPO assigns location_ids and evse_uids to a Terminal with a PATCH; the PTP applies it, so its GET shows the assignment.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'payments.terminal-patch-applied'],
  async run(t) {
    const { terminal, id, url } = crawledTerminal(t);
    const before = Array.isArray(terminal['location_ids']) ? terminal['location_ids'] : [];
    t.compensate('PAY-07 location_ids', `PATCH Terminal ${id} back to its location_ids ${JSON.stringify(before)}`, async (sender) => {
      const restored = await sender.send({ method: 'PATCH', url, body: { location_ids: before, last_updated: ocpiNow() } });
      return `HTTP ${restored.status}`;
    });
    const { served } = await servedBefore(t, url, terminal);
    const patch = { location_ids: [testerId('LOC')], last_updated: ocpiNow() };
    if (!(await push(t, { method: 'PATCH', url, body: patch })).ok) return;
    const read = await readBack(t, url, 'Terminal');
    if (read) t.check(patchApplied(t, 'payments.terminal-patch-applied', { put: served, patch }, read));
  },
});
