import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { patchApplied, push, readBack, storedCopy } from '../common/round-trip.js';
import { storeTestLocation } from './stored-location.js';

// Steps: (1) tester PUTs a Location and GETs it as stored (LOC-PUSH-01 judges that); (2) PATCHes its name, without
// last_updated; (3) GETs it.
// Validated: the PATCH succeeds (HTTP 200, status_code 1000); the Location read back is the one stored with the PATCH
// applied (the name changed, every other field as it was; last_updated may have moved with the change).
export default defineCase({
  id: 'LOC-PUSH-08',
  title: 'A Location PATCH without last_updated is applied (2.1.1)',
  module: 'locations',
  versions: ['2.1.1'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.1.1',
    section: 'transport_and_format.md: PATCH; mod_locations.md: eMSP Interface, PATCH Method',
    rule: 'A 2.1.1 PATCH carries only the fields it changes, last_updated not among those it must carry: a Receiver applies it like any other.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'locations.patch-applied'],
  async run(t) {
    const { location, url } = await storeTestLocation(t);
    const patch = { name: 'ocpi-conformance patched location' };
    const stored = await storedCopy(t, url, location);
    if (!(await push(t, { method: 'PATCH', url, body: patch }, { status: [200] })).ok) return;
    const read = await readBack(t, url, 'Location');
    // The Receiver may stamp the change with a last_updated of its own: that field is not judged.
    if (read) t.check(patchApplied(t, 'locations.patch-applied', { put: stored, patch: { ...patch, last_updated: read.stored['last_updated'] } }, read));
  },
});
