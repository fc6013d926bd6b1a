import assert from 'node:assert/strict';
import { FAULTS } from '../../src/parties/fault-catalogue.js';
import { failureTextParts } from '../../src/parties/failure-text.js';
import { ALL_CASES } from '../../suites/index.js';

describe('the fault catalogue', () => {
  it('has a fault for every check any case can report, so that no check is one that cannot fail.', () => {
    const proven = new Set(FAULTS.map((fault) => fault.expect.check));
    const unproven = [...new Set(ALL_CASES.flatMap((c) => c.checks))].filter((check) => !proven.has(check));
    assert.deepEqual(unproven, []);
  });

  it('names a case and a check that case declares for every fault.', () => {
    for (const fault of FAULTS) {
      const target = ALL_CASES.find((c) => c.id === fault.expect.case);
      assert.ok(target, `${fault.name}: no case ${fault.expect.case}`);
      assert.ok(target.checks.includes(fault.expect.check), `${fault.name}: ${fault.expect.case} does not report ${fault.expect.check}`);
    }
  });

  it('gives every fault only to parties whose runs include its case.', () => {
    for (const fault of FAULTS) {
      const role = ALL_CASES.find((c) => c.id === fault.expect.case)?.targetRole;
      if (role && role !== 'any') assert.deepEqual(fault.roles, [role], `${fault.name}: ${fault.expect.case} runs against the ${role} only`);
    }
  });

  it('gives every fault a unique name.', () => {
    assert.equal(new Set(FAULTS.map((f) => f.name)).size, FAULTS.length);
  });

  it('gives every fault a well-formed failure text with at least 15 literal characters beyond its placeholders.', () => {
    for (const fault of FAULTS) {
      assert.doesNotThrow(() => failureTextParts(fault.expect.text), `${fault.name}: ${fault.expect.text}`);
      const literal = failureTextParts(fault.expect.text).map((part) => ('literal' in part ? part.literal : '')).join('');
      assert.ok(literal.trim().length >= 15, `${fault.name}: only ${JSON.stringify(literal)} of its failure text is literal`);
    }
  });
});
