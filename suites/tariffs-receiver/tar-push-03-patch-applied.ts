import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { patchApplied, pushForCase, push, readBack, receiverUrl, storedCopy } from '../common/round-trip.js';
import { testTariff } from '../common/tester-objects.js';
import { laterThan } from '../tokens/test-token.js';

// Steps: (1) tester PUTs a new Tariff of its own and GETs it as stored (TAR-PUSH-01 judges that); (2) PATCHes its
// tariff_alt_url and a later last_updated; (3) GETs it.
// Validated: the PATCH succeeds (HTTP 200, status_code 1000); the Tariff read back is the one stored with the PATCH
// applied (the patched fields changed, every other field as it was).
export default defineCase({
  id: 'TAR-PUSH-03',
  title: 'A Tariff PATCH is applied to the stored Tariff (2.1.1)',
  module: 'tariffs',
  versions: ['2.1.1'],
  targetRole: 'emsp',
  endpoint: { module: 'tariffs', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.1.1',
    section: 'mod_tariffs.md: eMSP Interface, PATCH Method',
    rule: 'The 2.1.1 Tariffs Receiver takes PATCH (2.2 removed it): a PATCH changes the fields it carries and leaves the others as they were.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tariffs.patch-applied'],
  async run(t) {
    const tariff = testTariff(t.version);
    const url = receiverUrl(t, 'tariffs', String(tariff['id']));
    await pushForCase(t, { method: 'PUT', url, body: tariff }, 'TAR-PUSH-01');
    const patch = { tariff_alt_url: 'https://ocpi-conformance.invalid/tariffs/patched', last_updated: laterThan(tariff['last_updated']) };
    const stored = await storedCopy(t, url, tariff);
    if (!(await push(t, { method: 'PATCH', url, body: patch }, { status: [200] })).ok) return;
    const read = await readBack(t, url, 'Tariff');
    if (read) t.check(patchApplied(t, 'tariffs.patch-applied', { put: stored, patch }, read));
  },
});
