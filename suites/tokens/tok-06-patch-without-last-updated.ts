import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { patchApplied, push, readBack, storedCopy } from '../common/round-trip.js';
import { storeTestToken } from './test-token.js';

// Steps: (1) tester PUTs a valid Token and GETs it as stored (TOK-01 judges that); (2) PATCHes valid=false and
// whitelist=NEVER, without last_updated; (3) GETs it.
// Validated: the PATCH succeeds (HTTP 200, status_code 1000); the Token read back is the one stored with the PATCH
// applied (the patched fields changed, every other field as it was; last_updated may have moved with the change).
export default defineCase({
  id: 'TOK-06',
  title: 'A Token PATCH without last_updated is applied (2.1.1)',
  module: 'tokens',
  versions: ['2.1.1'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.1.1',
    section: 'transport_and_format.md: PATCH; mod_tokens.md: CPO Interface, PATCH Method',
    rule: 'A 2.1.1 PATCH carries only the fields it changes, last_updated not among those it must carry: a Receiver applies it like any other.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tokens.patch-applied'],
  async run(t) {
    const { token, url } = await storeTestToken(t);
    const patch = { valid: false, whitelist: 'NEVER' };
    const stored = await storedCopy(t, url, token);
    if (!(await push(t, { method: 'PATCH', url, body: patch }, { status: [200] })).ok) return;
    const read = await readBack(t, url, 'Token');
    // The Receiver may stamp the change with a last_updated of its own: that field is not judged.
    if (read) t.check(patchApplied(t, 'tokens.patch-applied', { put: stored, patch: { ...patch, last_updated: read.stored['last_updated'] } }, read));
  },
});
