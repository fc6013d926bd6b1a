import assert from 'node:assert/strict';
import { readReport, reportPath } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

interface SavedExchange { id: string; direction: string; request: { method: string; url: string } }
interface SavedCase { id: string; exchanges: SavedExchange[]; findings: Array<{ check: string; status: string; exchangeId?: string }> }

const caseOf = (report: string, caseId: string): SavedCase | undefined => (readReport(report).cases as unknown as SavedCase[]).find((c) => c.id === caseId);

/** The exchanges of one case of a saved report. */
const exchangesOf = (report: string, caseId: string): SavedExchange[] => caseOf(report, caseId)?.exchanges ?? [];

describe('ocpi-conformance validate --report (judging a saved report\'s exchanges again)', function () {
  this.timeout(60_000);
  let faulty: string;
  let clean: string;
  before(async () => {
    faulty = reportPath('faulty.json');
    clean = reportPath('clean.json');
    // The embedded CPO's last listed Location has no address: LOC-01 fails on it, and its page is in the report.
    const failing = await runMain(['run', '--embedded', 'cpo', '--embedded-fault', 'locations-invalid-object', '--only', 'LOC-01', '--report-json', faulty, '-q']);
    assert.equal(failing.code, 1, failing.stdout + failing.stderr);
    const passing = await runMain(['run', '--embedded', 'cpo', '--only', 'LOC-01,VER-01', '--report-json', clean, '-q']);
    assert.equal(passing.code, 0, passing.stdout + passing.stderr);
  });

  it('finds again what the run found in a recorded response, in the version the exchange was made in, and exits 1.', async () => {
    const failed = caseOf(faulty, 'LOC-01')?.findings.find((f) => f.check === 'schema.response' && f.status === 'fail');
    const page = exchangesOf(faulty, 'LOC-01').find((e) => e.id === failed?.exchangeId);
    assert.ok(page, 'LOC-01 kept the page it failed on');
    const outcome = await runMain(['validate', '--report', faulty, '--object', 'Location', page.id]);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    assert.match(outcome.stdout, new RegExp(`#${page.id}: invalid Location \\(OCPI 2\\.2\\.1\\)`));
    assert.match(outcome.stdout, /error \/data\/\d+\/address: required field "address" is missing/);
  });

  it('passes a conformant recorded response, and gives the verdicts as JSON with the exchange named.', async () => {
    const [page] = exchangesOf(clean, 'LOC-01');
    const [versions] = exchangesOf(clean, 'VER-01');
    assert.ok(page && versions);
    const outcome = await runMain(['validate', '--report', clean, '--object', 'Location', page.id, '--json']);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const [verdict] = JSON.parse(outcome.stdout) as Array<{ file: string; valid: boolean; version: string }>;
    assert.deepEqual(verdict, { ...verdict, file: `${clean}#${page.id}`, valid: true, version: '2.2.1' });
    // The same body judged as another object is not valid: the command judges, it does not just read.
    const wrong = await runMain(['validate', '--report', clean, '--object', 'Location', versions.id]);
    assert.equal(wrong.code, 1, wrong.stdout);
  });

  it('refuses, in one line and with exit 2, an exchange the report does not hold and a call without ids.', async () => {
    const unknown = await runMain(['validate', '--report', clean, '--object', 'Location', 'x999']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^ocpi-conformance: error: the report names no exchange x999 \(it has \d+: x1, /);
    const none = await runMain(['validate', '--report', clean, '--object', 'Location']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /validate --report needs the ids of the exchanges to judge/);
    const missing = await runMain(['validate', '--report', reportPath('absent.json'), '--object', 'Location', 'x1']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the report .*absent\.json: ENOENT/);
  });
});
