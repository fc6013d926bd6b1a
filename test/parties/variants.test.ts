import assert from 'node:assert/strict';
import { FAULTS } from '../../src/parties/fault-catalogue.js';
import { VARIANTS } from '../../src/parties/variant-catalogue.js';

describe('the variant catalogue', () => {
  it('gives every variant at least one role, a description and a rule.', () => {
    for (const variant of VARIANTS) {
      assert.ok(variant.roles.length > 0, `${variant.name}: no role`);
      assert.ok(variant.description.length > 10, `${variant.name}: no description`);
      assert.match(variant.rule, /^[A-Z][^:]+: /, `${variant.name}: the rule does not name its section`);
    }
  });

  it('gives every variant a unique kebab-case name that no fault has.', () => {
    assert.equal(new Set(VARIANTS.map((v) => v.name)).size, VARIANTS.length);
    for (const variant of VARIANTS) assert.match(variant.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    const faults = new Set(FAULTS.map((f) => f.name));
    assert.deepEqual(VARIANTS.filter((v) => faults.has(v.name)).map((v) => v.name), []);
  });

  it('has at least 20 variants.', () => {
    assert.ok(VARIANTS.length >= 20, `only ${VARIANTS.length}`);
  });
});
