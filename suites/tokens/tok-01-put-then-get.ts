import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { push, readBack, sameAsSent } from '../common/round-trip.js';
import { testTokenIn, tokenUrl } from './test-token.js';

// Steps: (1) tester PUTs a new Token of its own, every optional field set; (2) GETs it back.
// Validated: the PUT succeeds (HTTP 200 or 201, status_code 1000); the GET returns a valid Token equal to the one PUT.
export default defineCase({
  id: 'TOK-01',
  title: 'A Token the eMSP PUTs can be read back unchanged',
  module: 'tokens',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Tokens module, Receiver interface, PUT and GET',
    rule: 'A Token pushed with PUT is stored as sent, and a GET of its URL returns it.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_tokens.md: CPO Interface, PUT Method and GET Method',
    rule: 'A Token pushed with PUT is stored as sent, and a GET of its URL returns it.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'tokens.stored-as-put'],
  async run(t) {
    const token = testTokenIn(t.version);
    const url = tokenUrl(t, token);
    if (!(await push(t, { method: 'PUT', url, body: token })).ok) return;
    const read = await readBack(t, url, 'Token');
    if (read) t.check(sameAsSent(t, 'tokens.stored-as-put', token, read));
  },
});
