import assert from 'node:assert/strict';
import type { CaseStatus } from '../../src/model/case-result.js';
import type { HandshakeMode } from '../../src/model/handshake-mode.js';
import type { RunEvent } from '../../src/model/run-event.js';
import { withUnreachedPeerNotice } from '../../src/runner/unreached-peer-notice.js';
import { caseResult } from '../helpers/run-result.js';

/** The events a sink saw after the registration ended with `status`, the target having made `inbound` requests to the peer. */
function seen(status: CaseStatus, inbound: number, handshake: HandshakeMode = 'register', id = 'CRED-02'): RunEvent[] {
  const events: RunEvent[] = [];
  const emit = withUnreachedPeerNotice((event) => events.push(event), { versionsUrl: 'https://tester.example/ocpi/versions', inbound: { position: inbound } }, handshake, new Set(['CRED-02']));
  emit({ type: 'case-end', result: caseResult({ id, status }) });
  emit({ type: 'case-end', result: caseResult({ id, status }) });
  return events;
}

describe('the notice of a tester endpoint the target never reached', () => {
  it('comes once, before the failed or errored registration, when the target made no request to the tester at all.', () => {
    for (const status of ['failed', 'errored'] as const) {
      const events = seen(status, 0);
      assert.deepEqual(events.map((e) => e.type), ['notice', 'case-end', 'case-end']);
      const [notice] = events;
      assert.match(notice?.type === 'notice' ? notice.message : '', /^The target made no request to the tester's endpoint \(https:\/\/tester\.example\/ocpi\/versions\) while registering: .* --peer-url /);
    }
  });

  it('stays silent when the target did call, when the registration passed, for other cases, and without --handshake register.', () => {
    assert.deepEqual(seen('failed', 2).map((e) => e.type), ['case-end', 'case-end']);
    assert.deepEqual(seen('passed', 0).map((e) => e.type), ['case-end', 'case-end']);
    assert.deepEqual(seen('failed', 0, 'register', 'LOC-01').map((e) => e.type), ['case-end', 'case-end']);
    assert.deepEqual(seen('failed', 0, 'await').map((e) => e.type), ['case-end', 'case-end']);
  });
});
