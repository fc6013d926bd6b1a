import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { patchApplied, push, readBack, storedCopy } from '../common/round-trip.js';
import { laterThan } from '../tokens/test-token.js';
import { locationParent, parentsUpdated } from './parents-updated.js';
import { storeTestLocation } from './stored-location.js';

// Steps: (1) tester PUTs a Location and GETs its first EVSE as stored; (2) PATCHes the status of its first EVSE and a later last_updated at the EVSE's
// URL; (3) GETs the EVSE; (4) GETs the Location.
// Validated: the PATCH succeeds; the EVSE read back is the one stored with the PATCH applied; the Location's
// last_updated is the PATCH's.
export default defineCase({
  id: 'LOC-PUSH-03',
  title: 'An EVSE PATCH is applied and sets the last_updated of its Location',
  module: 'locations',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Locations module, Receiver interface, PATCH',
    rule: 'A PATCH of an EVSE changes the fields it carries, and the Receiver gives the EVSE\'s Location the PATCH\'s last_updated.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_locations.md: eMSP Interface, PATCH Method; Location Object (last_updated)',
    rule: 'A PATCH of an EVSE changes the fields it carries; the Location\'s last_updated, which covers its EVSEs, should not be older than the change.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'locations.patch-applied', 'locations.parents-updated'],
  async run(t) {
    const { location, url, evse, evseUrl } = await storeTestLocation(t);
    const patch = { status: evse['status'] === 'CHARGING' ? 'AVAILABLE' : 'CHARGING', last_updated: laterThan(location['last_updated']) };
    const stored = await storedCopy(t, evseUrl, evse);
    if (!(await push(t, { method: 'PATCH', url: evseUrl, body: patch }, { status: [200] })).ok) return;
    const readEvse = await readBack(t, evseUrl, 'EVSE');
    if (readEvse) t.check(patchApplied(t, 'locations.patch-applied', { put: stored, patch }, readEvse));
    const readLocation = await readBack(t, url, 'Location');
    if (readLocation) {
      t.check(parentsUpdated('locations.parents-updated', patch.last_updated, [locationParent(readLocation)], readLocation, t.version));
    }
  },
});
