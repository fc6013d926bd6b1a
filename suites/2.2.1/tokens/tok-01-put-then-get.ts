import { diffObjects } from '../../../src/checks/diff-objects.js';
import { fail, pass } from '../../../src/checks/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../../src/checks/ocpi-response.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest } from '../../../src/runner/module-request.js';
import { readToken, testToken, tokenUrl } from './test-token.js';

// Steps: (1) tester PUTs a new Token of its own, every optional field set; (2) GETs it back.
// Validated: the PUT succeeds (HTTP 200 or 201, status_code 1000); the GET returns a valid Token equal to the one PUT.
export default defineCase({
  id: 'TOK-01',
  title: 'A Token the eMSP PUTs can be read back unchanged',
  module: 'tokens',
  versions: ['2.2.1'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Tokens module, Receiver interface, PUT and GET',
    rule: 'A Token pushed with PUT is stored as sent, and a GET of its URL returns it.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tokens.stored-as-put'],
  async run(t) {
    const token = testToken();
    const url = tokenUrl(t, token);
    const put = await moduleRequest(t, { method: 'PUT', url, body: token });
    const stored = checkOcpiResponse(put.exchange, t.version, { status: [200, 201] });
    t.check(stored);
    if (stored.some((f) => f.status === 'fail')) return;
    const read = await readToken(t, url);
    if (!read) return;
    const diff = diffObjects(token, read.stored);
    t.check(diff.length === 0
      ? pass('tokens.stored-as-put', 'the Token read back equals the one PUT', { exchangeId: read.exchangeId })
      : fail('tokens.stored-as-put', `the Token read back differs from the one PUT in ${diff.length} place${diff.length === 1 ? '' : 's'}: a Receiver stores the object as sent`, { exchangeId: read.exchangeId, at: '/data', diff }));
  },
});
