import assert from 'node:assert/strict';
import { loadRunConfig } from '../../src/config/load-run-config.js';
import { FAULTS, type Fault, type FaultExpectation } from '../../src/parties/fault-catalogue.js';
import type { PartyRole } from '../../src/model/party-role.js';
import { matchesFailureText } from '../../src/parties/failure-text.js';
import { unfoldedMessage } from '../../src/checks/fold-repeated.js';
import type { CaseResult, RunResult } from '../../src/model/case-result.js';
import { run } from '../../src/run.js';
import { ALL_CASES } from '../../suites/index.js';
import { LookaheadRuns } from '../helpers/lookahead-runs.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../../src/model/ocpi-version.js';
import { severityFor } from '../../src/runner/define-case.js';

// The fault loop of DESIGN §6: every fault of the catalogue, in each party that has it, run in-process. It is split
// into shards (fault-catalogue.shard-N.test.ts), which the test runner spreads over its worker processes.

const caseOf = (id: string) => ALL_CASES.find((c) => c.id === id);

/**
 * Whether a run against this party includes the expectation's case (a fault of both parties may name cases of one),
 * and, given a version, whether the case covers it (a fault naming a 2.3.0-only case expects nothing of it in 2.2.1).
 */
export const appliesTo = (e: FaultExpectation, role: PartyRole, version?: OcpiVersion): boolean =>
  [role, 'any'].includes(caseOf(e.case)?.targetRole ?? '') && (version === undefined || (caseOf(e.case)?.versions.includes(version) ?? false));

/** An expectation the run must show as a failure: a case required in that version, and not a warning there. */
export const failsIn = (e: FaultExpectation, version: OcpiVersion): boolean => {
  const named = caseOf(e.case);
  return e.status !== 'warn' && !(e.warnIn ?? []).includes(version) && named !== undefined && severityFor(named, version) === 'required';
};

/** Whether the expectation holds in `version`: its case covers the version and the fault trips what it names there. */
export const holdsIn = (fault: Fault, e: FaultExpectation, version: OcpiVersion): boolean =>
  (caseOf(e.case)?.versions ?? []).includes(version) && (fault.versions ?? OCPI_VERSIONS).includes(version) && !(e.notIn ?? []).includes(version);

/** Fault runs under way at once, at most this many ahead of the test that awaits one. */
const RUN_LOOKAHEAD = { concurrency: 6, window: 40 };

/**
 * The versions the faults run in: 2.2.1 in `npm test`, the version the catalogue's texts were first written for; every
 * version whose cases and reference parties exist in `npm run test:faults:versions` (OCPI_FAULT_VERSIONS), which CI
 * runs too, so that `npm test` stays within its time (each version adds the whole loop: about 30 s here).
 */
const FAULT_VERSIONS: readonly OcpiVersion[] = (process.env['OCPI_FAULT_VERSIONS'] ?? '2.2.1').split(',').map((v) => v.trim() as OcpiVersion);

/**
 * The versions a party's faults run in: those of the loop; a PTP, which exists only in OCPI 2.3.0, runs in 2.3.0 once,
 * with the 2.2.1 loop (the one `npm test` runs) or a loop that names 2.3.0.
 */
const versionsOf = (role: PartyRole): readonly OcpiVersion[] =>
  role !== 'ptp' ? FAULT_VERSIONS : FAULT_VERSIONS.includes('2.3.0') || FAULT_VERSIONS.includes('2.2.1') ? ['2.3.0'] : [];

/**
 * Which cases a fault run includes. `all` (CI's `npm run test:faults:versions`, every version): the whole catalogue, so
 * that "and no other case" is asserted against every case. `modules` (`npm test`, the default): the cases of the
 * modules the fault names a case of, with those of the handshake (versions, credentials) and those judging what the
 * target sends the tester (SHARED_CASES), and what they require. A fault that also broke a case of another module is
 * then caught by CI rather than by `npm test`, for about half of the loop's CPU.
 */
const FAULT_SCOPE: 'all' | 'modules' = process.env['OCPI_FAULT_SCOPE'] === 'all' ? 'all' : 'modules';

/** The modules whose cases every scoped fault run includes: the handshake's. */
const SHARED_MODULES = new Set(['versions', 'credentials']);

/**
 * The cases every scoped fault run includes besides: those judging what the target sent the tester (they cost little).
 * The authorization probes of every module (AUTH-01 to AUTH-04, about a third of a scoped run's CPU) run when a fault
 * names a transport case; CI's whole-catalogue loop runs them against every fault.
 */
const SHARED_CASES = new Set(['PEER-01', 'PEER-02', 'IN-ALL-01']);

/** The cases a run of a fault naming these cases includes (see FAULT_SCOPE), or undefined for the whole catalogue. */
function scopeOf(fault: Fault, expects: readonly FaultExpectation[]): string[] | undefined {
  if (FAULT_SCOPE === 'all' || fault.wholeRun) return undefined;
  const modules = new Set([...SHARED_MODULES, ...expects.map((e) => caseOf(e.case)?.module ?? '')]);
  return ALL_CASES.filter((c) => modules.has(c.module) || SHARED_CASES.has(c.id)).map((c) => c.id);
}

/** The version a negotiated fault run is expected to test: the highest version the embedded party and the tester both offer. */
const NEGOTIATED_VERSION: OcpiVersion = '2.3.0';

/** The version a fault run asks for, or `negotiated` for a run that leaves the choice to the parties (Fault.negotiated). */
type FaultRunVersion = OcpiVersion | 'negotiated';

/**
 * Runs the embedded party with one fault, in-process, the way `run --embedded ROLE --embedded-fault NAME --ocpi-version V`
 * does (without --ocpi-version for a negotiated fault).
 */
async function runWithFault(fault: Fault, role: PartyRole, version: FaultRunVersion, only: readonly string[] | undefined): Promise<RunResult> {
  const flags = { embedded: role, embeddedFault: [fault.name], handshake: fault.handshake, deadline: fault.deadlineMs ?? 3000, quiet: true, ...(version === 'negotiated' ? {} : { ocpiVersion: version }), ...(only ? { only: [...only] } : {}), ...fault.runFlags };
  return run(loadRunConfig({ flags, env: {} }));
}

const describeFindings = (c: CaseResult | undefined): string =>
  c?.findings.filter((f) => f.status !== 'pass').map((f) => `\n  ${f.status}: ${f.check}: ${f.message}`).join('') || ` none (${c?.status ?? 'not run'}${c?.reason ? `: ${c.reason}` : ''})`;

/** The named case shows the named check, with the status and the exact text the fault promises. */
function assertExpectation(result: RunResult, fault: Fault, e: FaultExpectation, version: OcpiVersion): void {
  const status = failsIn(e, version) ? 'fail' : 'warn';
  const reported = result.cases.find((c) => c.id === e.case);
  // A failure found at several places is folded into one with "(and N more like it ...)": the template is the first's text.
  const text = e.textIn?.[version] ?? e.text;
  const matched = reported?.findings.some((f) => f.check === e.check && f.status === status && matchesFailureText(text, unfoldedMessage(f.message)));
  assert.ok(matched, `${fault.name}: ${e.case} has no ${status} of ${e.check} matching\n  ${text}\nit reported:${describeFindings(reported)}`);
  if (e.single && status === 'fail') {
    const failures = reported?.findings.filter((f) => f.status === 'fail') ?? [];
    assert.equal(failures.length, 1, `${fault.name}: one root cause, one failure in ${e.case}:${describeFindings(reported)}`);
  }
}

/** The runs of one shard: every `shards`-th fault × party × version run, from the `shard`-th (1-based). */
export function describeFaultRuns(shard: number, shards: number): void {
  // A fault runs in each version in which something it names holds (its case covers the version, the fault trips it
  // there); a negotiated fault runs once, with the 2.2.1 loop (the one `npm test` runs), the parties choosing the version.
  const perVersion = FAULTS.filter((fault) => !fault.negotiated).flatMap((fault) => fault.roles.flatMap((role) => versionsOf(role).map((version) => {
    const holding = fault.expects.filter((e) => appliesTo(e, role) && holdsIn(fault, e, version));
    return { fault, role, version: version as FaultRunVersion, expects: holding };
  })));
  const negotiatedRuns = FAULT_VERSIONS.includes('2.2.1')
    ? FAULTS.filter((fault) => fault.negotiated).flatMap((fault) => fault.roles.map((role) => ({ fault, role, version: 'negotiated' as FaultRunVersion, expects: fault.expects.filter((e) => appliesTo(e, role)) })))
    : [];
  const runs = [...perVersion, ...negotiatedRuns].filter((r) => r.expects.length > 0).filter((_, index) => index % shards === shard - 1);
  describe(`each fault of the catalogue, in each party that has it, in each version, against ${FAULT_SCOPE === 'all' ? 'the whole catalogue' : 'the cases of the modules it names'} (shard ${shard} of ${shards})`, function () {
  this.timeout(60_000);
  // Runs overlap: each waits on its own servers and deadline far more than it computes.
  const results = new LookaheadRuns(runs.map(({ fault, role, version, expects }) => () => runWithFault(fault, role, version, scopeOf(fault, expects))), RUN_LOOKAHEAD);
  runs.forEach(({ fault, role, version, expects }, index) => {
    const party = { cpo: 'the reference CPO', emsp: 'the reference eMSP', ptp: 'the reference PTP' }[role];
    // A negotiated run tests the version the parties settle on (2.3.0, the highest both offer, unless the fault says otherwise).
    const expected: OcpiVersion = version === 'negotiated' ? NEGOTIATED_VERSION : version;
    const failing = [...new Set(expects.filter((e) => failsIn(e, expected)).map((e) => e.case))].sort();
    const others = FAULT_SCOPE === 'all' || fault.wholeRun ? 'case' : 'case of its modules';
    const verdict = failing.length > 0 ? `fails ${failing.join(', ')} and no other ${others}` : `warns in ${[...new Set(expects.map((e) => e.case))].join(', ')} and fails no ${others}`;
    it(`${verdict} when in ${party}, ${version === 'negotiated' ? 'negotiating the version' : `OCPI ${version}`}, ${fault.description}.`, async () => {
      const result = await results.result(index);
      const failed = result.cases.filter((c) => c.status === 'failed').map((c) => c.id).sort();
      const unnamed = failed.filter((id) => !failing.includes(id)).map((id) => `${id}:${describeFindings(result.cases.find((c) => c.id === id))}`);
      assert.deepEqual(unnamed, [], `${fault.name}: cases it does not name failed`);
      assert.deepEqual(result.cases.filter((c) => c.status === 'errored').map((c) => `${c.id}: ${c.reason ?? ''}`), []);
      const judged = version === 'negotiated' ? ((result.target.ocpiVersion as OcpiVersion | undefined) ?? expected) : version;
      for (const e of expects) assertExpectation(result, fault, e, judged);
      assert.deepEqual(failed, failing);
    });
  });
});
}
