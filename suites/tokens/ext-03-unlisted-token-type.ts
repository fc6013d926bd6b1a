import { pass, warn } from '../../src/checks/finding.js';
import { defineCase } from '../../src/runner/define-case.js';
import { pushExtended } from '../common/extended-push.js';
import { UNLISTED_ENUM_VALUE } from '../common/tester-extensions.js';
import { testTokenIn, tokenUrl } from './test-token.js';

// Steps: (1) tester PUTs a new Token of its own whose type (an OpenEnum in 2.3.0) is a value of its own naming, at
// the URL with that type; when it is refused, (1b) a control PUT of a plain RFID Token: refused too, the refusal is
// not the value's and the case skips; (2) GETs the Token back. Validated: the PUT is accepted and the Token reads back
// with the type as sent. Recommended: the value is valid by the OpenEnum type, no sentence binds a Receiver to store
// it (spec-notes N7).
export default defineCase({
  id: 'EXT-03',
  title: 'A Tokens Receiver accepts a Token whose type is a value the specification does not list',
  module: 'tokens',
  versions: ['2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'tokens', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: {
    version: '2.3.0',
    section: 'Types, OpenEnum; Tokens module, TokenType; Receiver interface, PUT',
    rule: 'An OpenEnum leaves room for values the specification does not list; such a value is a valid TokenType.',
  },
  severity: 'recommended',
  checks: ['extensions.open-enum-accepted'],
  async run(t) {
    const read = await pushExtended(t, {
      object: 'Token',
      carrying: `the type ${UNLISTED_ENUM_VALUE} (an OpenEnum value the specification does not list)`,
      probe: testTokenIn(t.version, { type: UNLISTED_ENUM_VALUE }),
      control: () => testTokenIn(t.version),
      urlOf: (token) => tokenUrl(t, token),
      idField: 'uid',
      reportedBy: 'TOK-01',
      check: 'extensions.open-enum-accepted',
      severity: 'recommended',
      because: 'TokenType is an OpenEnum, whose values beyond the listed ones are valid',
    });
    if (!read) return;
    const type = read.stored['type'];
    const at = { exchangeId: read.exchangeId };
    t.check(type === UNLISTED_ENUM_VALUE
      ? pass('extensions.open-enum-accepted', `the Token of type ${UNLISTED_ENUM_VALUE} was accepted and reads back with that type`, at)
      : warn('extensions.open-enum-accepted', `the Token of type ${UNLISTED_ENUM_VALUE} was accepted but reads back with the type ${JSON.stringify(type)}: an OpenEnum value beyond the listed ones is valid, and a Receiver should keep it`, { ...at, at: '/data/type', expected: UNLISTED_ENUM_VALUE, actual: type }));
  },
});
