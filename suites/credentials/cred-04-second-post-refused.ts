import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { ERROR_FORMAT_CHECK, expectErrorAnswer } from '../../src/checks/error-answer.js';
import { credentialsUrl, dataObject, ourTokenLabel, partnerIdentities } from './credentials-endpoint.js';

// Steps: (1) the registered tester POSTs credentials again, with its current token.
// Validated: HTTP 405 Method Not Allowed. A target that registers the tester again instead has issued a new token (and
// may have revoked the one in use): the tester reports it, then goes on with the token it was given, so that one wrong
// answer does not cost every later case its registration.
export default defineCase({
  id: 'CRED-04',
  title: 'A second registration by a registered party is refused with 405',
  module: 'credentials',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  // Before the modules: a target that wrongly accepts it changes the token every later case uses.
  stage: 'connect',
  requires: ['session', 'endpoints'],
  provides: ['session'],
  skipWhen: (s) => (s.handshake === 'none' ? '--handshake none: the tester never changes a registration it was given' : undefined),
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, POST method',
      rule: 'A POST from a client that is already registered is answered with HTTP 405 Method Not Allowed.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, POST Method',
      rule: 'A POST from a client that is already registered must be answered with HTTP 405 Method Not Allowed.',
    },
  ],
  severity: 'required',
  checks: ['credentials.second-post-refused', ERROR_FORMAT_CHECK],
  async run(t) {
    const session = t.get('session');
    const spare = t.newToken();
    t.peer.accept(spare, ourTokenLabel(t));
    // A 401 here is this case's finding (405 was due), not a revoked token: the next request tells.
    const response = await t.request({ method: 'POST', url: credentialsUrl(t), token: session.token, body: t.peer.credentials(spare) }, { expectRefusal: true });
    t.check(expectErrorAnswer({ version: t.version, exchange: response.exchange, expected: 405, check: 'credentials.second-post-refused', because: 'the tester is already registered' }));
    const issued = response.status === 200 || response.status === 201 ? dataObject(response.body)?.['token'] : undefined;
    if (typeof issued !== 'string' || session.token.equals(issued)) {
      // Refused, or "accepted" without a new token: nothing changed. The target may still call with `spare`, which
      // it was given, so it stays accepted until the run ends, as the token it held before does.
      if (typeof issued !== 'string') t.peer.retire(spare);
      return;
    }
    // Registered anew: the tester goes on with the token the target issued now. Which token the target calls the
    // tester with is its choice between the two it was given, so both stay accepted.
    const partner = partnerIdentities(dataObject(response.body));
    t.provide('session', { token: t.adoptToken(issued), ourToken: spare, partner: partner.length > 0 ? partner : (session.partner ?? []) });
  },
});
