import { checkStatusCode } from '../../../src/checks/envelope.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest } from '../../../src/runner/module-request.js';
import { storeTestToken } from './test-token.js';

// Steps: (1) tester PUTs a Token; (2) PATCHes valid=false without last_updated. Validated: status_code 2001.
export default defineCase({
  id: 'TOK-03',
  title: 'A PATCH without last_updated is refused with 2001',
  module: 'tokens',
  versions: ['2.2.1'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.2.1',
    section: 'Tokens module, Receiver interface, PATCH; Status codes',
    rule: 'Every PATCH carries last_updated; one without it is answered with status_code 2001 (invalid or missing parameters).',
  },
  // The SHALL that a PATCH carries last_updated binds the sender; 2001 (invalid or missing parameters) is the advised answer.
  severity: 'recommended',
  checks: ['tokens.patch-needs-last-updated'],
  async run(t) {
    const { url } = await storeTestToken(t);
    const patched = await moduleRequest(t, { method: 'PATCH', url, body: { valid: false } });
    t.check(checkStatusCode(patched.exchange, { expected: 2001, check: 'tokens.patch-needs-last-updated', because: 'a PATCH without last_updated is invalid' }));
  },
});
