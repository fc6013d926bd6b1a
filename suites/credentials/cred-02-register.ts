import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkTokenIsNew } from '../../src/checks/credentials.js';
import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { dataObject, partnerIdentities, sendCredentials, unregisterAtTeardown } from './credentials-endpoint.js';

// Steps: (1) tester POSTs its Credentials (a new Token B and its versions URL) with Token A.
// (2) before answering, the target GETs the tester's versions and version details with Token B.
// (3) the target answers with its Credentials, holding Token C for the tester.
// Validated: the GETs back used Token B; a valid Credentials response with status 1000; Token C differs from A and B.
export default defineCase({
  id: 'CRED-02',
  title: 'The tester registers with the target: Token A, then B, then C',
  module: 'credentials',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'connect',
  requires: ['target', 'endpoints'],
  provides: ['session'],
  after: ['CRED-01'],
  skipWhen: (s) => (s.handshake === 'register' ? undefined : `--handshake ${s.handshake}: the tester does not register`),
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, registration',
      rule: 'On a POST with Token A the server stores Token B, GETs the client\'s versions and details with it, and answers with its own credentials holding a new Token C.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, POST Method; Registration',
      rule: 'On a POST with Token A the server must fetch the client\'s endpoints for this version with the token the client gave (Token B), and answer with a new token (Token C) for the client.',
    },
  ],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'credentials.callbacks-with-token-b', 'auth.token-base64-encoded', 'credentials.token-c-new'],
  async run(t) {
    const target = t.get('target');
    const tokenB = t.newToken();
    const response = await sendCredentials(t, {
      method: 'POST',
      token: target.token,
      ourToken: tokenB,
      caller: 'token-b',
      rule: 'while handling the POST, the target must GET our versions and version details with Token B',
      // A server may refuse Token A once it served a registration (credentials: Token A may no longer be used), and
      // CRED-01's probe, which the target wrongly accepted, may have spent it: that is no failure of this case.
      skipIf: (refused) => (refused.status === 401 && t.has('registrationUndone')
        ? 'Token A was refused, probably spent on the registration CRED-01 had to undo (the target registered although its GETs back failed, which CRED-01 reports); give a fresh Token A and leave CRED-01 out (--only) to test the registration'
        : undefined),
    });
    const issued = dataObject(response.body)?.['token'];
    if (typeof issued !== 'string') return;
    const tokenC = t.adoptToken(issued);
    t.check(checkTokenIsNew({ check: 'credentials.token-c-new', issued: tokenC, issuedName: 'Token C', earlier: [['Token A', target.token], ['Token B', tokenB]] }));
    t.provide('session', { token: tokenC, ourToken: tokenB, partner: partnerIdentities(dataObject(response.body)) });
    unregisterAtTeardown(t);
  },
});
