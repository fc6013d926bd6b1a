import assert from 'node:assert/strict';
import { Compensations } from '../../src/runner/compensations.js';

const sender = () => ({ exchanges: [], send: () => Promise.reject(new Error('not used')) });

describe('the compensations of a run', () => {
  it('runs what is left newest first at teardown, and nothing that a case settled.', async () => {
    const compensations = new Compensations();
    const order: string[] = [];
    for (const key of ['reservation', 'charging-session', 'charging-profile']) {
      compensations.register({ key, what: `undo ${key}`, caseId: 'CMD-01', run: async () => (order.push(key), 'done') });
    }
    compensations.settle('charging-profile');
    const steps = await compensations.runAll(sender);
    assert.deepEqual(order, ['charging-session', 'reservation']);
    assert.deepEqual(steps.map((s) => [s.what, s.status]), [['undo charging-session', 'done'], ['undo reservation', 'done']]);
    assert.equal(compensations.pending.length, 0);
  });

  it('goes on after a step that fails, and reports why it failed.', async () => {
    const compensations = new Compensations();
    compensations.register({ key: 'a', what: 'a', caseId: 'X', run: async () => 'fine' });
    compensations.register({ key: 'b', what: 'b', caseId: 'X', run: async () => { throw new Error('HTTP 500'); } });
    const steps = await compensations.runAll(sender);
    assert.deepEqual(steps.map((s) => [s.what, s.status, s.detail]), [['b', 'failed', 'HTTP 500'], ['a', 'done', 'fine']]);
  });

  it('ends a step that outlives its deadline as failed, aborting what it sends, and goes on with the next.', async () => {
    const compensations = new Compensations();
    let aborted = false;
    compensations.register({ key: 'a', what: 'a', caseId: 'X', run: async () => 'fine' });
    compensations.register({ key: 'hangs', what: 'hangs', caseId: 'X', run: (recording) => recording.send({ method: 'DELETE', url: 'http://127.0.0.1/never' }).then(() => 'answered') });
    const steps = await compensations.runAll((_compensation, signal) => ({
      exchanges: [],
      send: () => new Promise((_resolve, reject) => signal.addEventListener('abort', () => {
        aborted = true;
        reject(new Error('aborted'));
      })),
    }), { stepDeadlineMs: 50 });
    assert.deepEqual(steps.map((s) => [s.what, s.status]), [['hangs', 'failed'], ['a', 'done']]);
    assert.match(steps[0]?.detail ?? '', /did not end within 50 ms/);
    assert.ok(aborted, 'the step was told to stop');
  });
});
