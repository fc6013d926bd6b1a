import assert from 'node:assert/strict';
import type { CaseSettings } from '../../../src/runner/define-case.js';
import { ALL_CASES } from '../../../suites/index.js';

// The cases that judge what the target sends the tester: they need the token and endpoints a registration gave it.
const CALLED_BY_TARGET = /^(IN-|PEER-)|^PAY-(04|11)$/;

describe('notRegisteredWithTester', () => {
  const settings = (handshake: CaseSettings['handshake']): CaseSettings => ({ handshake, keepRegistration: false, allowCommands: true, allowTerminalChanges: true });

  it('skips every case that waits for the target to call the tester with --handshake none, and none of them otherwise', () => {
    const cases = ALL_CASES.filter((c) => CALLED_BY_TARGET.test(c.id));
    assert.ok(cases.length >= 14, `only ${cases.length} cases matched`);
    const skipped = cases.map((c) => [c.id, c.skipWhen(settings('none'))] as const);
    assert.deepEqual(skipped.filter(([, reason]) => !/^--handshake none: the target holds no token the tester gave it/.test(reason ?? '')), []);
    assert.deepEqual(cases.map((c) => [c.id, c.skipWhen(settings('register'))]).filter(([, reason]) => reason !== undefined), []);
  });
});
