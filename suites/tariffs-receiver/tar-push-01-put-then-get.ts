import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { push, readBack, receiverUrl, sameAsSent } from '../common/round-trip.js';
import { testTariff } from '../common/tester-objects.js';

// Steps: (1) tester, as a CPO, PUTs a new Tariff of its own (with tariff_alt_text); (2) GETs it back at the same URL.
// Validated: the PUT succeeds (HTTP 200 or 201, status_code 1000); the GET returns a valid Tariff equal to the one PUT.
export default defineCase({
  id: 'TAR-PUSH-01',
  title: 'A Tariff the CPO PUTs can be read back unchanged',
  module: 'tariffs',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'tariffs', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Tariffs module, Receiver interface, PUT and GET',
    rule: 'A Tariff pushed with PUT is stored as sent, and a GET of its URL returns it as the eMSP stored it.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_tariffs.md: eMSP Interface, PUT Method and GET Method',
    rule: 'A Tariff pushed with PUT is stored as sent, and a GET of its URL returns it.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tariffs.stored-as-put'],
  async run(t) {
    const tariff = testTariff(t.version);
    const url = receiverUrl(t, 'tariffs', String(tariff['id']));
    if (!(await push(t, { method: 'PUT', url, body: tariff })).ok) return;
    const read = await readBack(t, url, 'Tariff');
    if (read) t.check(sameAsSent(t, 'tariffs.stored-as-put', tariff, read));
  },
});
