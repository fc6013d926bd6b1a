import assert from 'node:assert/strict';
import { DEFAULT_CRAWL_BOUNDS } from '../../src/runner/crawl-bounds.js';
import { Secret } from '../../src/config/secret.js';
import type { Peer } from '../../src/peer/peer.js';
import { CaseContext } from '../../src/runner/case-context.js';
import { Compensations } from '../../src/runner/compensations.js';
import { defineCase } from '../../src/runner/define-case.js';
import type { StateKey } from '../../src/runner/run-state.js';
import { SessionGuard } from '../../src/runner/session-guard.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

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
  const redactor = new Redactor();
  const client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 100_000, tokenEncoding: 'base64', redactor, nextExchangeId: () => 'x', userAgent: 'test' });
  const endpoints = [{ identifier: 'commands', role: 'RECEIVER', url: `${base}/commands` }, { identifier: 'chargingprofiles', role: 'RECEIVER', url: `${base}/chargingprofiles/` }, { identifier: 'tokens', role: 'RECEIVER', url: `${base}/tokens` }];
  const state = new Map<StateKey, unknown>([['session', { token }], ['endpoints', endpoints]]);
  return new CaseContext(definition, {
    client, peer: {} as Peer, redactor, state, guard: new SessionGuard(), compensations: new Compensations(), redirectsWarned: new Set<string>(), crawlBounds: DEFAULT_CRAWL_BOUNDS,
    settings: { handshake: 'register', keepRegistration: false, allowCommands }, version: '2.2.1', deadlineMs: 1000, signal: new AbortController().signal, emit: () => undefined,
  });
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
