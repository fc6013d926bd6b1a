import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, type TestCase, type TestSuite, type TestSuites } from 'junit2json';
import { REPORT_FORMAT } from '../../src/report/report-format.js';
import { reportPath } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';
import { reportValidator } from '../helpers/report-schema.js';

/** The reports one run wrote, read back. */
interface Written {
  readonly json: { reportFormat: string; target: { role: string; testedVersions: string[] }; cases: Array<{ id: string; ocpiVersion: string; status: string; durationMs: number }> };
  readonly junit: string;
  readonly html: string;
}

async function runAndRead(args: readonly string[], expectedCode: number): Promise<Written> {
  const json = reportPath('report.json');
  const junit = reportPath('report.xml');
  const html = reportPath('report.html');
  const outcome = await runMain(['run', ...args, '--quiet', '--report-json', json, '--report-junit', junit, '--report-html', html], { timeoutMs: 50_000 });
  assert.equal(outcome.code, expectedCode, outcome.stdout + outcome.stderr);
  return { json: JSON.parse(readFileSync(json, 'utf8')) as Written['json'], junit: readFileSync(junit, 'utf8'), html: readFileSync(html, 'utf8') };
}

// What a CI tool reads of the JUnit report: junit2json (xml2js underneath) parses it as dashboards and bots do.
async function readJunit(xml: string): Promise<TestSuite[]> {
  const root = (await parse(xml)) as TestSuites | null | undefined;
  assert.ok(root && Array.isArray(root.testsuite), 'a <testsuites> root with testsuites');
  return root.testsuite;
}

// Machine outputs as the tools that consume them read them: the JSON report against its shipped schema, the JUnit
// report through a JUnit parser CI tools use, the HTML summary as a reader sees it.
describe('ocpi-conformance run, reports as tools consume them', function () {
  this.timeout(120_000);
  let failing: Written;
  let several: Written;
  let clean: Written;

  before(async () => {
    // A CPO whose responses forget the X-Request-ID (one root cause, several cases) and that answers 200 for an
    // unknown Location (a SHOULD: a warning); an eMSP in every version; a clean eMSP.
    failing = await runAndRead(['--embedded', 'cpo', '--embedded-fault', 'no-request-id-echo', '--embedded-fault', 'unknown-location-200'], 1);
    several = await runAndRead(['--embedded', 'emsp', '--ocpi-version', 'all'], 0);
    clean = await runAndRead(['--embedded', 'emsp'], 0);
  });

  it('writes JSON reports that the shipped schema accepts, with no field it does not name, the format version and the role.', () => {
    const validate = reportValidator({ closed: true });
    for (const [name, written] of Object.entries({ failing, several, clean })) {
      assert.deepEqual(validate(written.json).errors, [], name);
      assert.equal(written.json.reportFormat, REPORT_FORMAT, name);
    }
    assert.equal(failing.json.target.role, 'cpo');
    assert.equal(several.json.target.role, 'emsp');
    assert.deepEqual(several.json.target.testedVersions, ['2.3.0', '2.2.1', '2.1.1']);
    assert.ok(failing.json.cases.some((c) => c.status === 'failed'));
  });

  it('writes JUnit that a JUnit parser reads with a time on every testsuite and testcase, a suite\'s the sum of its cases\'.', async () => {
    for (const written of [failing, several, clean]) {
      const suites = await readJunit(written.junit);
      assert.equal(suites.flatMap((s) => s.testcase ?? []).length, written.json.cases.length);
      for (const suite of suites) {
        assert.equal(typeof suite.time, 'number', `time of ${suite.name ?? ''}`);
        const cases = suite.testcase ?? [];
        assert.ok(cases.every((c) => typeof c.time === 'number' && c.time >= 0), `every testcase of ${suite.name ?? ''} has a time`);
        const sum = cases.reduce((total, c) => total + (c.time ?? 0), 0);
        assert.ok(Math.abs((suite.time ?? 0) - sum) < 0.0005, `${suite.name ?? ''}: ${suite.time ?? ''} is the sum ${sum}`);
      }
    }
    const times = Object.fromEntries((await readJunit(failing.junit)).flatMap((s) => s.testcase ?? []).map((c) => [c.name?.split(' ')[0], c.time]));
    for (const c of failing.json.cases) assert.equal(times[c.id], Math.round(c.durationMs) / 1000, c.id);
  });

  it('gives each failure a one-line message naming the case and its first failed check, and the full detail in its body.', async () => {
    const failures = (await readJunit(failing.junit)).flatMap((s) => s.testcase ?? []).filter((c): c is TestCase & { failure: NonNullable<TestCase['failure']> } => (c.failure?.length ?? 0) > 0);
    assert.deepEqual(failures.map((c) => c.name?.split(' ')[0]), failing.json.cases.filter((c) => c.status === 'failed').map((c) => c.id));
    for (const c of failures) {
      const [failure] = c.failure;
      const id = c.name?.split(' ')[0] ?? '';
      assert.match(failure?.message ?? '', new RegExp(`^${id} headers\\.request-id-echoed: the response has no X-Request-ID`));
      assert.doesNotMatch(failure?.message ?? '', /\n/);
      assert.ok((failure?.message ?? '').length <= 200);
      assert.equal(failure?.type, 'conformance');
      assert.match(failure?.inner ?? '', /headers\.request-id-echoed/, 'the body names the check');
      assert.match(failure?.inner ?? '', /transcript:\n/, 'the body holds the transcript');
      assert.match(failure?.inner ?? '', /curl /, 'the body holds a curl line');
    }
  });

  it('writes JUnit for several versions that the parser reads, a testsuite per version and module.', async () => {
    const suites = await readJunit(several.junit);
    assert.ok(suites.some((s) => s.name === 'OCPI 2.1.1 versions'));
    assert.ok(suites.some((s) => s.name === 'OCPI 2.3.0 locations'));
    assert.ok(suites.every((s) => (s.failures ?? 0) === 0 && typeof s.time === 'number'));
  });

  it('lists in the HTML summary each failing check once, with the cases it failed in, and the warnings.', () => {
    const summary = /<section class="summary[^]*?<\/section>/.exec(failing.html)?.[0] ?? '';
    const failingChecks = [...summary.matchAll(/data-testid="failing-check" data-check="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(failingChecks, ['headers.request-id-echoed']);
    const failed = failing.json.cases.filter((c) => c.status === 'failed').map((c) => c.id);
    const line = /data-check="headers\.request-id-echoed">([^]*?)<\/li>/.exec(summary)?.[1] ?? '';
    assert.match(line, new RegExp(`failed in ${failed.length} cases`));
    for (const id of failed) assert.match(line, new RegExp(`<a href="#case-${id}">${id}</a>`));
    const warnings = [...summary.matchAll(/data-testid="warning-check" data-check="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(warnings, ['http.unknown-object-404']);
    assert.doesNotMatch(/<section class="summary[^]*?<\/section>/.exec(clean.html)?.[0] ?? '', /failing-check|warning-check/);
  });
});
