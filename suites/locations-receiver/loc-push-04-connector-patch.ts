import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { patchApplied, push, readBack, storedCopy } from '../common/round-trip.js';
import { laterThan } from '../tokens/test-token.js';
import { evseParent, locationParent, parentsUpdated } from './parents-updated.js';
import { storeTestLocation } from './stored-location.js';

// Steps: (1) tester PUTs a Location and GETs the first Connector of its first EVSE as stored; (2) PATCHes max_amperage and a later last_updated of the first Connector of its
// first EVSE at the Connector's URL; (3) GETs the Connector; (4) GETs the Location.
// Validated: the PATCH succeeds; the Connector read back is the one stored with the PATCH applied; the EVSE and the Location in the Location read
// back carry the PATCH's last_updated.
export default defineCase({
  id: 'LOC-PUSH-04',
  title: 'A Connector PATCH is applied and sets the last_updated of its EVSE and Location',
  module: 'locations',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Locations module, Receiver interface, PATCH',
    rule: 'A PATCH of a Connector changes the fields it carries, and the Receiver gives the Connector\'s EVSE and Location the PATCH\'s last_updated.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_locations.md: eMSP Interface, PATCH Method; Location Object (last_updated)',
    rule: 'A PATCH of a Connector changes the fields it carries; the last_updated of its EVSE and Location, which cover it, should not be older than the change.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'locations.patch-applied', 'locations.parents-updated'],
  async run(t) {
    const { location, url, evse, connector, connectorUrl } = await storeTestLocation(t);
    // The field is amperage in 2.1.1, max_amperage from 2.2 on.
    const amperage = t.version === '2.1.1' ? 'amperage' : 'max_amperage';
    const patch = { [amperage]: connector[amperage] === 32 ? 16 : 32, last_updated: laterThan(location['last_updated']) };
    const stored = await storedCopy(t, connectorUrl, connector);
    if (!(await push(t, { method: 'PATCH', url: connectorUrl, body: patch }, { status: [200] })).ok) return;
    const readConnector = await readBack(t, connectorUrl, 'Connector');
    if (readConnector) t.check(patchApplied(t, 'locations.patch-applied', { put: stored, patch }, readConnector));
    const readLocation = await readBack(t, url, 'Location');
    if (!readLocation) return;
    const parents = [evseParent(readLocation, String(evse['uid'])), locationParent(readLocation)];
    t.check(parentsUpdated('locations.parents-updated', patch.last_updated, parents, readLocation, t.version));
  },
});
