import { LookaheadRuns } from '../helpers/lookahead-runs.js';
import assert from 'node:assert/strict';
import { loadRunConfig } from '../../src/config/load-run-config.js';
import { FAULTS, type Fault, type FaultExpectation, type PartyRole } from '../../src/parties/fault-catalogue.js';
import { failureTextParts, matchesFailureText } from '../../src/parties/failure-text.js';
import { unfoldedMessage } from '../../src/checks/fold-repeated.js';
import type { CaseResult, RunResult } from '../../src/runner/case-result.js';
import { run } from '../../src/run.js';
import { RUN_CHECKS } from '../../src/runner/run-checks.js';
import { ALL_CASES } from '../../suites/index.js';

const caseOf = (id: string) => ALL_CASES.find((c) => c.id === id);

/** Whether a run against this party includes the expectation's case (a fault of both parties may name cases of one). */
const appliesTo = (e: FaultExpectation, role: PartyRole): boolean => [role, 'any'].includes(caseOf(e.case)?.targetRole ?? '');

/** An expectation the run must show as a failure: a required case, and not a warning. */
const failsIn = (e: FaultExpectation): boolean => e.status !== 'warn' && caseOf(e.case)?.severity === 'required';

/**
 * Every (case, check) pair the cases declare, and the pairs some fault trips. The run-level checks every case declares
 * (a redirect met on any request, RUN_CHECKS) are left out: whichever case meets a redirect first reports it, so they
 * are proven once, by their own fault, not per case.
 */
export function pairCoverage(): { declared: number; proven: number; unproven: string[] } {
  const proven = new Set(FAULTS.flatMap((f) => f.expects.map((e) => `${e.case} ${e.check}`)));
  const declared = ALL_CASES.flatMap((c) => c.checks.filter((check) => !RUN_CHECKS.includes(check)).map((check) => `${c.id} ${check}`));
  const unproven = declared.filter((pair) => !proven.has(pair));
  return { declared: declared.length, proven: declared.length - unproven.length, unproven };
}

describe('the fault catalogue', () => {
  it('has a fault for every check any case can report, so that no check is one that cannot fail.', () => {
    const proven = new Set(FAULTS.flatMap((fault) => fault.expects.map((e) => e.check)));
    const unproven = [...new Set(ALL_CASES.flatMap((c) => c.checks))].filter((check) => !proven.has(check));
    assert.deepEqual(unproven, []);
  });

  it('names, in every expectation of every fault, a case and a check that case declares.', () => {
    for (const fault of FAULTS) {
      assert.ok(fault.expects.length > 0, `${fault.name}: names no case`);
      for (const e of fault.expects) {
        const target = caseOf(e.case);
        assert.ok(target, `${fault.name}: no case ${e.case}`);
        assert.ok(target.checks.includes(e.check), `${fault.name}: ${e.case} does not report ${e.check}`);
      }
    }
  });

  it('names only cases that run against one of the fault\'s parties, and something in each of its parties.', () => {
    for (const fault of FAULTS) {
      for (const e of fault.expects) assert.ok(fault.roles.some((role) => appliesTo(e, role)), `${fault.name}: ${e.case} runs against none of ${fault.roles.join(', ')}`);
      for (const role of fault.roles) assert.ok(fault.expects.some((e) => appliesTo(e, role)), `${fault.name}: names no case of the ${role}`);
    }
  });

  it('gives every fault a unique name.', () => {
    assert.equal(new Set(FAULTS.map((f) => f.name)).size, FAULTS.length);
  });

  it('gives every expectation a well-formed failure text with at least 15 literal characters beyond its placeholders.', () => {
    for (const fault of FAULTS) {
      for (const e of fault.expects) {
        assert.doesNotThrow(() => failureTextParts(e.text), `${fault.name}: ${e.text}`);
        const literal = failureTextParts(e.text).map((part) => ('literal' in part ? part.literal : '')).join('');
        assert.ok(literal.trim().length >= 15, `${fault.name}: only ${JSON.stringify(literal)} of its failure text is literal`);
      }
    }
  });

  // A ratchet: raise it when faults are added; a change that loses a proven pair fails here.
  const PROVEN_PAIRS = 283;

  it(`has a fault for at least ${PROVEN_PAIRS} of the (case, check) pairs the cases declare, and reports how many.`, () => {
    const { declared, proven } = pairCoverage();
    console.log(`      ${proven} of ${declared} declared (case, check) pairs have a fault`);
    assert.ok(proven >= PROVEN_PAIRS, `only ${proven} pairs have a fault; ${PROVEN_PAIRS} did`);
  });
});

/** Fault runs under way at once, at most this many ahead of the test that awaits one. */
const RUN_LOOKAHEAD = { concurrency: 6, window: 40 };

/** Runs the embedded party with one fault, in-process, the way `run --embedded ROLE --embedded-fault NAME` does. */
async function runWithFault(fault: Fault, role: PartyRole): Promise<RunResult> {
  const flags = { embedded: role, embeddedFault: [fault.name], handshake: fault.handshake, deadline: fault.deadlineMs ?? 3000, quiet: true, ...fault.runFlags };
  return run(loadRunConfig({ flags, env: {} }));
}

const describeFindings = (c: CaseResult | undefined): string =>
  c?.findings.filter((f) => f.status !== 'pass').map((f) => `\n  ${f.status}: ${f.check}: ${f.message}`).join('') || ` none (${c?.status ?? 'not run'}${c?.reason ? `: ${c.reason}` : ''})`;

/** The named case shows the named check, with the status and the exact text the fault promises. */
function assertExpectation(result: RunResult, fault: Fault, e: FaultExpectation): void {
  const status = failsIn(e) ? 'fail' : 'warn';
  const reported = result.cases.find((c) => c.id === e.case);
  // A failure found at several places is folded into one with "(and N more like it ...)": the template is the first's text.
  const matched = reported?.findings.some((f) => f.check === e.check && f.status === status && matchesFailureText(e.text, unfoldedMessage(f.message)));
  assert.ok(matched, `${fault.name}: ${e.case} has no ${status} of ${e.check} matching\n  ${e.text}\nit reported:${describeFindings(reported)}`);
  if (e.single && status === 'fail') {
    const failures = reported?.findings.filter((f) => f.status === 'fail') ?? [];
    assert.equal(failures.length, 1, `${fault.name}: one root cause, one failure in ${e.case}:${describeFindings(reported)}`);
  }
}

describe('each fault of the catalogue, in each party that has it', function () {
  this.timeout(60_000);
  const runs = FAULTS.flatMap((fault) => fault.roles.map((role) => ({ fault, role })));
  // Runs overlap: each waits on its own servers and deadline far more than it computes.
  const results = new LookaheadRuns(runs.map(({ fault, role }) => () => runWithFault(fault, role)), RUN_LOOKAHEAD);
  runs.forEach(({ fault, role }, index) => {
    const party = role === 'cpo' ? 'the reference CPO' : 'the reference eMSP';
    const expects = fault.expects.filter((e) => appliesTo(e, role));
    const failing = [...new Set(expects.filter(failsIn).map((e) => e.case))].sort();
    const verdict = failing.length > 0 ? `fails ${failing.join(', ')} and no other case` : `warns in ${[...new Set(expects.map((e) => e.case))].join(', ')} and fails no case`;
    it(`${verdict} when in ${party} ${fault.description}.`, async () => {
      const result = await results.result(index);
      const failed = result.cases.filter((c) => c.status === 'failed').map((c) => c.id).sort();
      const unnamed = failed.filter((id) => !failing.includes(id)).map((id) => `${id}:${describeFindings(result.cases.find((c) => c.id === id))}`);
      assert.deepEqual(unnamed, [], `${fault.name}: cases it does not name failed`);
      assert.deepEqual(result.cases.filter((c) => c.status === 'errored').map((c) => `${c.id}: ${c.reason ?? ''}`), []);
      for (const e of expects) assertExpectation(result, fault, e);
      assert.deepEqual(failed, failing);
    });
  });
});
