import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { CaseContext } from '../../src/runner/case-context.js';
import { Compensations } from '../../src/runner/compensations.js';
import type { Trigger, TriggerRequest } from '../../src/model/trigger-request.js';
import { defineCase } from '../../src/runner/define-case.js';
import type { StateKey } from '../../src/runner/run-state.js';
import { testCaseContext } from '../helpers/case-context.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { fail, pass } from '../../src/checks/finding.js';
import { receivedView } from '../../src/transport/received-view.js';
import { Redactor } from '../../src/transport/redactor.js';

const definition = defineCase({
  id: 'AUTH-99',
  title: 'a case under test',
  module: 'transport',
  versions: ['2.2.1'],
  spec: { version: '2.2.1', section: 'test', rule: 'test rule' },
  severity: 'required',
  checks: ['test.check'],
  requires: ['session', 'endpoints'],
  run: async () => undefined,
});

function caseContext(base: string, token: Secret, allowCommands: boolean): CaseContext {
  const endpoints = [{ identifier: 'commands', role: 'RECEIVER', url: `${base}/commands` }, { identifier: 'chargingprofiles', role: 'RECEIVER', url: `${base}/chargingprofiles/` }, { identifier: 'tokens', role: 'RECEIVER', url: `${base}/tokens` }];
  const state = new Map<StateKey, unknown>([['session', { token }], ['endpoints', endpoints]]);
  return testCaseContext(definition, { state, settings: { allowCommands } });
}

describe('CaseContext requests to the Receivers that act on chargers', () => {
  let server: TestServer;
  const received: string[] = [];
  before(async () => {
    server = await startTestServer();
    server.handler = (req, res) => {
      received.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status_code: 2000, timestamp: '2026-01-01T00:00:00Z' }));
    };
  });
  after(() => server.close());
  beforeEach(() => (received.length = 0));

  it('refuses, before sending anything, a request carrying the credentials token without --allow-commands, as a tester defect.', async () => {
    const token = Secret.generate();
    const t = caseContext(server.url, token, false);
    for (const [method, path] of [['POST', '/commands/START_SESSION'], ['GET', '/chargingprofiles/S1?duration=60'], ['PUT', '/chargingprofiles/S1']] as const) {
      await assert.rejects(t.request({ method, url: `${server.url}${path}`, token }), /tried to (POST|GET|PUT) the (commands|chargingprofiles) Receiver with the credentials token without --allow-commands, which could act on a real charger \(tester defect\)/);
    }
    assert.deepEqual(received, []);
  });

  it('lets through requests a target must refuse (no token, an unknown one), other modules, and everything with --allow-commands.', async () => {
    const token = Secret.generate();
    const t = caseContext(server.url, token, false);
    await t.request({ method: 'POST', url: `${server.url}/commands/CANCEL_RESERVATION`, token: null, body: {} });
    await t.request({ method: 'POST', url: `${server.url}/commands/CANCEL_RESERVATION`, token: Secret.generate(), body: {} });
    await t.request({ method: 'GET', url: `${server.url}/tokens/ZZ/OCT/1`, token });
    await caseContext(server.url, token, true).request({ method: 'POST', url: `${server.url}/commands/START_SESSION`, token, body: {} });
    assert.equal(received.length, 4);
  });
});

describe('CaseContext.inParallel', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('sends independent requests at once, and keeps their results and evidence in the order given whichever answer comes first.', async () => {
    // The first request is answered only once the last has arrived: they can only all end if they are under way at once.
    const held: Array<() => void> = [];
    server.handler = (req, res) => {
      const answer = (): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url }));
      if (req.url === '/first') held.push(answer);
      else answer();
      if (req.url === '/last') held.forEach((release) => release());
    };
    const t = caseContext(server.url, Secret.generate(), false);
    const paths = ['/first', '/second', '/last'];
    const responses = await t.inParallel(paths, (path) => t.request({ method: 'GET', url: `${server.url}${path}`, token: null }));
    assert.deepEqual(responses.map((r) => (r.body as { path: string }).path), paths);
    assert.deepEqual(t.exchanges.map((e) => new URL(e.request.url).pathname), paths);
  });

  it('sends one request at a time when the run\'s concurrency is 1, as a user asking for gentleness expects.', async () => {
    let inFlight = 0;
    let most = 0;
    server.handler = (req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      }, 20);
    };
    const state = new Map<StateKey, unknown>([['session', { token: Secret.generate() }], ['endpoints', []]]);
    const t = testCaseContext(definition, { state, parallelSteps: 1 });
    await t.inParallel(['/a', '/b', '/c'], (path) => t.request({ method: 'GET', url: `${server.url}${path}`, token: null }));
    assert.equal(most, 1);
  });

  it('rejects with the first failure in the order given, once every step has ended.', async () => {
    const ended: string[] = [];
    const t = caseContext(server.url, Secret.generate(), false);
    const step = async (name: string): Promise<string> => {
      await new Promise((resolve) => setImmediate(resolve));
      ended.push(name);
      if (name !== 'a') throw new Error(`${name} failed`);
      return name;
    };
    await assert.rejects(t.inParallel(['a', 'b', 'c'], (name) => (name === 'c' ? Promise.reject(new Error('c failed')) : step(name))), /b failed/);
    assert.deepEqual(ended, ['a', 'b']);
  });
});

describe('CaseContext evidence and findings', () => {
  const locations = defineCase({
    id: 'LOC-99', title: 'evidence under test', module: 'locations', versions: ['2.2.1'], spec: { version: '2.2.1', section: 'test', rule: 'test rule' },
    severity: 'required', checks: ['schema.response'], requires: ['session'], run: async () => undefined,
  });
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    server.handler = (_req, res) => res.end('{"data":[{"id":"ctx-token-0123456789"}]}');
  });
  after(() => server.close());

  const context = (): { t: CaseContext; redactor: Redactor } => {
    const redactor = new Redactor();
    redactor.add(new Secret('ctx-token-0123456789'));
    return { t: testCaseContext(locations, { state: new Map<StateKey, unknown>([['session', { token: Secret.generate() }]]), redactor }), redactor };
  };

  it('refuses to keep a view of a body as received, as a tester defect', async () => {
    const { t } = context();
    const response = await t.request({ method: 'GET', url: server.url, token: null }, { evidence: false });
    assert.throws(() => t.attach(receivedView(response)), /tried to keep exchange x1 as received, before redaction \(tester defect\)/);
    t.attach(response.exchange);
    assert.doesNotMatch(JSON.stringify(t.exchanges), /ctx-token-0123456789/);
  });

  it('redacts every finding it records, in its message, place, values, diff and repeats', () => {
    const { t } = context();
    const secret = 'ctx-token-0123456789';
    t.check(fail('schema.response', `"${secret}" is too long`, { at: `/data/0/${secret}`, actual: { id: secret }, expected: [secret], diff: [{ path: `/${secret}`, kind: 'changed', expected: 1, actual: secret }], repeats: [{ at: `/data/1/${secret}` }] }));
    const clean = pass('schema.response', 'valid Location');
    t.check(clean);
    assert.doesNotMatch(JSON.stringify(t.findings), /ctx-token-0123456789/);
    assert.equal(t.findings[0]?.message, '"[redacted]" is too long');
    assert.ok(Object.isFrozen(t.findings[0]?.actual));
    assert.equal(t.findings[1], clean, 'a finding with nothing to take out is kept as it is');
  });
});

describe('CaseContext.compensateWithTrigger', () => {
  const definition = defineCase({ id: 'TRG-01', title: 'test', module: 'sessions', versions: ['2.2.1'], spec: { version: '2.2.1', section: 's', rule: 'r' }, severity: 'required', checks: ['c'], run: async () => undefined });
  const noSender = () => ({ exchanges: [] }) as never;

  it('fires the trigger at teardown with what the case learned meanwhile, unless the case settles it.', async () => {
    const fired: TriggerRequest[] = [];
    const trigger: Trigger = { kind: 'test', fire: async (request) => { fired.push(request); return { status: 'done' }; } };
    const compensations = new Compensations();
    const t = testCaseContext(definition, { state: new Map(), compensations, trigger });
    let learned = '';
    t.compensateWithTrigger('stop', 'stop the session', () => ({ action: 'stop-session', params: { session_id: learned } }));
    learned = 'S1';
    const steps = await compensations.runAll(noSender);
    assert.deepEqual(fired, [{ action: 'stop-session', params: { session_id: 'S1' } }]);
    assert.deepEqual(steps.map((step) => [step.status, step.detail]), [['done', 'stop-session asked through the test trigger']]);
    t.compensateWithTrigger('stop', 'stop the session', () => ({ action: 'stop-session', params: { session_id: 'S2' } }));
    t.settle('stop');
    assert.deepEqual(await compensations.runAll(noSender), []);
  });

  it('reports a trigger that fails as a failed teardown step, and registers nothing without a trigger.', async () => {
    const compensations = new Compensations();
    const failing: Trigger = { kind: 'test', fire: async () => ({ status: 'failed', reason: 'the harness is down' }) };
    testCaseContext(definition, { state: new Map(), compensations, trigger: failing }).compensateWithTrigger('stop', 'stop', () => ({ action: 'stop-session', params: {} }));
    const [step] = await compensations.runAll(noSender);
    assert.equal(step?.status, 'failed');
    assert.match(step?.detail ?? '', /the harness is down/);
    testCaseContext(definition, { state: new Map(), compensations }).compensateWithTrigger('stop', 'stop', () => ({ action: 'stop-session', params: {} }));
    assert.deepEqual(compensations.pending, []);
  });
});
