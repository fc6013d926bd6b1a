import { checkStatusCode } from '../../../src/checks/envelope.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest } from '../../../src/runner/module-request.js';
import { storeTestLocation } from './stored-location.js';

// Steps: (1) tester PUTs a Location; (2) PATCHes its name without last_updated. Validated: status_code 2001.
export default defineCase({
  id: 'LOC-PUSH-05',
  title: 'A Location PATCH without last_updated is refused with 2001',
  module: 'locations',
  versions: ['2.2.1'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Locations module, Receiver interface, PATCH; Status codes',
    rule: 'Every PATCH carries last_updated; one without it is answered with status_code 2001 (invalid or missing parameters).',
  },
  // The SHALL that a PATCH carries last_updated binds the sender; 2001 (invalid or missing parameters) is the advised answer.
  severity: 'recommended',
  checks: ['locations.patch-needs-last-updated'],
  async run(t) {
    const { url } = await storeTestLocation(t);
    const patched = await moduleRequest(t, { method: 'PATCH', url, body: { name: 'ocpi-conformance patch without last_updated' } });
    t.check(checkStatusCode(patched.exchange, { expected: 2001, check: 'locations.patch-needs-last-updated', because: 'a PATCH without last_updated is invalid' }));
  },
});
