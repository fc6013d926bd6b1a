import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { readBack, sameAsSent } from '../common/round-trip.js';
import { clientInfoUrl, putClientInfo, REPORTED_PARTY, suspend, testClientInfo } from './client-info.js';

// Steps: (1) tester, as a Hub, PUTs a ClientInfo about a made-up party ZZ/OH1 (CONNECTED, last updated a minute ago)
// to {url}/ZZ/OH1; (2) GETs it back at the same URL; (3) cleanup: PUTs it SUSPENDED (not judged).
// Validated: the PUT succeeds (HTTP 200 or 201, status_code 1000); the GET returns a valid ClientInfo equal to the one
// PUT (CiStrings without case, last_updated by instant). A refusal in the status_code skips (a party may take
// ClientInfo from its own Hub only).
export default defineCase({
  id: 'HCI-01',
  title: 'A ClientInfo pushed to the Receiver reads back equal',
  module: 'hubclientinfo',
  versions: ['2.2.1', '2.3.0'],
  endpoint: { module: 'hubclientinfo', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: citedAlike({
    version: '2.2.1',
    section: 'HubClientInfo module, Receiver interface, PUT and GET methods',
    rule: 'A Hub pushes a new or updated ClientInfo with PUT to {url}/{country_code}/{party_id}; a GET of that URL returns the ClientInfo as the connected party stored it, and the Hub owns it, so it holds what was pushed.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'hubclientinfo.stored-as-put'],
  async run(t) {
    const clientInfo = testClientInfo(t, REPORTED_PARTY['HCI-01'], 'CONNECTED', 60);
    try {
      if (!(await putClientInfo(t, clientInfo))) return;
      const read = await readBack(t, clientInfoUrl(t, clientInfo), 'ClientInfo');
      if (read) t.check(sameAsSent(t, 'hubclientinfo.stored-as-put', clientInfo, read));
    } finally {
      await suspend(t, clientInfo);
    }
  },
});
