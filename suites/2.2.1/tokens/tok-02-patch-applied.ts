import { diffObjects } from '../../../src/checks/diff-objects.js';
import { fail, pass } from '../../../src/checks/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../../src/checks/ocpi-response.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest } from '../../../src/runner/module-request.js';
import { laterThan, readToken, storeTestToken } from './test-token.js';

// Steps: (1) tester PUTs a valid Token; (2) PATCHes valid=false, whitelist=NEVER and a later last_updated; (3) GETs it.
// Validated: the PATCH succeeds; the Token read back has the patched values (TOK-01 judges the other fields).
export default defineCase({
  id: 'TOK-02',
  title: 'A PATCH with last_updated is applied to the stored Token',
  module: 'tokens',
  versions: ['2.2.1'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Tokens module, Receiver interface, PATCH',
    rule: 'A PATCH changes the fields it carries, last_updated included.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tokens.patch-applied'],
  async run(t) {
    const { token, url } = await storeTestToken(t);
    const patch = { valid: false, whitelist: 'NEVER', last_updated: laterThan(token['last_updated']) };
    const patched = await moduleRequest(t, { method: 'PATCH', url, body: patch });
    const applied = checkOcpiResponse(patched.exchange, t.version);
    t.check(applied);
    if (applied.some((f) => f.status === 'fail')) return;
    const read = await readToken(t, url);
    if (!read) return;
    const diff = diffObjects(patch, Object.fromEntries(Object.keys(patch).map((field) => [field, read.stored[field]])));
    t.check(diff.length === 0
      ? pass('tokens.patch-applied', 'the Token read back has the patched values', { exchangeId: read.exchangeId })
      : fail('tokens.patch-applied', 'the Token read back does not have the values the PATCH set', { exchangeId: read.exchangeId, at: '/data', diff }));
  },
});
