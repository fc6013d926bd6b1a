import { checkStatusCode } from '../../../src/checks/envelope.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest } from '../../../src/runner/module-request.js';
import { testToken, tokenUrl } from './test-token.js';

// Steps: (1) tester PUTs a Token to its own URL, but with another party_id in the body. Validated: status_code 2001.
export default defineCase({
  id: 'TOK-04',
  title: 'A Token whose party_id differs from its URL is refused with 2001',
  module: 'tokens',
  versions: ['2.2.1'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Transport and format, client owned object push',
    rule: 'The country_code and party_id in the URL of a pushed object equal those in its body; a mismatch is answered with status_code 2001.',
  },
  severity: 'required',
  checks: ['tokens.url-matches-body'],
  async run(t) {
    const token = testToken();
    const url = tokenUrl(t, token);
    const response = await moduleRequest(t, { method: 'PUT', url, body: { ...token, party_id: 'OCX' } });
    t.check(checkStatusCode(response.exchange, { expected: 2001, check: 'tokens.url-matches-body', because: 'the body names party OCX while the URL names OCT' }));
  },
});
