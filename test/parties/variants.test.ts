import assert from 'node:assert/strict';
import { loadRunConfig } from '../../src/config/load-run-config.js';
import { FAULTS } from '../../src/parties/fault-catalogue.js';
import type { PartyRole } from '../../src/model/party-role.js';
import { VARIANTS } from '../../src/parties/variant-catalogue.js';
import type { RunResult } from '../../src/model/case-result.js';
import { run } from '../../src/run.js';
import { LookaheadRuns } from '../helpers/lookahead-runs.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';

/** What a variant's run is compared with: the plain party's skipped cases and warnings. */
interface Outcome {
  readonly failures: readonly string[];
  readonly skipped: readonly string[];
  readonly warnings: ReadonlySet<string>;
}

async function runEmbedded(role: PartyRole, version: OcpiVersion, variants: readonly string[]): Promise<Outcome> {
  const config = loadRunConfig({ flags: { embedded: role, ocpiVersion: version, embeddedVariant: [...variants], allowCommands: true, deadline: 5000, quiet: true }, env: {} });
  const result: RunResult = await run(config);
  const failures = result.cases
    .filter((c) => c.status === 'failed' || c.status === 'errored')
    .map((c) => `${c.id} ${c.status}: ${c.findings.filter((f) => f.status === 'fail').map((f) => `${f.check}: ${f.message}`).join('; ') || (c.reason ?? '')}`);
  const skipped = result.cases.filter((c) => c.status === 'skipped').map((c) => c.id).sort();
  const warnings = new Set(result.cases.flatMap((c) => c.findings.filter((f) => f.status === 'warn').map((f) => `${c.id} ${f.check}`)));
  return { failures, skipped, warnings };
}

function assertLikePlain(name: string, outcome: Outcome, plain: Outcome): void {
  assert.deepEqual(outcome.failures, [], `${name}: cases failed`);
  assert.deepEqual(outcome.skipped, plain.skipped, `${name}: another set of cases was skipped`);
  const added = [...outcome.warnings].filter((warning) => !plain.warnings.has(warning));
  assert.deepEqual(added, [], `${name}: warnings the plain party's run does not have`);
}

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

// Every version whose cases and reference parties exist: a conformant variant must pass in each (in 2.1.1, the cases
// that cover it so far).
for (const [role, version] of (['cpo', 'emsp'] as const).flatMap((r) => (['2.1.1', '2.2.1', '2.3.0'] as const).map((v) => [r, v] as const))) {
  describe(`a run against the reference ${role} in OCPI ${version} with conformant variants`, function () {
    this.timeout(120_000);
    const active = VARIANTS.filter((v) => v.roles.includes(role) && v.pending === undefined && (v.versions ?? [version]).includes(version)).map((v) => v.name);
    const pending = VARIANTS.filter((v) => v.roles.includes(role) && v.pending !== undefined);
    // The plain run, each variant's, then all variants at once: side by side, each test judging its own.
    const variantSets: (readonly string[])[] = [[], ...active.map((name) => [name]), active];
    const outcomes = new LookaheadRuns(variantSets.map((variants) => () => runEmbedded(role, version, variants)), { concurrency: 6, window: 40 });
    let plain: Outcome;

    before(async () => {
      plain = await outcomes.result(0);
      for (const variant of pending) console.log(`      (left out, pending: ${variant.name}: ${variant.pending})`);
    });

    it('passes against the plain party with no failed or errored case.', () => {
      assert.deepEqual(plain.failures, []);
    });

    active.forEach((name, index) => {
      it(`passes with variant ${name} as it does against the plain party.`, async () => {
        assertLikePlain(name, await outcomes.result(index + 1), plain);
      });
    });

    it(`passes with all of the ${role}'s variants at once as it does against the plain party.`, async () => {
      assertLikePlain('all variants', await outcomes.result(variantSets.length - 1), plain);
    });
  });
}
