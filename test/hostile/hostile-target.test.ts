import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { reportPath, runCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { LookaheadRuns } from '../helpers/lookahead-runs.js';
import { startHostileTarget, type HostileTarget } from './hostile-target.js';
import { MISBEHAVIOURS, type Misbehaviour } from './misbehaviours.js';

// Short enough that the whole file runs in well under a minute, long enough for a loopback answer.
const TIMEOUT_MS = 1000;
const DEADLINE_MS = 1500;
// A run may meet the request timeout a few times in a row (a case, then the teardown); "a few seconds" on top.
const RUN_BUDGET_MS = DEADLINE_MS + 3 * TIMEOUT_MS + 4000;

/** The flags every run against the bed uses; the token travels in the environment, never on a command line. */
function runArgs(target: HostileTarget, report: string): string[] {
  return ['run', '--versions-url', target.versionsUrl, '--role', 'cpo', '--timeout', String(TIMEOUT_MS), '--deadline', String(DEADLINE_MS), '--max-pages', '50', '--crawl-time', '3000', '--report-json', report];
}

/** What one in-process run printed and how it ended. */
interface RunOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
}

async function runInProcess(target: HostileTarget, report: string, extra: readonly string[] = []): Promise<RunOutcome> {
  const started = performance.now();
  const outcome = await runMain([...runArgs(target, report), ...extra], { timeoutMs: RUN_BUDGET_MS, env: { OCPI_CONFORMANCE_TOKEN: target.tokenA } });
  return { code: outcome.code ?? -1, stdout: outcome.stdout, stderr: outcome.stderr, elapsedMs: performance.now() - started };
}

/** Every form a token could leak in: raw, Base64, percent-encoded, Base64 of percent-encoded. */
function leakForms(token: string): string[] {
  const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  return [...new Set([token, base64(token), encodeURIComponent(token), base64(encodeURIComponent(token)), encodeURIComponent(base64(token))])];
}

/** The assertions every misbehaviour must pass: a verdict in time, a report, one clear line, no token out of place. */
function assertSurvived(misbehaviour: Misbehaviour, target: HostileTarget, outcome: RunOutcome, report: string): void {
  const where = `${misbehaviour.name}: exit ${outcome.code}\n--- stdout (end)\n${outcome.stdout.split('\n').filter((line) => !/^  (skip|ok|ERROR|FAIL) /.test(line)).join('\n').slice(-2500)}\n--- stderr\n${outcome.stderr}`;
  assert.ok(outcome.code === 1 || outcome.code === 3, where);
  assert.ok(outcome.elapsedMs < RUN_BUDGET_MS, `${where}\ntook ${Math.round(outcome.elapsedMs)} ms`);
  assert.doesNotMatch(outcome.stdout + outcome.stderr, /^\s+at /m, `${where}\n(a stack trace)`);
  const stderrLines = outcome.stderr.split('\n').filter((line) => line.trim() !== '');
  // stderr holds at most the run's notices of what the target did (its versions list could not be read; it made no
  // request to the tester while registering) and, with exit 3, the one line that says why the run could not finish (a
  // loaded machine can turn a slow answer into exit 3: both are fair).
  const notices = outcome.code === 3 ? stderrLines.slice(0, -1) : stderrLines;
  assert.ok(notices.length <= 2, `${where}\n(at most two notices on stderr)`);
  for (const notice of notices) assert.match(notice, /^The target's versions list could not be read: |^The target made no request to the tester's endpoint /, `${where}\n(an unexpected line on stderr)`);
  if (outcome.code === 3) assert.match(stderrLines.at(-1) ?? '', /^ocpi-conformance: error: /, `${where}\n(exit 3 says why in one line on stderr)`);
  assert.match(outcome.stdout, /^(FAILED|PASSED) \d+ cases: /m, `${where}\n(a verdict line)`);
  assert.ok(existsSync(report), `${where}\n(no JSON report)`);
  const reportText = readFileSync(report, 'utf8');
  const parsed = JSON.parse(reportText) as { cases: Array<{ id: string; status: string; reason?: string }> };
  // A tester that trips over what the target sent has a defect; the report names what the target did instead.
  for (const errored of parsed.cases.filter((c) => c.status === 'errored')) {
    assert.doesNotMatch(errored.reason ?? '', /Cannot read|is not a function|is not iterable|of undefined|of null|call stack|tester defect|Promise was canceled/i, `${where}\n(${errored.id} errored on a tester defect)`);
  }
  const elsewhere = target.seen.filter((seen) => seen.origin !== target.origin && seen.authorization !== undefined);
  assert.deepEqual(elsewhere, [], `${where}\n(a token went to another origin)`);
  assert.equal(target.tlsConnections, 0, `${where}\n(a connection went to another scheme)`);
  for (const token of target.tokens) {
    for (const form of leakForms(token)) {
      for (const [name, text] of [['stdout', outcome.stdout], ['stderr', outcome.stderr], ['report', reportText]] as const) {
        assert.ok(!text.includes(form), `${misbehaviour.name}: a token (${form === token ? 'raw' : 'encoded'}) in ${name}`);
      }
    }
  }
}

describe(`a run against a hostile target (${MISBEHAVIOURS.length} misbehaviours)`, function () {
  this.timeout(RUN_BUDGET_MS + 10_000);

  it('has a catalogue of at least 30 distinct misbehaviours.', () => {
    assert.ok(MISBEHAVIOURS.length >= 30, String(MISBEHAVIOURS.length));
    assert.equal(new Set(MISBEHAVIOURS.map((m) => m.name)).size, MISBEHAVIOURS.length);
  });

  // Each run mostly waits on its target's stalls and its deadlines: they go on side by side, each test judging its own.
  const survivals = new LookaheadRuns(MISBEHAVIOURS.map((misbehaviour) => async () => {
    const target = await startHostileTarget(misbehaviour);
    try {
      const report = reportPath();
      return { target, report, outcome: await runInProcess(target, report) };
    } finally {
      await target.close();
    }
  }), { concurrency: 6, window: 12 });

  MISBEHAVIOURS.forEach((misbehaviour, index) => {
    it(`ends in time with a verdict, a report and no token out of place when the target ${misbehaviour.what} (${misbehaviour.name}).`, async () => {
      const { target, report, outcome } = await survivals.result(index);
      assertSurvived(misbehaviour, target, outcome, report);
    });
  });

  it('names the other origin and the flag in one line, and with --allow-origin for it goes there, when version details are elsewhere.', async () => {
    const misbehaviour = MISBEHAVIOURS.find((m) => m.name === 'details-other-origin') as Misbehaviour;
    const target = await startHostileTarget(misbehaviour);
    try {
      const refused = await runInProcess(target, reportPath());
      assert.equal(refused.code, 3);
      assert.equal(refused.stderr, `ocpi-conformance: error: VER-02: GET ${target.otherOrigin}/ocpi/2.2.1: not sent: ${target.otherOrigin} is not the origin of the versions URL nor one allowed with --allow-origin, and the tester sends its token nowhere else (add --allow-origin ${target.otherOrigin} if that server is the target's)\n`);
      const allowed = await runInProcess(target, reportPath(), ['--allow-origin', target.otherOrigin]);
      assert.ok(allowed.code === 1 || allowed.code === 3);
      assert.ok(target.seen.some((seen) => seen.origin === target.otherOrigin && seen.authorization !== undefined), 'the allowed origin got the request');
      assert.doesNotMatch(allowed.stderr, /not sent/);
    } finally {
      await target.close();
    }
  });

  // These two hang a process, not a promise: only the real binary shows whether it exits.
  for (const name of ['switching-protocols', 'never-answers']) {
    it(`exits by itself when the target ${MISBEHAVIOURS.find((m) => m.name === name)?.what ?? name} (${name}, real process).`, async () => {
      const target = await startHostileTarget(MISBEHAVIOURS.find((m) => m.name === name) as Misbehaviour);
      try {
        const report = reportPath();
        const started = performance.now();
        const outcome = await runCli(runArgs(target, report), { timeoutMs: RUN_BUDGET_MS, env: { OCPI_CONFORMANCE_TOKEN: target.tokenA } });
        assertSurvived(MISBEHAVIOURS.find((m) => m.name === name) as Misbehaviour, target, { code: outcome.code ?? -1, stdout: outcome.stdout, stderr: outcome.stderr, elapsedMs: performance.now() - started }, report);
      } finally {
        await target.close();
      }
    });
  }
});
