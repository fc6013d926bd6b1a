import assert from 'node:assert/strict';
import { Secret } from '../../../src/config/secret.js';
import { startReferenceParty, type ReferenceParty } from '../../../src/parties/reference-party.js';
import type { CaseDefinition } from '../../../src/runner/define-case.js';
import type { RunState, StateKey } from '../../../src/runner/run-state.js';
import { SkipCase } from '../../../src/runner/skip-case.js';
import { crawlCase } from '../../../suites/sender-lists/crawl-case.js';
import { dateFilterCase } from '../../../suites/sender-lists/date-filter-case.js';
import { limitCase } from '../../../suites/sender-lists/limit-case.js';
import { LIST_MODULES } from '../../../suites/sender-lists/list-module.js';
import { testCaseContext } from '../../helpers/case-context.js';

const cdrs = LIST_MODULES.find((list) => list.module === 'cdrs');
if (!cdrs) throw new Error('no CDRs list module');

/** Runs one case against the party with the shared state; returns its findings, or the skip reason. */
async function runCase(definition: CaseDefinition, state: Map<StateKey, unknown>): Promise<{ failed: string[]; skipped?: string }> {
  const t = testCaseContext(definition, { state, settings: { targetRole: 'cpo' } });
  try {
    await definition.run(t);
  } catch (error) {
    if (error instanceof SkipCase) return { failed: [], skipped: error.message };
    throw error;
  }
  return { failed: [...new Set(t.findings.filter((f) => f.status === 'fail').map((f) => f.check))].sort() };
}

describe('the list filter cases', () => {
  let party: ReferenceParty;
  const state = new Map<StateKey, unknown>();

  before(async () => {
    party = await startReferenceParty({ role: 'cpo', faults: ['cdrs-ignore-filters'] });
    const token = Secret.generate();
    party.preRegister(token);
    const details = party.versionsUrl.replace(/\/versions$/, '/2.2.1');
    state.set('session', { token, partner: [{ countryCode: 'NL', partyId: 'RCP', role: 'CPO' }] } satisfies RunState['session']);
    state.set('endpoints', [{ identifier: 'cdrs', role: 'SENDER', url: `${details}/cdrs` }] satisfies RunState['endpoints']);
  });
  after(() => party.stop());

  it('run on what the crawl saw when a list that ignores its query also fails the crawl, and fail on their own checks', async () => {
    const crawl = await runCase(crawlCase(cdrs), state);
    assert.deepEqual(crawl.failed, ['pagination.no-duplicates', 'pagination.terminates', 'schema.response']);
    const digest = state.get('cdrsList') as RunState['cdrsList'] | undefined;
    assert.equal(digest?.complete, false);
    assert.equal(new Set([...(digest?.entries ?? [])].map(([key]) => key)).size, 10, 'the first page, seen twice');
    const dated = await runCase(dateFilterCase(cdrs), state);
    assert.equal(dated.skipped, undefined);
    assert.ok(dated.failed.includes('pagination.date-filter'), dated.failed.join());
    const limited = await runCase(limitCase(cdrs), state);
    assert.ok(limited.failed.includes('pagination.limit-honoured'), limited.failed.join());
  });
});
