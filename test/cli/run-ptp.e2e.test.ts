import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { casesWith, firstLine, readReport, reportPath, startCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

/** The cases a run plays the CPO in against a Payment Terminal Provider's Payments Sender. */
const PTP_CASES = ['TERM-01', 'TERM-02', 'TERM-03', 'FAC-01', 'FAC-02', 'FAC-03', 'PAY-05', 'PAY-06', 'PAY-10', 'PAY-11'];
/** The cases that reconfigure the PTP's terminals (--allow-terminal-changes; always on with --embedded). */
const TERMINAL_CHANGES = ['PAY-07', 'PAY-08', 'PAY-09'];

describe('a run against a Payment Terminal Provider (OCPI 2.3.0 Payments)', function () {
  this.timeout(30_000);
  let mock: ChildProcess | undefined;
  afterEach(async () => {
    if (mock && mock.exitCode === null) {
      const exited = once(mock, 'exit');
      mock.kill('SIGTERM');
      await exited;
    }
    mock = undefined;
  });

  it('passes against the embedded PTP in OCPI 2.3.0, with every Terminals and Financial Advice Confirmations case passed and no CPO or eMSP case run.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'ptp', '--quiet', '--report-json', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const report = readReport(path);
    assert.deepEqual(report.target.testedVersions, ['2.3.0']);
    assert.equal(report.target.role, 'ptp');
    const passed = casesWith(report, 'passed');
    assert.deepEqual([...PTP_CASES, ...TERMINAL_CHANGES].filter((id) => !passed.includes(id)), []);
    // Each change is undone at the end: the PATCH and the PUT put the Terminal back, the activated one is deactivated.
    const teardown = (report as unknown as { teardown: Array<{ caseId: string; status: string }> }).teardown;
    assert.deepEqual(teardown.filter((step) => TERMINAL_CHANGES.includes(step.caseId)).map((step) => [step.caseId, step.status]).sort(), [['PAY-07', 'done'], ['PAY-08', 'done'], ['PAY-09', 'done']]);
    for (const id of ['LOC-01', 'PAY-01', 'TOK-PULL-01', 'LOC-PUSH-01']) assert.equal(report.cases.find((c) => c.id === id), undefined, `${id} is not a PTP case`);
    for (const id of ['AUTH-01', 'AUTH-02', 'AUTH-03']) assert.equal(report.cases.find((c) => c.id === id)?.status, 'passed', `${id} probes the Terminals list`);
  });

  it('leaves active a Terminal the PTP created by its id alone after PAY-09\'s activation, naming it in the teardown, since it may be one of the PTP\'s own.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'ptp', '--embedded-variant', 'activation-terminal-later-by-id', '--only', 'PAY-09', '--quiet', '--report-json', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const report = readReport(path);
    assert.equal(report.cases.find((c) => c.id === 'PAY-09')?.status, 'passed');
    const teardown = (report as unknown as { teardown: Array<{ caseId: string; detail?: string; exchanges?: unknown[] }> }).teardown.filter((step) => step.caseId === 'PAY-09');
    assert.equal(teardown.length, 1);
    assert.match(teardown[0]?.detail ?? '', /^left active: it carried no reference/);
    assert.deepEqual(teardown[0]?.exchanges ?? [], [], 'nothing is sent to deactivate it');
  });

  it('calls --embedded ptp with another OCPI version a usage error (exit 2), in words, before anything runs.', async () => {
    for (const version of ['2.2.1', '2.1.1', 'all']) {
      const outcome = await runMain(['run', '--embedded', 'ptp', '--ocpi-version', version]);
      assert.equal(outcome.code, 2, outcome.stdout + outcome.stderr);
      assert.match(outcome.stderr, new RegExp(`--embedded ptp: a Payment Terminal Provider exists only in OCPI 2\\.3\\.0 \\(its Payments module\\), so --ocpi-version ${version.replace(/\./g, '\\.')} cannot test one`));
      assert.equal(outcome.stdout, '');
    }
  });

  it('fails the case a fault of the embedded PTP breaks, and no other.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'ptp', '--embedded-fault', 'terminals-ignore-limit', '--quiet', '--report-json', path]);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    assert.deepEqual(casesWith(readReport(path), 'failed'), ['TERM-03']);
  });

  it('serves the PTP with mock --role ptp in OCPI 2.3.0, naming role OTHER in its credentials, and a run with --role ptp against it passes.', async () => {
    mock = startCli(['mock', '--role', 'ptp', '--token-a', 'ptp-token-a-0123456789']);
    const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string };
    assert.match(ready.versionsUrl, /^http:\/\/127\.0\.0\.1:\d+\/ocpi\/ptp\/versions$/);
    const path = reportPath();
    const outcome = await runMain(['run', '--versions-url', ready.versionsUrl, '--token', 'ptp-token-a-0123456789', '--role', 'ptp', '--quiet', '--report-json', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const report = readReport(path);
    assert.deepEqual(report.target.testedVersions, ['2.3.0']);
    assert.deepEqual(PTP_CASES.filter((id) => !casesWith(report, 'passed').includes(id)), []);
    assert.match(JSON.stringify(report.cases.find((c) => c.id === 'CRED-02')?.exchanges), /"role":"OTHER"/);
    // Without --allow-terminal-changes nothing reconfigures the terminals of a PTP that is not the embedded one.
    for (const id of TERMINAL_CHANGES) assert.match(report.cases.find((c) => c.id === id)?.reason ?? '', /--allow-terminal-changes/, id);
    const sent = report.cases.flatMap((c) => (c.exchanges as Array<{ request: { method: string; url: string } }>).map((e) => e.request)).filter((request) => request.url.startsWith(new URL(ready.versionsUrl).origin));
    assert.deepEqual(sent.filter((request) => request.method !== 'GET' && request.url.includes('/terminals')), [], 'no write to the terminals');
  });

  it('judges, against the embedded CPO in 2.3.0, the Terminal activation the CPO sends the tester as its PTP (PAY-04).', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--ocpi-version', '2.3.0', '--only', 'PAY-04', '--quiet', '--report-json', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const judged = readReport(path).cases.find((c) => c.id === 'PAY-04');
    assert.equal(judged?.status, 'passed');
    assert.ok(judged?.findings.some((f) => f.check === 'schema.request' && f.status === 'pass' && /TerminalActivation/.test(f.message)));
  });

  it('refuses mock --role ptp in another OCPI version with a usage error (exit 2) in words.', async () => {
    const outcome = await runMain(['mock', '--role', 'ptp', '--ocpi-version', '2.2.1']);
    assert.equal(outcome.code, 2, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /--role ptp: a Payment Terminal Provider exists only in OCPI 2\.3\.0 \(its Payments module\), so it cannot be served in OCPI 2\.2\.1/);
  });
});
