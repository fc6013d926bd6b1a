import { pass } from '../../src/checks/finding.js';
import { defineCase } from '../../src/runner/define-case.js';
import { pushExtended } from '../common/extended-push.js';
import { UNKNOWN_FIELD, UNKNOWN_FIELD_VALUE } from '../common/tester-extensions.js';
import { testTokenIn, tokenUrl } from './test-token.js';

// Steps: (1) tester PUTs a new Token of its own carrying one field the spec does not define; when it is refused, (1b)
// a control PUT of another Token without the field: refused too, the refusal is not the field's and the case skips;
// (2) GETs the Token back. Validated: the PUT is accepted (HTTP 2xx, status_code 1000) and the Token can be read back
// by its uid. How the Token was stored, field by field, and the envelopes are TOK-01's to judge (one root cause, one
// failure); the extra field need not come back: the rule forbids rejecting it, not dropping it.
export default defineCase({
  id: 'EXT-01',
  title: 'A Tokens Receiver accepts a Token carrying a field the specification does not define',
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
    const read = await pushExtended(t, {
      object: 'Token',
      carrying: `the field ${UNKNOWN_FIELD} (not defined by the specification)`,
      probe: testTokenIn(t.version, { [UNKNOWN_FIELD]: UNKNOWN_FIELD_VALUE }),
      control: () => testTokenIn(t.version),
      urlOf: (token) => tokenUrl(t, token),
      idField: 'uid',
      reportedBy: 'TOK-01',
      check: 'extensions.unknown-field-accepted',
      severity: 'required',
      because: 'a field a Receiver does not know must not make it reject the request',
    });
    if (read) t.check(pass('extensions.unknown-field-accepted', `the Token with the field ${UNKNOWN_FIELD} was accepted and reads back`, { exchangeId: read.exchangeId }));
  },
});
