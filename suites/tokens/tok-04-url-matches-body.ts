import { checkStatusCode } from '../../src/checks/envelope.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { testTokenIn, tokenUrl } from './test-token.js';

// Steps: (1) tester PUTs a Token to its own URL, but with another uid in the body. Validated: status_code 2001, as the
// spec advises. (The SHALL that URL and body name the same party binds the sender, the tester; what a receiver answers
// to a party mismatch is not prescribed, so it is not judged.)
export default defineCase({
  id: 'TOK-04',
  title: 'A Token whose uid differs from its URL is refused with 2001',
  module: 'tokens',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Transport and format, client owned object push, errors',
    rule: 'When the object id in the URL of a pushed Client Owned Object differs from the id in its body, the server is advised to answer with status_code 2001.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'transport_and_format.md: Client owned object push, Errors',
    rule: 'When the object id in the URL of a pushed Client Owned Object differs from the id in its body, the server is advised to answer with status_code 2001.',
  }],
  severity: 'recommended',
  checks: ['tokens.url-matches-body'],
  async run(t) {
    const token = testTokenIn(t.version);
    const url = tokenUrl(t, token);
    const other = `${String(token['uid'])}X`;
    const response = await moduleRequest(t, { method: 'PUT', url, body: { ...token, uid: other } });
    t.check(checkStatusCode(response.exchange, { expected: 2001, check: 'tokens.url-matches-body', because: `the body names uid ${other} while the URL names ${String(token['uid'])}` }));
  },
});
