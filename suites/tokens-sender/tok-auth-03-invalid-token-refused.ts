import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { authorizeSampleAtLocation } from './authorize-steps.js';

// Steps: (1) tester POSTs a real-time authorization for a token the eMSP's list marks valid: false, with
// LocationReferences of one of its own Locations. Validated: HTTP 200, status_code 1000, a valid AuthorizationInfo
// whose allowed is anything but ALLOWED, about the token asked for.
export default defineCase({
  id: 'TOK-AUTH-03',
  title: 'A token that is not valid is refused by real-time authorization',
  module: 'tokens',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'tokens', role: 'SENDER' },
  requires: ['session', 'endpoints', 'tokenSamples'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Tokens module, Sender interface, POST (real-time authorization); AllowedType',
    rule: 'The allowed field states whether the token may charge; a token the eMSP lists as not valid is not ALLOWED (BLOCKED, EXPIRED or another refusal).',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_tokens.md: eMSP Interface, POST Method; Allowed enum',
    rule: 'The allowed field states whether the token may charge; a token the eMSP lists as not valid is not ALLOWED.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tokens.authorize-refused'],
  async run(t) {
    await authorizeSampleAtLocation(t, 'invalid', { check: 'tokens.authorize-refused', accepts: (allowed) => allowed !== 'ALLOWED', expected: 'other than ALLOWED', because: 'the token is valid: false in the eMSP\'s own Tokens list' });
  },
});
