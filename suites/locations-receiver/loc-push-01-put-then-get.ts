import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { push, readBack, receiverUrl, sameAsSent } from '../common/round-trip.js';
import { testLocation } from '../common/tester-objects.js';

// Steps: (1) tester, as the CPO, PUTs a new Location of its own with EVSEs and Connectors; (2) GETs it back.
// Validated: the PUT succeeds (HTTP 200 or 201, status_code 1000); the GET returns a valid Location equal to the one PUT.
export default defineCase({
  id: 'LOC-PUSH-01',
  title: 'A Location the CPO PUTs can be read back unchanged, EVSEs and Connectors included',
  module: 'locations',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Locations module, Receiver interface, PUT and GET',
    rule: 'A Location pushed with PUT is stored as sent, with its EVSEs and Connectors, and a GET of its URL returns it.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_locations.md: eMSP Interface, PUT Method and GET Method',
    rule: 'A Location pushed with PUT is stored as sent, and a GET of its URL returns it.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'locations.stored-as-put'],
  async run(t) {
    const location = testLocation(t.version);
    const url = receiverUrl(t, 'locations', String(location['id']));
    if (!(await push(t, { method: 'PUT', url, body: location })).ok) return;
    const read = await readBack(t, url, 'Location');
    if (read) t.check(sameAsSent(t, 'locations.stored-as-put', location, read));
  },
});
