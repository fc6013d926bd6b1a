import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { patchApplied, push, readBack, storedCopy } from '../common/round-trip.js';
import { laterThan } from '../tokens/test-token.js';
import { storeTestLocation } from './stored-location.js';

// Steps: (1) tester PUTs a Location and GETs it as stored (LOC-PUSH-01 judges that); (2) PATCHes its name and a later last_updated; (3) GETs the Location.
// Validated: the PATCH succeeds; the Location read back is the one stored with the PATCH applied (the patched fields
// changed, every other field as it was).
export default defineCase({
  id: 'LOC-PUSH-02',
  title: 'A Location PATCH with last_updated is applied to the stored Location',
  module: 'locations',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Locations module, Receiver interface, PATCH',
    rule: 'A PATCH of a Location changes the fields it carries, last_updated included, and leaves the others as they were.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_locations.md: eMSP Interface, PATCH Method',
    rule: 'A PATCH of a Location changes the fields it carries and leaves the others as they were (the tester sends last_updated with it, a field of the Location).',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'locations.patch-applied'],
  async run(t) {
    const { location, url } = await storeTestLocation(t);
    const patch = { name: 'ocpi-conformance patched location', last_updated: laterThan(location['last_updated']) };
    const stored = await storedCopy(t, url, location);
    if (!(await push(t, { method: 'PATCH', url, body: patch }, { status: [200] })).ok) return;
    const read = await readBack(t, url, 'Location');
    if (read) t.check(patchApplied(t, 'locations.patch-applied', { put: stored, patch }, read));
  },
});
