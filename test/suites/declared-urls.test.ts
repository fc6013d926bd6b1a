import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import type { Peer } from '../../src/peer/peer.js';
import { CaseContext } from '../../src/runner/case-context.js';
import { defineCase } from '../../src/runner/define-case.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import type { StateKey } from '../../src/runner/run-state.js';
import { SkipCase } from '../../src/runner/skip-case.js';
import { profileUrl } from '../../suites/chargingprofiles/profile-steps.js';
import { commandUrl } from '../../suites/commands/command-steps.js';
import { receiverUrl } from '../../suites/common/round-trip.js';
import { authorizeUrl } from '../../suites/tokens-sender/authorize-steps.js';
import { tokenUrl } from '../../suites/tokens/test-token.js';
import { moduleProbes } from '../../suites/transport/module-probes.js';
import { testCaseContext } from '../helpers/case-context.js';

const BASE = 'http://127.0.0.1:1/ocpi/cpo/2.2.1';

/** A case context whose target declared the given module URLs. */
function declaring(endpoints: ReadonlyArray<{ identifier: string; role: string; url: string }>, allowCommands = false): CaseContext {
  const peer = { resultUrl: (kind: string) => `http://127.0.0.1:2/ocpi/2.2.1/results/${kind}/1` } as unknown as Peer;
  const state = new Map<StateKey, unknown>([['session', { token: Secret.generate() }], ['endpoints', endpoints]]);
  const definition = defineCase({
    id: 'URL-99',
    title: 'declared URLs under test',
    module: 'locations',
    versions: ['2.2.1'],
    spec: { version: '2.2.1', section: 'test', rule: 'test rule' },
    severity: 'required',
    checks: ['test'],
    requires: ['session', 'endpoints'],
    run: async () => undefined,
  });
  return testCaseContext(definition, { state, peer, settings: { allowCommands }, timeoutMs: 100, maxResponseBytes: 1000 });
}

/** The same modules, declared with a trailing slash (`…/locations/`) or without one (`…/locations`). */
const modules = (slash: '' | '/', allowCommands = false) => declaring([
  { identifier: 'locations', role: 'RECEIVER', url: `${BASE}/locations${slash}` },
  { identifier: 'tokens', role: 'RECEIVER', url: `${BASE}/tokens${slash}` },
  { identifier: 'tokens', role: 'SENDER', url: `${BASE}/tokens${slash}` },
  { identifier: 'commands', role: 'RECEIVER', url: `${BASE}/commands${slash}` },
  { identifier: 'chargingprofiles', role: 'RECEIVER', url: `${BASE}/chargingprofiles${slash}` },
], allowCommands);

describe('the URLs suites build on declared module URLs', () => {
  it('takes a declared module URL verbatim, trailing slash and all', () => {
    assert.equal(moduleUrl(modules('/'), 'locations', 'RECEIVER'), `${BASE}/locations/`);
    assert.equal(moduleUrl(modules(''), 'locations', 'RECEIVER'), `${BASE}/locations`);
  });

  it('skips the case when the module interface is not declared', () => {
    assert.throws(() => moduleUrl(modules('/'), 'locations', 'SENDER'), (error: unknown) => error instanceof SkipCase && /does not declare the locations SENDER interface/.test(error.message));
  });

  for (const slash of ['', '/'] as const) {
    const form = slash ? 'with a trailing slash' : 'without a trailing slash';

    it(`joins object paths with single slashes onto module URLs declared ${form}`, () => {
      const t = modules(slash);
      assert.equal(receiverUrl(t, 'locations', 'LOC 1', 'EVSE/1'), `${BASE}/locations/ZZ/OCT/LOC%201/EVSE%2F1`);
      assert.equal(tokenUrl(t, { uid: 'T1', type: 'RFID' }), `${BASE}/tokens/ZZ/OCT/T1?type=RFID`);
      assert.equal(authorizeUrl(t, { uid: '0123', type: 'APP_USER' }), `${BASE}/tokens/0123/authorize?type=APP_USER`);
      assert.equal(commandUrl(t, 'START_SESSION'), `${BASE}/commands/START_SESSION`);
      assert.equal(profileUrl(t, 'S1', { duration: '60' }), `${BASE}/chargingprofiles/S1?duration=60`);
    });

    it(`probes each module URL declared ${form} at the URL as declared or below it`, () => {
      const urls = moduleProbes(modules(slash, true), { body: true }).map((probe) => probe.request.url);
      assert.deepEqual(urls, [
        `${BASE}/locations/ZZ/OCT/OCT-PROBE-0`,
        `${BASE}/tokens/ZZ/OCT/OCT-PROBE-0`,
        `${BASE}/tokens/OCT-PROBE-0/authorize`,
        `${BASE}/commands/START_SESSION`,
        `${BASE}/chargingprofiles/OCT-PROBE-0`,
      ]);
    });
  }

  it('sends no body probe, which carries the credentials token, to the commands or chargingprofiles Receiver without --allow-commands', () => {
    assert.deepEqual(moduleProbes(modules(''), { body: true }).map((probe) => probe.module), ['locations RECEIVER', 'tokens RECEIVER', 'tokens SENDER']);
  });

  it('probes the commands Receiver without a body probe by cancelling a reservation that does not exist', () => {
    const probe = moduleProbes(modules(''), { body: false }).find((p) => p.module === 'commands RECEIVER');
    assert.equal(probe?.request.method, 'POST');
    assert.equal(probe?.request.url, `${BASE}/commands/CANCEL_RESERVATION`);
    assert.deepEqual(probe?.request.body, { response_url: 'http://127.0.0.1:2/ocpi/2.2.1/results/probe/1', reservation_id: 'OCT-PROBE-0' });
  });

  it('sends a list request to a declared Sender URL exactly as declared', () => {
    const t = declaring([{ identifier: 'tariffs', role: 'SENDER', url: `${BASE}/tariffs/` }]);
    assert.deepEqual(moduleProbes(t, { body: false }).map((probe) => probe.request.url), [`${BASE}/tariffs/`]);
  });
});
