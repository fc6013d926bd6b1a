import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { patchApplied, push, readBack, storedCopy } from '../common/round-trip.js';
import { laterThan, storeTestToken } from './test-token.js';

// Steps: (1) tester PUTs a valid Token and GETs it as stored (TOK-01 judges that); (2) PATCHes valid=false, whitelist=NEVER and a later last_updated; (3) GETs it.
// Validated: the PATCH succeeds; the Token read back is the one stored with the PATCH applied (the patched fields
// changed, every other field as it was).
export default defineCase({
  id: 'TOK-02',
  title: 'A PATCH with last_updated is applied to the stored Token',
  module: 'tokens',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Tokens module, Receiver interface, PATCH',
    rule: 'A PATCH changes the fields it carries, last_updated included, and leaves the others as they were.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_tokens.md: CPO Interface, PATCH Method',
    rule: 'A PATCH changes the fields it carries and leaves the others as they were (the tester sends last_updated with it, a field of the Token).',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tokens.patch-applied'],
  async run(t) {
    const { token, url } = await storeTestToken(t);
    const patch = { valid: false, whitelist: 'NEVER', last_updated: laterThan(token['last_updated']) };
    const stored = await storedCopy(t, url, token);
    if (!(await push(t, { method: 'PATCH', url, body: patch }, { status: [200] })).ok) return;
    const read = await readBack(t, url, 'Token');
    if (read) t.check(patchApplied(t, 'tokens.patch-applied', { put: stored, patch }, read));
  },
});
