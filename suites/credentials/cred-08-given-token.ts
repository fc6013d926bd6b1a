import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { credentialsUrl, dataObject, partnerIdentities } from './credentials-endpoint.js';

// Steps: (1) with --handshake none, tester GETs the target's credentials with the token it was given.
// Validated: a valid Credentials object with status 1000: the token is a registered credentials token.
export default defineCase({
  id: 'CRED-08',
  title: 'The given token is a registered credentials token',
  module: 'credentials',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'connect',
  requires: ['target', 'endpoints'],
  provides: ['session'],
  skipWhen: (s) => (s.handshake === 'none' ? undefined : `--handshake ${s.handshake}: the registration is made in this run`),
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, GET method',
      rule: 'A registered client can GET its credentials with its token.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, GET Method',
      rule: 'A registered client can GET its credentials with its token.',
    },
  ],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS],
  async run(t) {
    const target = t.get('target');
    const response = await t.request({ method: 'GET', url: credentialsUrl(t), token: target.token });
    t.check(checkOcpiResponse(response.exchange, t.version, { data: 'Credentials', statusHint: 'with --handshake none the token must already be registered' }));
    if (response.status === 200) t.provide('session', { token: target.token, partner: partnerIdentities(dataObject(response.body)) });
  },
});
