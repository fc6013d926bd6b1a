import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { pushForCase, readBack } from '../common/round-trip.js';
import { clientInfoUrl, putClientInfo, REPORTED_PARTY, suspend, testClientInfo, updateApplied } from './client-info.js';

// Steps: (1) tester, as a Hub, PUTs a ClientInfo about a made-up party ZZ/OH2, CONNECTED (HCI-01 judges such a PUT);
// (2) PUTs it again, OFFLINE, with a later last_updated (the party went offline); (3) GETs it; (4) cleanup: PUTs it
// SUSPENDED (not judged).
// Validated: the second PUT succeeds (HTTP 200 or 201, status_code 1000); the ClientInfo read back is the second one:
// status OFFLINE and its last_updated.
export default defineCase({
  id: 'HCI-02',
  title: 'A ClientInfo status change pushed with PUT (CONNECTED to OFFLINE) is applied',
  module: 'hubclientinfo',
  versions: ['2.2.1', '2.3.0'],
  endpoint: { module: 'hubclientinfo', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: citedAlike({
    version: '2.2.1',
    section: 'HubClientInfo module, Flow and Life-cycle, Push model; Receiver interface, PUT and GET methods',
    rule: 'A Hub sends every change of a ClientInfo with a PUT of the updated object; the connected party then holds the updated ClientInfo, which a GET returns.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'hubclientinfo.update-applied'],
  async run(t) {
    const connected = testClientInfo(t, REPORTED_PARTY['HCI-02'], 'CONNECTED', 60);
    const offline = testClientInfo(t, REPORTED_PARTY['HCI-02'], 'OFFLINE', 30);
    const url = clientInfoUrl(t, connected);
    try {
      await pushForCase(t, { method: 'PUT', url, body: connected }, 'HCI-01');
      if (!(await putClientInfo(t, offline))) return;
      const read = await readBack(t, url, 'ClientInfo');
      if (read) t.check(updateApplied(t, 'hubclientinfo.update-applied', { before: connected, after: offline }, read));
    } finally {
      await suspend(t, connected);
    }
  },
});
