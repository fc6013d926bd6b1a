import { checkStatusCode } from '../../../src/checks/envelope.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest } from '../../../src/runner/module-request.js';
import { receiverUrl } from '../common/round-trip.js';
import { testLocation } from '../common/tester-objects.js';

// Steps: (1) tester PUTs a new Location to its own URL, but with another party_id in the body. Validated: status_code 2001.
export default defineCase({
  id: 'LOC-PUSH-06',
  title: 'A Location whose party_id differs from its URL is refused with 2001',
  module: 'locations',
  versions: ['2.2.1'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Transport and format, client owned object push, errors; Locations module, Receiver interface, PUT',
    rule: 'The country_code and party_id in the URL of a pushed Location equal those in its body; a mismatch is answered with status_code 2001.',
  },
  severity: 'required',
  checks: ['locations.url-matches-body'],
  async run(t) {
    const location = testLocation();
    const response = await moduleRequest(t, { method: 'PUT', url: receiverUrl(t, 'locations', String(location['id'])), body: { ...location, party_id: 'OCX' } });
    t.check(checkStatusCode(response.exchange, { expected: 2001, check: 'locations.url-matches-body', because: 'the body names party OCX while the URL names OCT' }));
  },
});
