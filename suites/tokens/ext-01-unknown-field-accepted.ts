import { fail, pass } from '../../src/checks/finding.js';
import { acceptedByTarget, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { readBack, sameAsSent } from '../common/round-trip.js';
import { testTokenIn, tokenUrl } from './test-token.js';

// A field the specification does not define, with a plain name of the tester's (no x- or custom prefix, N6).
const EXTRA_FIELD = 'conformance_note';

// Steps: (1) tester PUTs a new Token of its own carrying one field the spec does not define; (2) GETs it back.
// Validated: the PUT is accepted (HTTP 200 or 201, status_code 1000); the Token read back equals the one PUT on every
// field the spec defines. The extra field need not come back: the rule forbids rejecting it, not dropping it.
export default defineCase({
  id: 'EXT-01',
  title: 'A Receiver accepts a pushed object carrying a field the specification does not define',
  module: 'tokens',
  versions: ['2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.3.0',
    section: 'Transport and format, Non-specified JSON fields; Tokens module, Receiver interface, PUT',
    rule: 'A platform shall not reject a request because it carries JSON fields the specification does not define.',
  },
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'extensions.unknown-field-accepted', 'tokens.stored-as-put'],
  async run(t) {
    const token = testTokenIn(t.version, { [EXTRA_FIELD]: 'sent by ocpi-conformance to test that unknown fields are accepted' });
    const url = tokenUrl(t, token);
    const response = await moduleRequest(t, { method: 'PUT', url, body: token });
    const code = (response.body as { status_code?: unknown } | undefined)?.status_code;
    if (!acceptedByTarget(response.exchange)) {
      t.check(fail('extensions.unknown-field-accepted', `the Token with the field ${EXTRA_FIELD}, which the specification does not define, was refused (HTTP ${response.status}, status_code ${String(code ?? '-')}): a field a Receiver does not know must not make it reject the request`, { exchangeId: response.exchange.id }));
      return;
    }
    t.check(pass('extensions.unknown-field-accepted', `the Token with the field ${EXTRA_FIELD} was accepted`, { exchangeId: response.exchange.id }));
    const read = await readBack(t, url, 'Token');
    if (read) t.check(sameAsSent(t, 'tokens.stored-as-put', token, read));
  },
});
