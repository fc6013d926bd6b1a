import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkStatusCode } from '../../src/checks/envelope.js';
import { credentialsUrl, dataObject } from './credentials-endpoint.js';

// Steps: (1) tester POSTs its credentials with Token A, giving a versions URL that always fails with HTTP 500.
// (2) the target tries to GET it, fails, and must refuse the registration.
// Validated: status_code 3001. Should the target register anyway, the tester unregisters at once so CRED-02 can proceed.
export default defineCase({
  id: 'CRED-01',
  title: 'A registration whose GETs back fail is refused with status 3001',
  module: 'credentials',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'connect',
  requires: ['target', 'endpoints'],
  provides: ['registrationUndone'],
  skipWhen: (s) => (s.handshake === 'register' ? undefined : `--handshake ${s.handshake}: the tester does not register`),
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, errors during registration',
      rule: 'When the server cannot GET the client\'s versions or details while handling the POST, it answers with status_code 3001.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, Errors during registration; status_codes.md, 3xxx: Server errors',
      rule: 'When the server cannot reach the client\'s versions or details while handling the POST, it should add status_code 3001 to its answer.',
    },
  ],
  severity: 'recommended',
  checks: ['credentials.callback-failure-3001'],
  async run(t) {
    const url = credentialsUrl(t);
    const target = t.get('target');
    const tokenB = t.newToken();
    t.peer.accept(tokenB, 'token-b');
    try {
      const response = await t.request({ method: 'POST', url, token: target.token, body: t.peer.credentials(tokenB, t.peer.brokenVersionsUrl) });
      t.check(checkStatusCode(response.exchange, { expected: 3001, check: 'credentials.callback-failure-3001', because: 'our versions endpoint failed, so the target cannot have our endpoints' }));
      const issued = dataObject(response.body)?.['token'];
      if (typeof issued === 'string') {
        // Registered in spite of the failure: undo it, so the real registration (CRED-02) starts clean.
        await t.request({ method: 'DELETE', url, token: t.adoptToken(issued) });
        t.provide('registrationUndone', { by: 'CRED-01' });
      }
    } finally {
      t.peer.retire(tokenB);
    }
  },
});
