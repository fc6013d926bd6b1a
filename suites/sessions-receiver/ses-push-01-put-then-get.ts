import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { push, readBack, receiverUrl, sameAsSent } from '../common/round-trip.js';
import { testSession } from '../common/tester-objects.js';

// Steps: (1) tester, as a CPO, PUTs a new Session of its own (one charging period, a meter_id); (2) GETs it back.
// Validated: the PUT succeeds (HTTP 200 or 201, status_code 1000); the GET returns a valid Session equal to the one PUT.
export default defineCase({
  id: 'SES-PUSH-01',
  title: 'A Session the CPO PUTs can be read back unchanged',
  module: 'sessions',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'sessions', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Sessions module, Receiver interface, PUT and GET',
    rule: 'A Session pushed with PUT is stored as sent, its charging periods included, and a GET of its URL returns it.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_sessions.md: eMSP Interface, PUT Method and GET Method',
    rule: 'A Session pushed with PUT is stored as sent, and a GET of its URL returns it.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'sessions.stored-as-put'],
  async run(t) {
    const session = testSession(t.version);
    const url = receiverUrl(t, 'sessions', String(session['id']));
    if (!(await push(t, { method: 'PUT', url, body: session })).ok) return;
    const read = await readBack(t, url, 'Session');
    if (read) t.check(sameAsSent(t, 'sessions.stored-as-put', session, read));
  },
});
