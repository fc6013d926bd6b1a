import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { casesWith, firstLine, readReport, reportPath, runCli, startCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

describe('ocpi-conformance mock', function () {
  this.timeout(30_000);
  let mock: ChildProcess | undefined;
  afterEach(() => {
    mock?.kill('SIGKILL');
    mock = undefined;
  });

  it('prints its versions URL and Token A as one JSON line, and a run against it passes, twice', async () => {
    mock = startCli(['mock', '--role', 'cpo', '--port', '0', '--token-a', 'secret-a']);
    const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string; tokenA: string };
    assert.match(ready.versionsUrl, /^http:\/\/127\.0\.0\.1:\d+\/ocpi\/cpo\/versions$/);
    assert.equal(ready.tokenA, 'secret-a');
    for (const attempt of [1, 2]) {
      const path = reportPath();
      const outcome = await runMain(['run', '--versions-url', ready.versionsUrl, '--token', 'secret-a', '--report-json', path]);
      assert.equal(outcome.code, 0, `run ${attempt}: ${outcome.stdout}${outcome.stderr}`);
      assert.deepEqual(casesWith(readReport(path), 'failed'), []);
    }
  });

  it('leaves the cases that act on chargers out of a run without --allow-commands, and runs them with it on the chosen site', async () => {
    mock = startCli(['mock', '--role', 'cpo', '--token-a', 'secret-a', '--seed-locations', '3']);
    const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string };
    const guarded = reportPath();
    assert.equal((await runMain(['run', '--versions-url', ready.versionsUrl, '--token', 'secret-a', '--quiet', '--report-json', guarded])).code, 0);
    for (const id of ['CMD-01', 'CMD-06', 'CPR-04']) assert.match(readReport(guarded).cases.find((c) => c.id === id)?.reason ?? '', /--allow-commands/);
    const allowed = reportPath();
    const outcome = await runMain(['run', '--versions-url', ready.versionsUrl, '--token', 'secret-a', '--allow-commands', '--test-location', 'LOC0002', '--quiet', '--report-json', allowed]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const start = readReport(allowed).cases.find((c) => c.id === 'CMD-01');
    assert.equal(start?.status, 'passed');
    assert.ok(JSON.stringify(start?.exchanges).includes('"location_id":"LOC0002"'), 'the START_SESSION names the chosen Location');
  });

  it('serves the trigger contract at the triggerUrl of its ready line, so that a run with --trigger-url judges what it pushes, and a CPO asked for an eMSP\'s action skips', async () => {
    mock = startCli(['mock', '--role', 'cpo', '--token-a', 'secret-a']);
    const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string; triggerUrl: string };
    assert.match(ready.triggerUrl, /^http:\/\/127\.0\.0\.1:\d+\/ocpi\/cpo\/trigger$/);
    const path = reportPath();
    const outcome = await runMain(['run', '--versions-url', ready.versionsUrl, '--token', 'secret-a', '--trigger-url', ready.triggerUrl, '--only', 'IN-LOC-01,IN-LOC-02,IN-TAR-01,IN-SES-01', '--quiet', '--report-json', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.deepEqual(['IN-LOC-01', 'IN-LOC-02', 'IN-TAR-01', 'IN-SES-01'].filter((id) => !casesWith(readReport(path), 'passed').includes(id)), []);
    const unwired = await fetch(ready.triggerUrl, { method: 'POST', body: JSON.stringify({ action: 'send-command', params: { command: 'START_SESSION' } }) });
    assert.equal(unwired.status, 501, 'a CPO does not send commands: the case that asked would skip');
    const malformed = await fetch(ready.triggerUrl, { method: 'POST', body: JSON.stringify({ action: 'make-coffee', params: {} }) });
    assert.equal(malformed.status, 400);
  });

  it('takes the token from OCPI_CONFORMANCE_TOKEN', async () => {
    mock = startCli(['mock', '--role', 'emsp', '--token-a', 'env-token-a']);
    const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string };
    const outcome = await runMain(['run', '--versions-url', ready.versionsUrl, '--quiet'], { env: { OCPI_CONFORMANCE_TOKEN: 'env-token-a' } });
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
  });

  it('serves its faults, which the run reports', async () => {
    mock = startCli(['mock', '--role', 'cpo', '--fault', 'no-request-id-echo']);
    const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string; tokenA: string };
    const outcome = await runMain(['run', '--versions-url', ready.versionsUrl, '--token', ready.tokenA]);
    assert.equal(outcome.code, 1);
    assert.match(outcome.stdout, /headers\.request-id-echoed: the response has no X-Request-ID/);
  });

  it('offers OCPI 2.1.1, 2.2.1 and 2.3.0 together with --ocpi-version all, each with its own version details', async () => {
    mock = startCli(['mock', '--role', 'cpo', '--ocpi-version', 'all', '--token-a', 'secret-a']);
    const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string; tokenA: string };
    const get = async (url: string, raw: boolean): Promise<{ status: number; data: unknown }> => {
      const token = raw ? ready.tokenA : Buffer.from(ready.tokenA).toString('base64');
      const response = await fetch(url, { headers: { authorization: `Token ${token}` }, signal: AbortSignal.timeout(5000) });
      return { status: response.status, data: ((await response.json()) as { data: unknown }).data };
    };
    const list = (await get(ready.versionsUrl, false)).data as Array<{ version: string; url: string }>;
    assert.deepEqual(list.map((v) => v.version), ['2.1.1', '2.2.1', '2.3.0']);
    for (const { version, url } of list) {
      const details = await get(url, version === '2.1.1');
      assert.equal(details.status, 200, version);
      assert.equal((details.data as { version: string }).version, version);
    }
  });

  it('stops cleanly with exit code 0 on SIGTERM', async () => {
    mock = startCli(['mock', '--role', 'cpo']);
    await firstLine(mock);
    mock.kill('SIGTERM');
    const [code] = (await once(mock, 'exit')) as [number | null];
    assert.equal(code, 0);
  });

  it('lists every fault with the case and check it breaks', async () => {
    const outcome = await runCli(['mock', '--list-faults']);
    assert.equal(outcome.code, 0);
    assert.match(outcome.stdout, /^versions-html-page\s+VER-01 envelope\.json-body \(--handshake register\): /m);
  });
});

describe('ocpi-conformance run when interrupted', function () {
  this.timeout(30_000);

  it('exits 130 and still writes a partial report', async () => {
    const path = reportPath();
    const child = startCli(['run', '--handshake', 'await', '--deadline', '20000', '--report-json', path]);
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('Token A:')) resolve();
      });
    });
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 130);
    const report = readReport(path);
    assert.equal((report as unknown as { interrupted: boolean }).interrupted, true);
    assert.ok(report.cases.every((c) => c.status === 'skipped' || c.status === 'errored'));
  });
});
