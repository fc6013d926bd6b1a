import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { fail, pass } from '../../src/checks/finding.js';
import { Secret } from '../../src/config/secret.js';
import type { CaseServices } from '../../src/runner/case-context.js';
import { defineCase, type CaseInput } from '../../src/runner/define-case.js';
import type { RunEvent } from '../../src/model/run-event.js';
import { executePlan } from '../../src/runner/execute-plan.js';
import type { StateKey } from '../../src/runner/run-state.js';
import { SessionGuard } from '../../src/runner/session-guard.js';
import { Compensations } from '../../src/runner/compensations.js';
import { DEFAULT_CRAWL_BOUNDS } from '../../src/runner/crawl-bounds.js';
import { Redactor } from '../../src/transport/redactor.js';
import { ListEntries } from '../../src/runner/list-entries.js';

const SPEC = { version: '2.2.1' as const, section: 'test', rule: 'test rule' };

function testCase(input: Partial<CaseInput> & Pick<CaseInput, 'id' | 'run'>) {
  return defineCase({ title: input.id, module: 'test', versions: ['2.2.1'], spec: SPEC, severity: 'required', checks: ['test.check'], ...input });
}

function services(events: RunEvent[] = []): Omit<CaseServices, 'signal'> {
  return {
    client: undefined as never,
    peer: undefined as never,
    redactor: new Redactor(),
    state: new Map<StateKey, unknown>(),
    settings: { handshake: 'register', keepRegistration: false, allowCommands: false },
    version: '2.2.1',
    deadlineMs: 1000,
    crawlBounds: DEFAULT_CRAWL_BOUNDS,
    emit: (event) => events.push(event),
    guard: new SessionGuard(),
    compensations: new Compensations(),
    redirectsWarned: new Set<string>(),
  };
}

const ok = async (t: { check: (f: ReturnType<typeof pass>) => void }): Promise<void> => t.check(pass('test.check', 'fine'));

describe('the executor', () => {
  it('runs a case after the case that provides what it requires', async () => {
    const order: string[] = [];
    const provider = testCase({ id: 'T-01', provides: ['session'], run: async (t) => { order.push('T-01'); t.provide('session', { token: new Secret('x') }); t.check(pass('test.check', 'ok')); } });
    const consumer = testCase({ id: 'T-02', requires: ['session'], run: async (t) => { order.push('T-02'); await ok(t); } });
    const results = await executePlan({ cases: [consumer, provider], services: services(), concurrency: 4, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(order, ['T-01', 'T-02']);
    assert.deepEqual(results.map((r) => r.status), ['passed', 'passed']);
  });

  it('lets each case\'s first request go out before it starts the next, and starts a case its provider readied meanwhile without waiting for another to end', async () => {
    const log: string[] = [];
    let provided = (): void => undefined;
    const answered = new Promise<void>((resolve) => (provided = resolve));
    // T-01 provides the session once T-03 has started; T-02, ranked before T-03, was looked at (and had to wait) first.
    const provider = testCase({ id: 'T-01', provides: ['session'], run: async (t) => {
      setImmediate(() => log.push('T-01 request out'));
      await answered;
      t.provide('session', { token: new Secret('x') });
      await ok(t);
    } });
    const consumer = testCase({ id: 'T-02', requires: ['session'], run: async (t) => { log.push('T-02 started'); await ok(t); } });
    const slow = testCase({ id: 'T-03', run: async (t) => {
      log.push('T-03 started');
      provided();
      await new Promise((resolve) => setTimeout(resolve, 300));
      log.push('T-03 ended');
      await ok(t);
    } });
    const results = await executePlan({ cases: [provider, consumer, slow], services: services(), concurrency: 3, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(log, ['T-01 request out', 'T-03 started', 'T-02 started', 'T-03 ended']);
    assert.deepEqual(results.map((r) => r.status), ['passed', 'passed', 'passed']);
  });

  it('skips a case whose requirement was not provided, naming the provider and its outcome', async () => {
    const provider = testCase({ id: 'T-01', provides: ['session'], run: async (t) => t.check(fail('test.check', 'broken')) });
    const consumer = testCase({ id: 'T-02', requires: ['session'], run: ok });
    const [first, second] = await executePlan({ cases: [provider, consumer], services: services(), concurrency: 1, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.equal(first?.status, 'failed');
    assert.equal(second?.status, 'skipped');
    assert.equal(second?.reason, 'needs session, which was not provided (T-01 failed)');
  });

  it('reports a case that recorded a failure and then stopped as failed, with the reason it stopped, and one that stopped clean as skipped.', async () => {
    const failedThenStopped = testCase({ id: 'T-01', run: async (t) => { t.check(fail('test.check', 'broken')); t.skip('cannot go on'); } });
    const stoppedClean = testCase({ id: 'T-02', run: async (t) => { t.check(pass('test.check', 'fine')); t.skip('cannot go on'); } });
    const recommended = testCase({ id: 'T-03', severity: 'recommended', run: async (t) => { t.check(fail('test.check', 'broken')); t.skip('cannot go on'); } });
    const results = await executePlan({ cases: [failedThenStopped, stoppedClean, recommended], services: services(), concurrency: 1, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(results.map((r) => [r.status, r.reason]), [['failed', 'cannot go on'], ['skipped', 'cannot go on'], ['skipped', 'cannot go on']]);
    assert.equal(results[0]?.findings[0]?.status, 'fail');
  });

  it('skips a case whose module interface the target did not declare, and runs one it did', async () => {
    const state = services();
    state.state.set('endpoints', [{ identifier: 'locations', role: 'SENDER', url: 'http://x/locations' }]);
    const declared = testCase({ id: 'T-01', requires: ['endpoints'], endpoint: { module: 'locations', role: 'SENDER' }, run: ok });
    const undeclared = testCase({ id: 'T-02', requires: ['endpoints'], endpoint: { module: 'tokens', role: 'RECEIVER' }, run: ok });
    const wrongRole = testCase({ id: 'T-03', requires: ['endpoints'], endpoint: { module: 'locations', role: 'RECEIVER' }, run: ok });
    const results = await executePlan({ cases: [declared, undeclared, wrongRole], services: state, concurrency: 4, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(results.map((r) => r.status), ['passed', 'skipped', 'skipped']);
    assert.equal(results[1]?.reason, 'the target does not declare the tokens RECEIVER interface in its version details');
    assert.deepEqual(results.map((r) => r.undeclared), [undefined, { module: 'tokens', role: 'RECEIVER' }, { module: 'locations', role: 'RECEIVER' }]);
  });

  it('announces each stage that has cases, in order, and counts the objects a case received.', async () => {
    const events: RunEvent[] = [];
    const connect = testCase({ id: 'T-01', stage: 'connect', run: ok });
    const crawl = testCase({ id: 'T-02', run: async (t) => { t.countObjects(3); t.countObjects(4); await ok(t); } });
    const results = await executePlan({ cases: [connect, crawl], services: services(events), concurrency: 2, caseTimeoutMs: 1000, signal: new AbortController().signal });
    const stages = events.flatMap((e) => (e.type === 'stage-start' ? [`start ${e.stage} ${e.cases}`] : e.type === 'stage-end' ? [`end ${e.stage}`] : []));
    assert.deepEqual(stages, ['start connect 1', 'end connect', 'start modules 1', 'end modules']);
    assert.deepEqual(results.map((r) => r.objectsReceived), [undefined, 7]);
  });

  it('refuses a case that names an endpoint without requiring the endpoints', () => {
    assert.throws(() => testCase({ id: 'T-01', endpoint: { module: 'locations', role: 'SENDER' }, run: ok }), /does not require endpoints/);
  });

  it('reports a recommended rule that fails as a warning, not a failure', async () => {
    const advice = testCase({ id: 'T-01', severity: 'recommended', run: async (t) => t.check(fail('test.check', 'should have')) });
    const [result] = await executePlan({ cases: [advice], services: services(), concurrency: 1, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.equal(result?.status, 'passed');
    assert.equal(result?.findings[0]?.status, 'warn');
  });

  it('ends a case that throws as errored, and one that records nothing as errored too', async () => {
    const throws = testCase({ id: 'T-01', run: async () => { throw new Error('boom'); } });
    const silent = testCase({ id: 'T-02', run: async () => undefined });
    const results = await executePlan({ cases: [throws, silent], services: services(), concurrency: 2, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(results.map((r) => [r.status, r.reason]), [['errored', 'boom'], ['errored', 'the case recorded no findings (tester defect)']]);
  });

  it('ends a case that makes no progress for the case timeout as errored', async () => {
    const slow = testCase({ id: 'T-01', run: () => new Promise(() => undefined) });
    const [result] = await executePlan({ cases: [slow], services: services(), concurrency: 1, caseTimeoutMs: 30, signal: new AbortController().signal });
    assert.equal(result?.status, 'errored');
    assert.match(result?.reason ?? '', /made no progress for 30 ms/);
  });

  it('lets a case run past the case timeout as long as its requests keep getting answers', async () => {
    const answered = { redirects: [], status: 200, exchange: { id: 'x1', direction: 'outbound', request: { method: 'GET', url: 'http://x/', headers: {} }, timings: { startedAt: '', durationMs: 0 } } };
    const client = { send: () => new Promise((resolve) => setTimeout(() => resolve(answered), 25)) } as unknown as CaseServices['client'];
    const long = testCase({ id: 'T-01', run: async (t) => {
      for (let page = 0; page < 6; page += 1) await t.request({ method: 'GET', url: 'http://x/', token: null });
      await ok(t);
    } });
    const [result] = await executePlan({ cases: [long], services: { ...services(), client }, concurrency: 1, caseTimeoutMs: 60, signal: new AbortController().signal });
    assert.equal(result?.status, 'passed', result?.reason);
  });

  it('never runs more cases at once than the concurrency allows', async () => {
    let running = 0;
    let peak = 0;
    const cases = ['T-01', 'T-02', 'T-03', 'T-04', 'T-05'].map((id) => testCase({ id, run: async (t) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
      t.check(pass('test.check', 'ok'));
    } }));
    await executePlan({ cases, services: services(), concurrency: 2, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.equal(peak, 2);
  });

  it('runs the stages in order: a disconnect case after every modules case', async () => {
    const order: string[] = [];
    const last = testCase({ id: 'T-01', stage: 'disconnect', run: async (t) => { order.push('disconnect'); await ok(t); } });
    const middle = testCase({ id: 'T-02', run: async (t) => { order.push('modules'); await ok(t); } });
    await executePlan({ cases: [last, middle], services: services(), concurrency: 4, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(order, ['modules', 'disconnect']);
  });

  it('skips what has not started once the run is interrupted', async () => {
    const controller = new AbortController();
    const first = testCase({ id: 'T-01', run: async (t) => { controller.abort(); await ok(t); } });
    const second = testCase({ id: 'T-02', run: ok });
    const results = await executePlan({ cases: [first, second], services: services(), concurrency: 1, caseTimeoutMs: 1000, signal: controller.signal });
    assert.deepEqual(results.map((r) => r.status), ['passed', 'skipped']);
    assert.equal(results[1]?.reason, 'the run was interrupted');
  });

  it('reports a case the interrupt cut short as interrupted, not as failed or errored, keeping its findings', async () => {
    const controller = new AbortController();
    const waiting = testCase({ id: 'T-01', run: async (t) => {
      t.check(fail('test.check', 'no callback arrived'));
      controller.abort();
      throw new Error('wait for a callback interrupted');
    } });
    const [result] = await executePlan({ cases: [waiting], services: services(), concurrency: 1, caseTimeoutMs: 1000, signal: controller.signal });
    assert.equal(result?.status, 'skipped');
    assert.equal(result?.reason, 'the run was interrupted while the case ran (wait for a callback interrupted)');
    assert.equal(result?.findings[0]?.status, 'fail');
  });

  it('refuses a check id the case does not declare', async () => {
    const sloppy = testCase({ id: 'T-01', run: async (t) => t.check(pass('other.check', 'x')) });
    const [result] = await executePlan({ cases: [sloppy], services: services(), concurrency: 1, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.match(result?.reason ?? '', /reported check "other.check" it does not declare/);
  });

  it('emits case-start and case-end events, and freezes results', async () => {
    const events: RunEvent[] = [];
    const [result] = await executePlan({ cases: [testCase({ id: 'T-01', run: ok })], services: services(events), concurrency: 1, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(events.map((e) => e.type), ['stage-start', 'case-start', 'case-end', 'stage-end']);
    assert.ok(Object.isFrozen(result) && Object.isFrozen(result?.findings));
  });
});

describe("the executor's order of cases", () => {
  const started = (order: string[]) => async (t: { id: string; check: (f: ReturnType<typeof pass>) => void }): Promise<void> => {
    order.push(t.id);
    await new Promise((resolve) => setImmediate(resolve));
    t.check(pass('test.check', 'ok'));
  };

  it('starts the head of the longest chain of dependent cases first, before cases declared earlier that nothing waits on.', async () => {
    const order: string[] = [];
    const run = started(order);
    const cases = [
      testCase({ id: 'AUTH-01', run }),
      testCase({ id: 'AUTH-02', run }),
      testCase({ id: 'LOC-01', provides: ['locationsList'], run: async (t) => { t.provide('locationsList', { entries: new ListEntries(), complete: true }); await run(t); } }),
      testCase({ id: 'LOC-04', requires: ['locationsList'], run }),
      testCase({ id: 'CMD-03', after: ['LOC-04'], run }),
    ];
    await executePlan({ cases, services: services(), concurrency: 1, caseTimeoutMs: 1000, signal: new AbortController().signal });
    // Declaration order would start AUTH-01 first. The chain LOC-01 > LOC-04 > CMD-03 goes first while it is the longest;
    // its last case, on which nothing waits, then ranks with the others, in declaration order.
    assert.deepEqual(order, ['LOC-01', 'LOC-04', 'AUTH-01', 'AUTH-02', 'CMD-03']);
  });

  it('gives the free slots to the longer chain when two chains start at once, ties in declaration order.', async () => {
    const order: string[] = [];
    const run = started(order);
    const cases = [
      testCase({ id: 'TAR-01', run }),
      testCase({ id: 'TAR-02', after: ['TAR-01'], run }),
      testCase({ id: 'SES-01', run }),
      testCase({ id: 'SES-02', after: ['SES-01'], run }),
      testCase({ id: 'SES-03', after: ['SES-02'], run }),
      testCase({ id: 'CDR-01', run }),
    ];
    await executePlan({ cases, services: services(), concurrency: 2, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(order.slice(0, 2), ['SES-01', 'TAR-01']);
  });

  it('reports the results in plan order whatever order the cases ran in.', async () => {
    const order: string[] = [];
    const run = started(order);
    const cases = [testCase({ id: 'T-01', run }), testCase({ id: 'T-02', run }), testCase({ id: 'T-03', after: ['T-02'], run })];
    const results = await executePlan({ cases, services: services(), concurrency: 1, caseTimeoutMs: 1000, signal: new AbortController().signal });
    assert.deepEqual(order, ['T-02', 'T-01', 'T-03']);
    assert.deepEqual(results.map((r) => r.id), ['T-01', 'T-02', 'T-03']);
  });

  it("adds one listener to the run's signal however many cases run at once, and ends what each case waits on when the run is interrupted.", async () => {
    const controller = new AbortController();
    const listeners: number[] = [];
    let waiting = 0;
    // A peer whose waits end only when the case's signal aborts; the last case to wait interrupts the run.
    const peer = {
      waitForRequest: (_match: unknown, { signal }: { signal: AbortSignal }) => new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('wait ended by its signal')), { once: true });
        waiting += 1;
        if (waiting === 16) controller.abort();
      }),
    } as unknown as CaseServices['peer'];
    const cases = Array.from({ length: 16 }, (_, index) => testCase({ id: `T-${String(index + 1).padStart(2, '0')}`, run: async (t) => {
      listeners.push(getEventListeners(controller.signal, 'abort').length);
      t.check(pass('test.check', 'ok'));
      await t.waitForRequest('a callback', () => true);
    } }));
    const results = await executePlan({ cases, services: { ...services(), peer }, concurrency: 16, caseTimeoutMs: 10_000, signal: controller.signal });
    assert.deepEqual([...new Set(listeners)], [1]);
    assert.deepEqual([...new Set(results.map((r) => r.reason))], ['the run was interrupted while the case ran (wait ended by its signal)']);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });
});

describe('defineCase', () => {
  it('refuses an id that is not of the form AREA-NN', () => {
    assert.throws(() => testCase({ id: 'ver1', run: ok }), /not of the form AREA-NN/);
  });
});
