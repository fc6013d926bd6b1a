import { fail, pass } from '../../src/checks/finding.js';
import { acceptedByTarget } from '../../src/checks/ocpi-response.js';
import { defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import { testTokenIn, tokenUrl } from './test-token.js';

// A field the specification does not define, with a plain name of the tester's (no x- or custom prefix, N6).
const EXTRA_FIELD = 'conformance_note';

// Steps: (1) tester PUTs a new Token of its own carrying one field the spec does not define; when it is refused, (1b)
// a control PUT of another Token without the field: refused too, the refusal is not the field's and the case skips;
// (2) GETs the Token back. Validated: the PUT is accepted (HTTP 2xx, status_code 1000) and the Token can be read back
// by its uid. How the Token was stored, field by field, and the envelopes are TOK-01's to judge (one root cause, one
// failure); the extra field need not come back: the rule forbids rejecting it, not dropping it.
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
  checks: ['extensions.unknown-field-accepted'],
  async run(t) {
    const token = testTokenIn(t.version, { [EXTRA_FIELD]: 'sent by ocpi-conformance to test that unknown fields are accepted' });
    const url = tokenUrl(t, token);
    const response = await moduleRequest(t, { method: 'PUT', url, body: token });
    const code = (response.body as { status_code?: unknown } | undefined)?.status_code;
    if (!acceptedByTarget(response.exchange)) {
      const control = testTokenIn(t.version);
      const plain = await moduleRequest(t, { method: 'PUT', url: tokenUrl(t, control), body: control });
      if (!acceptedByTarget(plain.exchange)) t.skip(`the target refuses the tester's Tokens even without an extra field (HTTP ${plain.status}; TOK-01 reports why), so the field cannot be judged`);
      t.check(fail('extensions.unknown-field-accepted', `the Token with the field ${EXTRA_FIELD}, which the specification does not define, was refused (HTTP ${response.status}, status_code ${String(code ?? '-')}): a field a Receiver does not know must not make it reject the request`, { exchangeId: response.exchange.id }));
      return;
    }
    const read = await moduleRequest(t, { method: 'GET', url });
    const stored = (read.body as { data?: unknown } | undefined)?.data;
    // A read-back that is no usable object (no JSON envelope, a list) is TOK-01's failure, not the field's.
    if (read.status === 200 && (stored === null || typeof stored !== 'object' || Array.isArray(stored))) t.skip('the Token read back is not a usable object (TOK-01 reports why), so whether it was stored cannot be told');
    const uid = (stored as { uid?: unknown } | undefined)?.uid;
    const found = read.status === 200 && typeof uid === 'string' && uid.toUpperCase() === String(token['uid']).toUpperCase();
    t.check(found
      ? pass('extensions.unknown-field-accepted', `the Token with the field ${EXTRA_FIELD} was accepted and reads back`, { exchangeId: read.exchange.id })
      : fail('extensions.unknown-field-accepted', `the Token with the field ${EXTRA_FIELD} was answered as accepted, but a GET of it finds no such Token (HTTP ${read.status}): a Receiver must take the object, not only answer 1000`, { exchangeId: read.exchange.id }));
  },
});
