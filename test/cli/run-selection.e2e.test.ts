import assert from 'node:assert/strict';
import { casesWith, readReport, reportPath } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

describe('a selection that cannot pass by accident', function () {
  this.timeout(60_000);

  it('runs what the selected case needs, says so, and passes on the selected case\'s own result.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--only', 'LOC-04', '--report-json', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /^Also running VER-01, VER-02, CRED-02, LOC-01: LOC-04 needs what they establish/m);
    const report = readReport(path) as ReturnType<typeof readReport> & { pulledIn?: string[] };
    assert.deepEqual(casesWith(report, 'passed').sort(), ['CRED-02', 'LOC-01', 'LOC-04', 'VER-01', 'VER-02']);
    assert.deepEqual(report.pulledIn, ['VER-01', 'VER-02', 'CRED-02', 'LOC-01']);
  });

  it('exits 5, NOTHING CHECKED, when every selected case was skipped.', async () => {
    const outcome = await runMain(['run', '--embedded', 'cpo', '--only', 'LOC-01', '--exclude', 'CRED-02']);
    assert.equal(outcome.code, 5, outcome.stdout + outcome.stderr);
    assert.match(outcome.stdout, /^NOTHING CHECKED /m);
    assert.match(outcome.stdout, /every selected case was skipped \(LOC-01: needs session/);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['a --grep that matches no case', ['--grep', 'no-such-words'], /^ocpi-conformance: error: --grep "no-such-words" leaves no case to run for a CPO target/],
    ['an --only naming a case of the other role', ['--only', 'TOK-PULL-01'], /^ocpi-conformance: error: --only TOK-PULL-01: TOK-PULL-01 tests an eMSP, and the target is a CPO \(the embedded CPO\)/],
    ['an --exclude naming no case', ['--exclude', 'LOC-99'], /^ocpi-conformance: error: --exclude: no case LOC-99/],
    ['a fault that every case it trips skips in this mode', ['--handshake', 'none', '--embedded-fault', 'register-token-b-equals-a'], /^ocpi-conformance: error: --embedded-fault register-token-b-equals-a cannot show with these settings: CRED-07 skips \(--handshake none/],
    ['a fault of another version', ['--ocpi-version', '2.1.1', '--embedded-fault', 'no-request-id-echo'], /^ocpi-conformance: error: --embedded-fault no-request-id-echo trips nothing in OCPI 2\.1\.1: it shows in OCPI 2\.2\.1, 2\.3\.0/],
  ];
  for (const [what, args, message] of usage) {
    it(`refuses ${what} with exit 2 before anything is sent.`, async () => {
      const outcome = await runMain(['run', '--embedded', 'cpo', ...args]);
      assert.equal(outcome.code, 2, outcome.stdout + outcome.stderr);
      assert.match(outcome.stderr, message);
      assert.equal(outcome.stdout, '');
    });
  }

  it('exits 2 naming the role to use when --role contradicts the target\'s credentials, skipping that role\'s cases.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--role', 'emsp', '--report-json', path]);
    assert.equal(outcome.code, 2, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /--role emsp contradicts the target's credentials, which name its role CPO: run with --role cpo/);
    const report = readReport(path);
    assert.deepEqual(casesWith(report, 'failed'), []);
    assert.ok(report.cases.filter((c) => c.status === 'skipped' && /contradicts/.test(c.reason ?? '')).length > 10);
  });

  it('stops at the first failed case with --fail-fast, undoes the registration, writes the report and exits 1.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--embedded-fault', 'locations-page-exceeds-x-limit', '--fail-fast', '--report-json', path]);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /^Stopping at the first failure \(--fail-fast\): LOC-01$/m);
    const report = readReport(path) as ReturnType<typeof readReport> & { interrupted: boolean; teardown: Array<{ what: string; status: string }> };
    assert.deepEqual(casesWith(report, 'failed'), ['LOC-01']);
    assert.equal(report.interrupted, true);
    assert.ok(report.teardown.some((step) => /unregister/.test(step.what) && step.status === 'done'), JSON.stringify(report.teardown));
  });
});
