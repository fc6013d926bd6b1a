import { randomUUID } from 'node:crypto';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { requestAuthorization } from './authorize-steps.js';
import { testerLocationReferences } from './tester-location.js';
import { unknownTokenStatus, unknownTokenVerdict } from './unknown-token-verdict.js';

// Steps: (1) tester POSTs a real-time authorization for an RFID uid the eMSP never issued, with LocationReferences of
// one of its own Locations. Validated: HTTP 404 and status_code 2004 without data. Without 2004 it fails, a bare 404
// included (nothing tells it from a path that is not served); 2004 with another HTTP status, or with data, warns.
export default defineCase({
  id: 'TOK-AUTH-04',
  title: 'Real-time authorization of an unknown token is answered with 404 and 2004',
  module: 'tokens',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'tokens', role: 'SENDER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Tokens module, Sender interface, POST (real-time authorization); Status codes, 2004',
    rule: 'A token the eMSP does not know is answered with HTTP 404 Not Found and status_code 2004 (unknown token), with no data.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'status_codes.md: HTTP status codes (the Tokens chapter has no rule for an unknown token)',
    rule: 'A request about something that does not exist should be answered with HTTP 404 Not Found (2.1.1 has no status_code for an unknown token).',
  }],
  // 2.1.1 has only the general 404 "should" and no 2004 (spec-notes X8, Tokens table).
  severity: { '2.1.1': 'recommended', '2.2.1': 'required', '2.3.0': 'required' },
  checks: ['tokens.authorize-unknown'],
  async run(t) {
    const unknown = { uid: `OCT-UNKNOWN-${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`, type: 'RFID' };
    const response = await requestAuthorization(t, unknown, testerLocationReferences(t));
    t.check(t.version === '2.1.1' ? unknownTokenStatus('tokens.authorize-unknown', response) : unknownTokenVerdict('tokens.authorize-unknown', response));
  },
});
