import { checkStatusCode } from '../../src/checks/envelope.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { receiverUrl } from '../common/round-trip.js';
import { testLocation } from '../common/tester-objects.js';

// Steps: (1) tester PUTs a new Location to its own URL, but with another id in the body. Validated: status_code 2001, as
// the spec advises. (The SHALL that URL and body name the same party binds the sender, the tester; what a receiver
// answers to a party mismatch is not prescribed, so it is not judged.)
export default defineCase({
  id: 'LOC-PUSH-06',
  title: 'A Location whose id differs from its URL is refused with 2001',
  module: 'locations',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Transport and format, client owned object push, errors; Locations module, Receiver interface, PUT',
    rule: 'When the object id in the URL of a pushed Client Owned Object differs from the id in its body, the server is advised to answer with status_code 2001.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'transport_and_format.md: Client owned object push, Errors; mod_locations.md: eMSP Interface, PUT Method',
    rule: 'When the object id in the URL of a pushed Client Owned Object differs from the id in its body, the server is advised to answer with status_code 2001.',
  }],
  severity: 'recommended',
  checks: ['locations.url-matches-body'],
  async run(t) {
    const location = testLocation(t.version);
    const id = String(location['id']);
    const other = `${id}X`;
    const response = await moduleRequest(t, { method: 'PUT', url: receiverUrl(t, 'locations', id), body: { ...location, id: other } });
    t.check(checkStatusCode(response.exchange, { expected: 2001, check: 'locations.url-matches-body', because: `the body names id ${other} while the URL names ${id}` }));
  },
});
