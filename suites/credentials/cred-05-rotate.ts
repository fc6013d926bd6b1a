import { warn } from '../../src/checks/finding.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkTokenIsNew } from '../../src/checks/credentials.js';
import { expectStatus } from '../../src/checks/http-status.js';
import { ERROR_FORMAT_CHECK, expectErrorAnswer } from '../../src/checks/error-answer.js';
import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { credentialsUrl, dataObject, ourTokenLabel, partnerIdentities, sendCredentials } from './credentials-endpoint.js';

// Steps: (1) tester PUTs its credentials with a new token for the target, using its current token.
// (2) the target GETs the tester's versions and details again with the new token, and answers with a new token.
// (3) tester calls with the old token, then with the new one.
// Validated: the GETs back; valid Credentials; a new token; the old token refused with 401; the new one accepted.
export default defineCase({
  id: 'CRED-05',
  title: 'A PUT rotates the tokens and the old token is refused afterwards',
  module: 'credentials',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'rotate',
  requires: ['session', 'endpoints'],
  provides: ['session'],
  after: ['CRED-09'],
  skipWhen: (s) => (s.handshake === 'none' ? '--handshake none: the tester does not own this registration, so it does not rotate its token' : undefined),
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, PUT method',
      rule: 'A PUT from a registered client makes the server GET the client\'s endpoints again and issue a new token; the old token stops working.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, PUT Method; Updating the credentials and resetting the token',
      rule: 'A PUT from a registered client makes the server fetch the client\'s endpoints again and generate a new token; the old token can no longer be used.',
    },
  ],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'credentials.callbacks-with-token-b', 'auth.token-base64-encoded', 'credentials.token-rotated', 'auth.old-token-refused', 'auth.new-token-accepted', ERROR_FORMAT_CHECK],
  async run(t) {
    const url = credentialsUrl(t);
    const session = t.get('session');
    const ourNewToken = t.newToken();
    const response = await sendCredentials(t, {
      method: 'PUT',
      token: session.token,
      ourToken: ourNewToken,
      caller: ourTokenLabel(t),
      rule: 'while handling the PUT, the target must GET our versions and version details again with the new token we gave it',
    });
    const issued = dataObject(response.body)?.['token'];
    if (typeof issued !== 'string') return;
    const newToken = t.adoptToken(issued);
    const rotated = checkTokenIsNew({ check: 'credentials.token-rotated', issued: newToken, issuedName: 'the token returned by the PUT', earlier: [['the token in use', session.token]] });
    t.check(rotated);
    // The credentials endpoint is where a stale token matters most (and where Token A has no say after registration).
    if (rotated.status === 'pass') {
      const old = await t.request({ method: 'GET', url, token: session.token }, { expectRefusal: true });
      // No sentence says the replaced token stops working (T7 infers it from the new token being issued): a warning.
      const [refused, ...format] = expectErrorAnswer({ version: t.version, exchange: old.exchange, expected: 401, check: 'auth.old-token-refused', because: 'the token replaced by the PUT should no longer work' });
      if (refused) t.check(refused.status === 'fail' ? warn(refused.check, refused.message, refused) : refused, format);
    }
    const fresh = await t.request({ method: 'GET', url, token: newToken });
    const accepted = expectStatus({ exchange: fresh.exchange, expected: 200, check: 'auth.new-token-accepted', because: 'the token returned by the PUT must work' });
    t.check(accepted);
    if (session.ourToken) t.peer.retire(session.ourToken);
    // Without a working token there is no registration left to use or to end.
    if (accepted.status === 'pass') t.provide('session', { token: newToken, ourToken: ourNewToken, partner: partnerIdentities(dataObject(response.body)) });
    else t.withdraw('session');
  },
});
