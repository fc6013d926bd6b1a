import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { firstLine, follow, outputMatch, readReport, reportPath, startCli, type RunningCli } from '../helpers/run-cli.js';

const TOKEN_A = 'interrupt-test-token-a';

interface Teardown {
  readonly what: string;
  readonly status: string;
  readonly exchanges: ReadonlyArray<{ request: { method: string; url: string }; response?: { status: number } }>;
}

/** Whether the mock takes its Token A on its credentials endpoint again: it does only once the run unregistered. */
async function mockUnregistered(versionsUrl: string): Promise<boolean> {
  const credentials = versionsUrl.replace(/\/versions$/, '/2.2.1/credentials');
  const response = await fetch(credentials, { headers: { authorization: `Token ${Buffer.from(TOKEN_A).toString('base64')}` }, signal: AbortSignal.timeout(5000) });
  return response.status === 200;
}

describe('ocpi-conformance run stopped by a signal mid-run', function () {
  this.timeout(60_000);
  let mock: ChildProcess | undefined;
  let run: RunningCli | undefined;
  let versionsUrl = '';

  beforeEach(async () => {
    // The UNLOCK_CONNECTOR result never comes: CMD-05 is waiting for it when the signal arrives.
    mock = startCli(['mock', '--role', 'cpo', '--token-a', TOKEN_A, '--seed-locations', '3', '--fault', 'unlock-result-never-sent']);
    versionsUrl = (JSON.parse(await firstLine(mock)) as { versionsUrl: string }).versionsUrl;
  });
  afterEach(async () => {
    run?.child.kill('SIGKILL');
    mock?.kill('SIGKILL');
    run = undefined;
    mock = undefined;
  });

  const start = (reports: { json: string; junit?: string; html?: string }): RunningCli => follow(startCli([
    'run', '--versions-url', versionsUrl, '--token', TOKEN_A, '--allow-commands', '--deadline', '30000', '--report-json', reports.json,
    ...(reports.junit ? ['--report-junit', reports.junit] : []), ...(reports.html ? ['--report-html', reports.html] : []),
  ], { OCPI_CONFORMANCE_DEBUG: '1' }));

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`exits ${code} on ${signal}, with the partial reports written, the case that was waiting reported as interrupted, and the registration undone`, async () => {
      const reports = { json: reportPath(), junit: reportPath('report.xml'), html: reportPath('report.html') };
      run = start(reports);
      // The commands stage has begun once its first case reports: CMD-05 is then waiting for its result.
      await outputMatch(run, /\b(CMD|CPR)-0\d\b/);
      const stoppedAt = Date.now();
      run.child.kill(signal);
      assert.equal(await run.exited, code, run.output());
      assert.ok(Date.now() - stoppedAt < 15_000, 'ended well within its deadline');
      const report = readReport(reports.json) as ReturnType<typeof readReport> & { interrupted: boolean; teardown: Teardown[] };
      assert.equal(report.interrupted, true);
      assert.equal(report.cases.find((c) => c.id === 'CRED-02')?.status, 'passed', 'the cases before the signal are in the report');
      const waiting = report.cases.find((c) => c.id === 'CMD-05');
      assert.equal(waiting?.status, 'skipped');
      assert.match(waiting?.reason ?? '', /interrupted/);
      const unregister = report.teardown.find((step) => /unregister/.test(step.what));
      assert.equal(unregister?.status, 'done', JSON.stringify(report.teardown));
      assert.deepEqual(unregister?.exchanges.map((e) => [e.request.method, e.response?.status]), [['DELETE', 200]]);
      assert.ok(await mockUnregistered(versionsUrl), 'the mock takes its Token A again: it saw the DELETE');
      assert.ok(existsSync(reports.junit) && existsSync(reports.html), 'the JUnit and HTML reports are written too');
      assert.match(readFileSync(reports.html, 'utf8'), /data-testid="interrupted"/);
      assert.doesNotMatch(run.output(), /did not end by itself/, 'nothing kept the process alive after the run');
      for (const text of [run.output(), readFileSync(reports.json, 'utf8'), readFileSync(reports.junit, 'utf8'), readFileSync(reports.html, 'utf8')]) {
        assert.doesNotMatch(text, new RegExp(`${TOKEN_A}|${Buffer.from(TOKEN_A).toString('base64')}`));
      }
    });
  }

  it('still writes the report and undoes the registration when a second SIGINT and a SIGHUP follow the first', async () => {
    const json = reportPath();
    run = start({ json });
    await outputMatch(run, /\b(CMD|CPR)-0\d\b/);
    run.child.kill('SIGINT');
    await outputMatch(run, /SIGINT: stopping;/);
    run.child.kill('SIGINT');
    run.child.kill('SIGHUP');
    assert.equal(await run.exited, 130, run.output());
    assert.match(run.output(), /SIGINT again: still stopping/);
    const report = readReport(json) as ReturnType<typeof readReport> & { interrupted: boolean; teardown: Teardown[] };
    assert.equal(report.interrupted, true);
    assert.equal(report.teardown.find((step) => /unregister/.test(step.what))?.status, 'done');
    assert.ok(await mockUnregistered(versionsUrl));
  });
});
