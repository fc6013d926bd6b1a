import { defineCase } from '../../../src/runner/define-case.js';
import { expectStatus } from '../../../src/checks/http-status.js';
import { credentialsUrl, ourTokenLabel } from './credentials-endpoint.js';

// Steps: (1) the registered tester POSTs credentials again, with its current token.
// Validated: HTTP 405 Method Not Allowed.
export default defineCase({
  id: 'CRED-04',
  title: 'A second registration by a registered party is refused with 405',
  module: 'credentials',
  versions: ['2.2.1'],
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Credentials module, POST method',
    rule: 'A POST from a client that is already registered is answered with HTTP 405 Method Not Allowed.',
  },
  severity: 'required',
  checks: ['credentials.second-post-refused'],
  async run(t) {
    const spare = t.newToken();
    t.peer.accept(spare, ourTokenLabel(t));
    try {
      const response = await t.request({ method: 'POST', url: credentialsUrl(t), token: t.get('session').token, body: t.peer.credentials(spare) });
      t.check(expectStatus({ exchange: response.exchange, expected: 405, check: 'credentials.second-post-refused', because: 'the tester is already registered' }));
    } finally {
      t.peer.retire(spare);
    }
  },
});
