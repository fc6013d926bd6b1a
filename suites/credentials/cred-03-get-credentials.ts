import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkSameToken } from '../../src/checks/credentials.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { credentialsUrl, dataObject } from './credentials-endpoint.js';

// Steps: (1) tester GETs the target's credentials endpoint with its current token.
// Validated: a valid Credentials object with status 1000, holding the token the tester uses now.
export default defineCase({
  id: 'CRED-03',
  title: 'GET credentials returns the target\'s credentials with the current token',
  module: 'credentials',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  requires: ['session', 'endpoints'],
  skipWhen: (s) => (s.handshake === 'none' ? '--handshake none: CRED-08 reads the credentials' : undefined),
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, GET method',
      rule: 'GET returns the credentials object the client uses to access the server, so its token is the client\'s current token.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, GET Method',
      rule: 'GET returns the credentials object the client uses to access the server, so its token is the client\'s current token.',
    },
  ],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'credentials.get-current-token'],
  async run(t) {
    const session = t.get('session');
    const response = await t.request({ method: 'GET', url: credentialsUrl(t), token: session.token });
    t.check(checkOcpiResponse(response.exchange, t.version, { data: 'Credentials' }));
    const token = dataObject(response.body)?.['token'];
    t.check(checkSameToken({ check: 'credentials.get-current-token', actual: typeof token === 'string' ? t.adoptToken(token) : undefined, expected: session.token, what: 'the token in the returned credentials' }));
  },
});
