import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../helpers/run-cli.js';

const RECORDER = pathToFileURL(new URL('../helpers/record-imports.js', import.meta.url).pathname).href;

/** Runs the CLI and gives back every module URL it resolved. */
async function modulesLoadedBy(args: readonly string[], dir: string): Promise<string[]> {
  const record = join(dir, 'imports.txt');
  const outcome = await runCli(args, { env: { NODE_OPTIONS: `--import=${RECORDER}`, RECORD_IMPORTS: record }, timeoutMs: 60_000 });
  assert.equal(outcome.code, 0, outcome.stderr);
  return readFileSync(record, 'utf8').split('\n').filter(Boolean);
}

describe('the report writers of run', function () {
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

  it('loads the JUnit writer when a JUnit report is asked for, and writes it.', async () => {
    const loaded = await modulesLoadedBy(['run', '--embedded', 'cpo', '--only', 'VER-01', '--quiet', '--report-junit', join(dir, 'report.xml')], dir);
    assert.ok(loaded.some((url) => url.includes('junit-report-builder')));
    assert.match(readFileSync(join(dir, 'report.xml'), 'utf8'), /<testsuites/);
  });
});
