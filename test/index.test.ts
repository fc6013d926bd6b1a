import assert from 'node:assert/strict';
import { defineCase, fail, loadRunConfig, pass, run, startReferenceParty, type CaseDefinition } from '../src/index.js';

// A case as a third party writes it: only the package's exported API, nothing from suites/ or the tool's internals.
const versionsListAnswered: CaseDefinition = defineCase({
  id: 'OWN-01',
  title: 'The versions list answers Token A with HTTP 200',
  module: 'versions',
  versions: ['2.2.1'],
  stage: 'connect',
  requires: ['target'],
  spec: { version: '2.2.1', section: 'Versions module, GET of the versions list', rule: 'A party answers the versions list to a request with the token it handed out.' },
  severity: 'required',
  checks: ['own.versions-answered'],
  async run(t) {
    const target = t.get('target');
    const response = await t.request({ method: 'GET', url: target.versionsUrl, token: target.token });
    t.check(response.status === 200
      ? pass('own.versions-answered', 'the versions list answered HTTP 200', { exchangeId: response.exchange.id })
      : fail('own.versions-answered', `the versions list answered HTTP ${response.status}`, { exchangeId: response.exchange.id, expected: 200, actual: response.status }));
  },
});

describe('the programmatic API', function () {
  this.timeout(30_000);

  it('runs a case written outside suites/ with the exported defineCase against the reference CPO to a passed result', async () => {
    const party = await startReferenceParty({ role: 'cpo' });
    try {
      const config = loadRunConfig({ flags: { versionsUrl: party.versionsUrl, token: party.tokenA.reveal(), quiet: true }, env: {} });
      const result = await run(config, { cases: [versionsListAnswered], signal: AbortSignal.timeout(20_000) });
      assert.deepEqual(result.cases.map((c) => [c.id, c.status]), [['OWN-01', 'passed']]);
      assert.deepEqual(result.cases[0]?.findings.map((f) => [f.check, f.status]).filter(([check]) => check === 'own.versions-answered'), [['own.versions-answered', 'pass']]);
      assert.equal(result.summary.passed, 1);
    } finally {
      await party.stop();
    }
  });
});
