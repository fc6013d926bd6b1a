import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startReferenceParty } from '../../src/parties/reference-party.js';
import type { Exchange } from '../../src/model/exchange.js';
import { casesWith, firstLine, readReport, reportPath, startCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

interface TeardownReport {
  teardown: Array<{ what: string; caseId: string; status: string; detail: string; exchanges: Array<{ request: { method: string; url: string } }> }>;
  cases: Array<{ id: string; exchanges: Array<{ request: { method: string; url: string } }> }>;
}

const teardownOf = (path: string): TeardownReport => JSON.parse(readFileSync(path, 'utf8')) as TeardownReport;

describe('a run a partner can trust', function () {
  this.timeout(60_000);

  it('reports a credentials token revoked mid-run once, in CRED-09, and skips what needed it instead of failing it.', async () => {
    for (const role of ['cpo', 'emsp']) {
      const path = reportPath();
      const outcome = await runMain(['run', '--embedded', role, '--embedded-fault', 'revokes-token-mid-run', '--report-json', path]);
      const report = readReport(path);
      // CRED-09 is recommended (no sentence says a token lives until PUT or DELETE), so it warns; nothing else fails.
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      assert.deepEqual(casesWith(report, 'failed'), [], role);
      const warned = report.cases.find((c) => c.id === 'CRED-09')?.findings.filter((f) => f.status === 'warn') ?? [];
      assert.equal(warned.length, 1, role);
      assert.match(outcome.stdout, /warning: the target stopped accepting the credentials token during [A-Z-]+\d+: \d+ cases were skipped, not passed/);
      assert.deepEqual(casesWith(report, 'errored'), [], role);
      const skipped = report.cases.filter((c) => /stopped accepting the credentials token during/.test(c.reason ?? ''));
      assert.ok(skipped.length >= 5, `${role}: ${skipped.length} cases skipped for the revocation`);
    }
  });

  it('stops a session whose START_SESSION was ACCEPTED in an invalid response, at teardown when CMD-02 is not run, and fails only that case.', async () => {
    const path = reportPath();
    const only = 'VER-01,VER-02,CRED-02,LOC-01,CMD-01';
    const outcome = await runMain(['run', '--embedded', 'cpo', '--allow-commands', '--embedded-fault', 'start-session-response-invalid', '--only', only, '--report-json', path]);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    assert.deepEqual(casesWith(readReport(path), 'failed'), ['CMD-01']);
    const stop = teardownOf(path).teardown.find((step) => /STOP_SESSION/.test(step.what));
    assert.equal(stop?.status, 'done', JSON.stringify(teardownOf(path).teardown));
    assert.match(stop?.detail ?? '', /result ACCEPTED/);
    assert.match(outcome.stdout, /teardown: STOP_SESSION for the session CMD-01 started/);
  });

  it('goes on after a START_SESSION ACCEPTED in an invalid response: the session it started is found and CMD-02 stops it, failing only CMD-01.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--allow-commands', '--embedded-fault', 'start-session-response-invalid', '--report-json', path]);
    const report = readReport(path);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    assert.deepEqual(casesWith(report, 'failed'), ['CMD-01']);
    assert.equal(report.cases.find((c) => c.id === 'CMD-02')?.status, 'passed');
    assert.ok(!teardownOf(path).teardown.some((step) => /STOP_SESSION/.test(step.what) && step.status !== 'done'), JSON.stringify(teardownOf(path).teardown));
  });

  it('goes on with the token a target issued when it wrongly accepts a second registration, failing only CRED-04.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--allow-commands', '--embedded-fault', 'second-post-reregisters', '--report-json', path]);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    assert.deepEqual(casesWith(readReport(path), 'failed'), ['CRED-04']);
  });

  it('skips the registration, not fails it, when Token A was spent on a registration CRED-01 had to undo.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--embedded-fault', 'registration-ignores-callback-failure', '--embedded-variant', 'token-a-single-use', '--report-json', path]);
    const report = readReport(path);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.deepEqual(casesWith(report, 'failed'), []);
    assert.match(report.cases.find((c) => c.id === 'CRED-02')?.reason ?? '', /Token A was refused, probably spent on the registration CRED-01 had to undo/);
    assert.match(outcome.stdout, /warning: \d+ of \d+ cases were skipped, so this verdict rests on the \d+ that ran/);
  });

  it('unregisters at teardown when --only leaves CRED-06 out, so the next run can register again.', async () => {
    const mock = startCli(['mock', '--role', 'cpo']);
    try {
      const { versionsUrl, tokenA } = JSON.parse(await firstLine(mock)) as { versionsUrl: string; tokenA: string };
      for (const attempt of [1, 2]) {
        const path = reportPath();
        const outcome = await runMain(['run', '--versions-url', versionsUrl, '--only', 'VER-01,VER-02,CRED-02', '--report-json', path], { env: { OCPI_CONFORMANCE_TOKEN: tokenA } });
        assert.equal(outcome.code, 0, `run ${attempt}: ${outcome.stdout}${outcome.stderr}`);
        const unregister = teardownOf(path).teardown.find((step) => /unregister/.test(step.what));
        assert.equal(unregister?.status, 'done', `run ${attempt}`);
        assert.deepEqual(unregister?.exchanges.map((e) => e.request.method), ['DELETE']);
      }
    } finally {
      mock.kill('SIGTERM');
    }
  });

  it('never POSTs, PUTs or DELETEs the credentials with --handshake none.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--handshake', 'none', '--report-json', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const report = teardownOf(path);
    const changes = [...report.cases, ...report.teardown].flatMap((c) => c.exchanges).filter((e) => /\/credentials$/.test(new URL(e.request.url).pathname) && e.request.method !== 'GET');
    assert.deepEqual(changes, []);
    assert.match(readReport(path).cases.find((c) => c.id === 'CRED-04')?.reason ?? '', /handshake none/);
  });

  it('sends nothing the reference CPO accepts to its Commands or ChargingProfiles Receiver without --allow-commands, and probes them with refused tokens only.', async () => {
    const seen: Exchange[] = [];
    const party = await startReferenceParty({ role: 'cpo', seedLocations: 3, onExchange: (exchange) => seen.push(exchange) });
    try {
      const path = reportPath();
      const outcome = await runMain(['run', '--versions-url', party.versionsUrl, '--report-json', path], { env: { OCPI_CONFORMANCE_TOKEN: party.tokenA.reveal() } });
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      const charger = seen.filter((e) => /\/2\.2\.1\/(commands|chargingprofiles)(\/|$)/.test(new URL(e.request.url).pathname));
      // The reference CPO refuses every token but the registration's with 401: any other answer means it took the request.
      assert.deepEqual(charger.filter((e) => e.response?.status !== 401).map((e) => `${e.request.method} ${e.request.url} -> ${e.response?.status}`), []);
      const probed = new Set(charger.map((e) => new URL(e.request.url).pathname.split('/2.2.1/')[1]?.split('/')[0]));
      assert.deepEqual([...probed].sort(), ['chargingprofiles', 'commands'], 'AUTH-01..03 probe both Receivers');
      assert.match(readReport(path).cases.find((c) => c.id === 'CMD-01')?.reason ?? '', /--allow-commands/);
    } finally {
      await party.stop();
    }
  });

  it('refuses OCPI_CONFORMANCE_ALLOW_COMMANDS, whatever its value, with exit code 2 and a line naming the flag.', async () => {
    for (const value of ['true', 'false']) {
      const outcome = await runMain(['run', '--embedded', 'cpo', '--only', 'VER-01'], { env: { OCPI_CONFORMANCE_ALLOW_COMMANDS: value } });
      assert.equal(outcome.code, 2, value);
      assert.match(outcome.stderr, /OCPI_CONFORMANCE_ALLOW_COMMANDS is refused, whatever its value: .* only with --allow-commands on the command line/);
    }
  });
});
