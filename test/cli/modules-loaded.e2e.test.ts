import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstLine, runCli, startCli } from '../helpers/run-cli.js';

const RECORDER = new URL('../helpers/record-imports.js', import.meta.url).href;

/** Runs the CLI and gives back every module URL it resolved. */
async function modulesLoadedBy(args: readonly string[], dir: string): Promise<string[]> {
  const record = join(dir, 'imports.txt');
  const outcome = await runCli(args, { env: { NODE_OPTIONS: `--import=${RECORDER}`, RECORD_IMPORTS: record }, timeoutMs: 60_000 });
  assert.equal(outcome.code, 0, outcome.stderr);
  return readFileSync(record, 'utf8').split('\n').filter(Boolean);
}

describe('what run loads', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-writers-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads only the writer of the report asked for: a JSON report loads neither the JUnit nor the HTML writer.', async () => {
    const loaded = await modulesLoadedBy(['run', '--embedded', 'cpo', '--only', 'VER-01', '--quiet', '--report-json', join(dir, 'report.json')], dir);
    assert.ok(loaded.some((url) => url.endsWith('/report/json-report.js')), 'the JSON writer loads');
    for (const writer of ['/report/junit-report.js', 'junit-report-builder', '/report/html-report.js', '/report/evidence.js']) {
      assert.ok(!loaded.some((url) => url.includes(writer)), `${writer} was loaded`);
    }
  });

  it('loads neither the reference party nor its fault catalogue against a target of its own, only the sender lists its peer serves.', async () => {
    const mock = startCli(['mock', '--role', 'cpo']);
    try {
      const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string; tokenA: string };
      const loaded = await modulesLoadedBy(['run', '--versions-url', ready.versionsUrl, '--token', ready.tokenA, '--only', 'VER-01', '--quiet'], dir);
      assert.ok(loaded.some((url) => url.endsWith('/src/runner/run-conformance.js')), 'the runner loads');
      const parties = new Set(loaded.filter((url) => url.includes('/src/parties/')).map((url) => url.replace(/.*\/src\/parties\//, '')));
      assert.ok(parties.has('sender-list.js'), 'the peer serves its sender lists');
      for (const own of ['reference-party.js', 'fault-catalogue.js', 'cpo-store.js', 'emsp-store.js']) assert.ok(!parties.has(own), `${own} was loaded`);
      assert.ok(!loaded.some((url) => url.endsWith('/src/embedded-fault-problem.js')), 'embedded-fault-problem.js was loaded');
    } finally {
      mock.kill('SIGINT');
      await once(mock, 'close');
    }
  });

  it('loads the JUnit writer when a JUnit report is asked for, and writes it.', async () => {
    const loaded = await modulesLoadedBy(['run', '--embedded', 'cpo', '--only', 'VER-01', '--quiet', '--report-junit', join(dir, 'report.xml')], dir);
    assert.ok(loaded.some((url) => url.includes('junit-report-builder')));
    assert.match(readFileSync(join(dir, 'report.xml'), 'utf8'), /<testsuites/);
  });
});
