import { diffObjects } from '../../../src/checks/diff-objects.js';
import { fail, pass } from '../../../src/checks/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../../src/checks/ocpi-response.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest } from '../../../src/runner/module-request.js';
import { laterThan, testToken, tokenUrl } from './test-token.js';

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
    const token = testToken();
    const url = tokenUrl(t, token);
    const put = await moduleRequest(t, { method: 'PUT', url, body: token });
    if (checkOcpiResponse(put.exchange, t.version, { status: [200, 201] }).some((f) => f.status === 'fail')) t.skip('the Token could not be PUT (TOK-01 reports why)');
    const patch = { valid: false, whitelist: 'NEVER', last_updated: laterThan(token['last_updated']) };
    const patched = await moduleRequest(t, { method: 'PATCH', url, body: patch });
    const applied = checkOcpiResponse(patched.exchange, t.version);
    t.check(applied);
    if (applied.some((f) => f.status === 'fail')) return;
    const get = await moduleRequest(t, { method: 'GET', url });
    const read = checkOcpiResponse(get.exchange, t.version, { data: 'Token' });
    t.check(read);
    if (read.some((f) => f.check === 'http.status' && f.status === 'fail')) return;
    const stored = (get.body as { data?: Record<string, unknown> }).data ?? {};
    const diff = diffObjects(patch, Object.fromEntries(Object.keys(patch).map((field) => [field, stored[field]])));
    t.check(diff.length === 0
      ? pass('tokens.patch-applied', 'the Token read back has the patched values', { exchangeId: get.exchange.id })
      : fail('tokens.patch-applied', 'the Token read back does not have the values the PATCH set', { exchangeId: get.exchange.id, at: '/data', diff }));
  },
});
