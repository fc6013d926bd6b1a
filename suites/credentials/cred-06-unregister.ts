import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { expectStatus } from '../../src/checks/http-status.js';
import { checkStatusCode } from '../../src/checks/envelope.js';
import { credentialsUrl, REGISTRATION } from './credentials-endpoint.js';

// Steps: (1) tester DELETEs its credentials with its current token. (2) tester calls with that token again.
// Validated: the DELETE succeeds (HTTP 200, status_code 1000); afterwards the token is refused with 401.
export default defineCase({
  id: 'CRED-06',
  title: 'A DELETE unregisters and the token is refused afterwards',
  module: 'credentials',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'disconnect',
  requires: ['session', 'endpoints', 'versions'],
  skipWhen: (s) => {
    if (s.handshake === 'none') return '--handshake none: the tester does not own this registration, so it does not unregister';
    if (s.keepRegistration) return '--keep-registration';
    return undefined;
  },
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, DELETE method',
      rule: 'A DELETE from a registered client unregisters it: its token is invalid from then on.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, DELETE Method',
      rule: 'A DELETE from a registered client unregisters it: its token can no longer be used.',
    },
  ],
  severity: 'required',
  checks: ['credentials.unregistered', 'envelope.status-code', 'auth.old-token-refused'],
  async run(t) {
    const session = t.get('session');
    const response = await t.request({ method: 'DELETE', url: credentialsUrl(t), token: session.token });
    t.check(expectStatus({ exchange: response.exchange, expected: 200, check: 'credentials.unregistered', because: 'a registered party may unregister' }));
    if (response.status !== 200) return;
    // The envelope says whether it worked, as on every OCPI response; the probe below says whether it happened.
    t.check(checkStatusCode(response.exchange, { because: 'a DELETE that unregistered is answered with success' }));
    t.settle(REGISTRATION);
    if (session.ourToken) t.peer.retire(session.ourToken);
    const after = await t.request({ method: 'GET', url: t.get('versions').detailsUrl, token: session.token }, { expectRefusal: true });
    t.check(expectStatus({ exchange: after.exchange, expected: 401, check: 'auth.old-token-refused', because: 'the token of an unregistered party must no longer work' }));
  },
});
