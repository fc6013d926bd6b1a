import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { authorizeSampleAtLocation } from './authorize-steps.js';

// Steps: (1) tester POSTs a real-time authorization for a valid token of the eMSP's list, with LocationReferences of
// one of its own Locations. Validated: HTTP 200, status_code 1000, a valid AuthorizationInfo about the token asked for;
// allowed other than ALLOWED warns (NOT_ALLOWED at a Location, NO_CREDIT are legitimate answers for a valid token).
export default defineCase({
  id: 'TOK-AUTH-01',
  title: 'A valid token is ALLOWED by real-time authorization at a Location',
  module: 'tokens',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'tokens', role: 'SENDER' },
  requires: ['session', 'endpoints', 'tokenSamples'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Tokens module, Sender interface, POST (real-time authorization); AuthorizationInfo',
    rule: 'For a token it knows, the eMSP answers with an AuthorizationInfo carrying the full token; a valid token is allowed to charge.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_tokens.md: Real-time authorization; eMSP Interface, POST Method; AuthorizationInfo Object',
    rule: 'The eMSP answers a real-time authorization of a token it knows with an AuthorizationInfo; a valid token is allowed to charge.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tokens.authorize-allowed'],
  async run(t) {
    await authorizeSampleAtLocation(t, 'valid', { check: 'tokens.authorize-allowed', accepts: (allowed) => allowed === 'ALLOWED', expected: 'ALLOWED', because: 'the token is valid in the eMSP\'s own Tokens list (an eMSP may still refuse it at a Location or for credit, hence a warning)', soft: true });
  },
});
