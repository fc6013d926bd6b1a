import assert from 'node:assert/strict';
import { FAULTS } from '../../src/parties/fault-catalogue.js';
import { failureTextParts } from '../../src/parties/failure-text.js';
import { RUN_CHECKS } from '../../src/runner/run-checks.js';
import { ALL_CASES } from '../../suites/index.js';
import { appliesTo } from './fault-runs.js';

const caseOf = (id: string) => ALL_CASES.find((c) => c.id === id);

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

  it('declares a fault\'s versions only where one of the cases it names runs.', () => {
    for (const fault of FAULTS) {
      for (const version of fault.versions ?? []) assert.ok(fault.expects.some((e) => caseOf(e.case)?.versions.includes(version)), `${fault.name}: no case it names covers OCPI ${version}`);
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
  const PROVEN_PAIRS = 411;

  it(`has a fault for at least ${PROVEN_PAIRS} of the (case, check) pairs the cases declare, and reports how many.`, () => {
    const { declared, proven } = pairCoverage();
    console.log(`      ${proven} of ${declared} declared (case, check) pairs have a fault`);
    assert.ok(proven >= PROVEN_PAIRS, `only ${proven} pairs have a fault; ${PROVEN_PAIRS} did`);
  });
});

