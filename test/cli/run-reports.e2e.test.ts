import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALL_CASES } from '../../suites/index.js';
import { REPORT_FORMAT } from '../../src/report/report-format.js';
import { casesWith, firstLine, readReport, reportPath, runCli, startCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

// The reports CI pipelines and partners read: baselines, profiles, the evidence folder, terminal manners.
describe('ocpi-conformance run, reports and gates', function () {
  this.timeout(60_000);

  describe('with a baseline', () => {
    const baselineFile = reportPath('baseline.json');

    it('writes the failures of a run as a baseline, and exits with the verdict of the run.', async () => {
      const outcome = await runMain(['run', '--embedded', 'emsp', '--embedded-fault', 'location-put-drops-field', '--write-baseline', baselineFile]);
      assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
      assert.match(outcome.stdout, /wrote the baseline \(1 known failure\) to /);
      const written = JSON.parse(readFileSync(baselineFile, 'utf8')) as { knownFailures: unknown[] };
      assert.deepEqual(written.knownFailures, [{ case: 'LOC-PUSH-01', check: 'locations.stored-as-put' }]);
    });

    it('shows a known failure without failing the run, in the console and in the JSON report.', async () => {
      const path = reportPath();
      const outcome = await runMain(['run', '--embedded', 'emsp', '--embedded-fault', 'location-put-drops-field', '--baseline', baselineFile, '--report-json', path]);
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      const report = readReport(path) as ReturnType<typeof readReport> & { summary: { knownFailures: number } };
      assert.deepEqual(casesWith(report, 'known-failure'), ['LOC-PUSH-01']);
      assert.equal(report.summary.failed, 0);
      assert.equal(report.summary.knownFailures, 1);
      assert.match(outcome.stdout, /known\s+LOC-PUSH-01/);
      assert.match(outcome.stdout, /locations\.stored-as-put \(known failure, in the baseline\)/);
      assert.match(outcome.stdout, /baseline .*: 1 known failure still fails/);
    });

    it('still fails on a failure the baseline does not list.', async () => {
      const path = reportPath();
      const outcome = await runMain(['run', '--embedded', 'emsp', '--embedded-fault', 'location-put-drops-field', '--embedded-fault', 'tariff-put-drops-field', '--baseline', baselineFile, '--report-json', path]);
      assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
      assert.deepEqual(casesWith(readReport(path), 'failed'), ['TAR-PUSH-01']);
      assert.deepEqual(casesWith(readReport(path), 'known-failure'), ['LOC-PUSH-01']);
    });

    it('lists the entries that now pass so the file can be trimmed.', async () => {
      const outcome = await runMain(['run', '--embedded', 'emsp', '--baseline', baselineFile]);
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      assert.match(outcome.stdout, /baseline: 1 entry now passes; remove it from .*baseline\.json: LOC-PUSH-01 locations\.stored-as-put/);
    });

    it('refuses a baseline that does not parse with one line and exit code 2, before running anything.', async () => {
      const bad = reportPath('bad.json');
      writeFileSync(bad, '{"knownFailures": [{"case": "LOC-PUSH-01"}]}');
      const outcome = await runMain(['run', '--embedded', 'emsp', '--baseline', bad]);
      assert.equal(outcome.code, 2);
      assert.equal(outcome.stdout, '');
      assert.match(outcome.stderr, /^ocpi-conformance: error: the baseline .*bad\.json is invalid at \/knownFailures\/0: must have required property 'check'\n$/);
    });
  });

  it('runs only the cases of MUST/SHALL rules with --profile required.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--profile', 'required', '--report-json', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const ran = readReport(path).cases.map((c) => c.id);
    const recommended = ALL_CASES.filter((c) => c.severity !== 'required' && c.targetRole !== 'emsp').map((c) => c.id);
    assert.ok(recommended.length > 0);
    for (const id of recommended) assert.ok(!ran.includes(id), `${id} is not a MUST/SHALL case`);
    assert.ok(ran.includes('VER-01') && ran.includes('LOC-01'));
  });

  it('writes an evidence folder: the three reports, the transcript and a manifest with hashes, without a token.', async () => {
    const dir = join(dirname(reportPath()), 'evidence', 'nested');
    const outcome = await runMain(['run', '--embedded', 'emsp', '--embedded-fault', 'location-put-drops-field', '--profile', 'required', '--evidence', dir]);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    assert.match(outcome.stdout, /wrote the evidence to .*: report\.json, report\.junit\.xml, report\.html, transcript\.txt, manifest\.json/);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      tool: { name: string; version: string }; reportFormat: string; schemaPacks: Array<{ version: string; files: number; sha256: string }>; ocpiVersion: string; testedVersions: string[];
      target: { versionsUrl: string; role: string }; profile: string; startedAt: string; endedAt: string; exitCode: number;
      files: Array<{ name: string; bytes: number; sha256: string }>;
    };
    assert.equal(manifest.tool.name, 'ocpi-conformance');
    assert.match(manifest.tool.version, /^\d+\.\d+\.\d+/);
    assert.equal(manifest.reportFormat, REPORT_FORMAT);
    assert.deepEqual(manifest.schemaPacks.map((pack) => pack.version), ['2.2.1']);
    assert.deepEqual(manifest.testedVersions, ['2.2.1']);
    assert.match(manifest.schemaPacks[0]?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.ok((manifest.schemaPacks[0]?.files ?? 0) > 50);
    assert.equal(manifest.ocpiVersion, '2.2.1');
    assert.match(manifest.target.versionsUrl, /^http:\/\/127\.0\.0\.1:\d+\/ocpi\/emsp\/versions$/);
    assert.equal(manifest.target.role, 'emsp');
    assert.equal(manifest.profile, 'required');
    assert.ok(Date.parse(manifest.startedAt) <= Date.parse(manifest.endedAt));
    assert.equal(manifest.exitCode, 1);
    assert.deepEqual(manifest.files.map((f) => f.name), ['report.json', 'report.junit.xml', 'report.html', 'transcript.txt']);
    for (const file of manifest.files) {
      const content = readFileSync(join(dir, file.name));
      assert.equal(createHash('sha256').update(content).digest('hex'), file.sha256, file.name);
    }
    assert.deepEqual(casesWith(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReturnType<typeof readReport>, 'failed'), ['LOC-PUSH-01']);
    assert.match(readFileSync(join(dir, 'report.junit.xml'), 'utf8'), /<failure message="LOC-PUSH-01 locations\.stored-as-put: /);
    assert.match(readFileSync(join(dir, 'report.html'), 'utf8'), /LOC-PUSH-01/);
    const transcript = readFileSync(join(dir, 'transcript.txt'), 'utf8');
    assert.match(transcript, /the tester called the target/);
    assert.match(transcript, /the target called the tester/, 'the peer\'s inbound exchanges are in the transcript');
    for (const file of ['report.json', 'report.junit.xml', 'report.html', 'transcript.txt', 'manifest.json']) {
      const text = readFileSync(join(dir, file), 'utf8');
      assert.doesNotMatch(text, /Token (?!\[redacted\])[A-Za-z0-9_=-]{20,}/, file);
      assert.doesNotMatch(text, /"token": "(?!\[redacted\])/, file);
    }
  });

  it('says so in one line and exits 2 before the run when the evidence folder cannot be created.', async () => {
    const file = reportPath('a-file');
    writeFileSync(file, 'not a folder');
    const outcome = await runMain(['run', '--embedded', 'emsp', '--only', 'VER-01', '--evidence', join(file, 'evidence')]);
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /^ocpi-conformance: error: --evidence: .*a-file is a file, not a folder\n$/);
    assert.equal(outcome.stdout, '');
  });

  it('writes the HTML report with --report-html.', async () => {
    const path = reportPath('report.html');
    const outcome = await runMain(['run', '--embedded', 'emsp', '--only', 'VER-01,VER-02', '--report-html', path]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.ok(existsSync(path));
    assert.match(readFileSync(path, 'utf8'), /^<!DOCTYPE html>/i);
  });

  describe('terminal manners', () => {
    it('prints only the summary with --quiet.', async () => {
      const outcome = await runMain(['run', '--embedded', 'emsp', '--embedded-fault', 'location-put-drops-field', '--quiet']);
      assert.equal(outcome.code, 1);
      assert.equal(outcome.stdout, `\n${outcome.stdout.trim()}\n`);
      assert.match(outcome.stdout.trim(), /^FAILED \d+ cases: \d+ passed, 1 failed, 0 errored, \d+ skipped, 0 warnings \(\d+\.\d s\)\nOCPI 2\.2\.1 tested \(the target offers 2\.2\.1\)$/);
      assert.equal(outcome.stderr, '');
    });

    it('writes no escape codes and no spinner when stdout and stderr are pipes, even without NO_COLOR.', async () => {
      const outcome = await runCli(['run', '--embedded', 'emsp', '--embedded-fault', 'location-put-drops-field'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
      assert.equal(outcome.code, 1);
      assert.doesNotMatch(outcome.stdout + outcome.stderr, /\u001b/);
      assert.doesNotMatch(outcome.stderr, /connecting|waiting/);
    });
  });

  describe('warnings that make a pass meaningless', () => {
    let mock: ChildProcess | undefined;
    afterEach(() => {
      mock?.kill('SIGKILL');
      mock = undefined;
    });

    it('says so when every request got 401, as with a wrong token.', async () => {
      mock = startCli(['mock', '--role', 'cpo', '--token-a', 'the-right-token']);
      const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string };
      const outcome = await runMain(['run', '--versions-url', ready.versionsUrl, '--token', 'a-wrong-token', '--handshake', 'none', '--only', 'VER-01,VER-02']);
      assert.match(outcome.stdout, /warning: every request the tester made \(\d+\) was answered with HTTP 401/);
    });

    it('says which interfaces the target does not declare when their cases were skipped.', async () => {
      const outcome = await runMain(['run', '--embedded', 'cpo', '--embedded-variant', 'tariffs-not-offered', '--only', 'VER-01,VER-02,CRED-02,LOC-01,TAR-01']);
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      assert.match(outcome.stdout, /warning: the target does not declare tariffs SENDER: 1 case was skipped, not passed/);
    });
  });

  it('writes the JSON report to stdout with --report-json -, and everything meant for a person to stderr', async () => {
    const outcome = await runMain(['run', '--embedded', 'cpo', '--only', 'VER-01,VER-02', '--report-json', '-']);
    assert.equal(outcome.code, 0, outcome.stderr);
    const report = JSON.parse(outcome.stdout) as { cases: Array<{ id: string; status: string }> };
    assert.deepEqual(report.cases.map((c) => `${c.id} ${c.status}`), ['VER-01 passed', 'VER-02 passed']);
    assert.match(outcome.stderr, /PASSED 2 cases/);
  });
});
