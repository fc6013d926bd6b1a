import assert from 'node:assert/strict';
import { loadRunConfig } from '../../src/config/load-run-config.js';
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
  /** The cases skipped because the variant leaves their module out. */
  readonly leftOutSkips: readonly string[];
  readonly warnings: ReadonlySet<string>;
}

async function runEmbedded(role: PartyRole, version: OcpiVersion, variants: readonly string[]): Promise<Outcome> {
  const config = loadRunConfig({ flags: { embedded: role, ocpiVersion: version, embeddedVariant: [...variants], allowCommands: true, deadline: 5000, quiet: true }, env: {} });
  const result: RunResult = await run(config);
  const failures = result.cases
    .filter((c) => c.status === 'failed' || c.status === 'errored')
    .map((c) => `${c.id} ${c.status}: ${c.findings.filter((f) => f.status === 'fail').map((f) => `${f.check}: ${f.message}`).join('; ') || (c.reason ?? '')}`);
  const skipped = result.cases.filter((c) => c.status === 'skipped').map((c) => c.id).sort();
  // A variant that leaves modules out skips their cases (and those needing what they establish) instead of passing them.
  const leftOut = VARIANTS.filter((v) => variants.includes(v.name)).flatMap((v) => v.undeclares ?? []);
  const becauseLeftOut = result.cases.filter((c) => c.status === 'skipped' && leftOut.some((module) => new RegExp(`does not declare the ${module} |needs ${module.replace(/s$/, '')}s?List`).test(c.reason ?? ''))).map((c) => c.id);
  const warnings = new Set(result.cases.flatMap((c) => c.findings.filter((f) => f.status === 'warn').map((f) => `${c.id} ${f.check}`)));
  return { failures, skipped: skipped.filter((id) => !becauseLeftOut.includes(id)), leftOutSkips: becauseLeftOut, warnings };
}

function assertLikePlain(name: string, outcome: Outcome, plain: Outcome): void {
  assert.deepEqual(outcome.failures, [], `${name}: cases failed`);
  assert.deepEqual(outcome.skipped, plain.skipped, `${name}: another set of cases was skipped`);
  // A variant that leaves a module out must make that module's cases skip, or it proved nothing.
  const leavesOut = VARIANTS.find((v) => v.name === name)?.undeclares ?? [];
  if (leavesOut.length > 0) assert.ok(outcome.leftOutSkips.length > 0, `${name}: no case skipped for the modules it leaves out`);
  const added = [...outcome.warnings].filter((warning) => !plain.warnings.has(warning));
  assert.deepEqual(added, [], `${name}: warnings the plain party's run does not have`);
}

// Every version whose cases and reference parties exist: a conformant variant must pass in each (in 2.1.1, the cases
// that cover it so far).
// The PTP exists only in 2.3.0.
const PARTY_VERSIONS = [...(['cpo', 'emsp'] as const).flatMap((r) => (['2.1.1', '2.2.1', '2.3.0'] as const).map((v) => [r, v] as const)), ['ptp', '2.3.0'] as const];
/**
 * Which variants run alone. `all` (CI's `npm run test:variants:versions`): every variant in every version it applies
 * to. `npm` (`npm test`, the default): a CPO or eMSP variant alone in OCPI 2.2.1, or in the first version it applies
 * to when 2.2.1 is not one of them (the 2.3.0 extensions); a PTP's in 2.3.0. Every version still gets its plain run and
 * its run with all of its variants at once, so each variant runs in every version it applies to, at least combined.
 */
const VARIANT_SCOPE: 'all' | 'npm' = process.env['OCPI_VARIANT_SCOPE'] === 'all' ? 'all' : 'npm';

/** Whether the loop runs this variant alone against this party in this version (see VARIANT_SCOPE). */
function runsAlone(name: string, role: PartyRole, version: OcpiVersion): boolean {
  if (VARIANT_SCOPE === 'all' || role === 'ptp') return true;
  const versions = PARTY_VERSIONS.filter(([r]) => r === role).map(([, v]) => v).filter((v) => (VARIANTS.find((variant) => variant.name === name)?.versions ?? [v]).includes(v));
  return version === (versions.includes('2.2.1') ? '2.2.1' : versions[0]);
}

/**
 * The runs of one shard of the variant loop: every `shards`-th (party, version), from the `shard`-th (1-based), so that
 * mocha spreads the loop over its worker processes (variants.shard-N.test.ts) as it does the fault loop.
 */
export function describeVariantRuns(shard: number, shards: number): void {
  for (const [role, version] of PARTY_VERSIONS.filter((_, index) => index % shards === shard - 1)) {
    describe(`a run against the reference ${role} in OCPI ${version} with conformant variants${VARIANT_SCOPE === 'all' ? '' : ' (each alone in one version, all at once in every version)'}`, function () {
      this.timeout(120_000);
      const applicable = VARIANTS.filter((v) => v.roles.includes(role) && v.pending === undefined && (v.versions ?? [version]).includes(version)).map((v) => v.name);
      const active = applicable.filter((name) => runsAlone(name, role, version));
      const pending = VARIANTS.filter((v) => v.roles.includes(role) && v.pending !== undefined);
      // The plain run, each variant's, then all variants at once: side by side, each test judging its own.
      const variantSets: (readonly string[])[] = [[], ...active.map((name) => [name]), applicable];
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
}
