import assert from 'node:assert/strict';
import { fail, pass } from '../../src/checks/finding.js';
import { applyBaseline, baselineOf } from '../../src/runner/baseline.js';
import { caseResult, runResult } from '../helpers/run-result.js';

const failing = (id: string, ...checks: string[]) => caseResult({ id, status: 'failed', findings: [pass('http.status', 'ok'), ...checks.map((check) => fail(check, `${check} failed`))] });

describe('applyBaseline', () => {
  const run = runResult([
    failing('LOC-01', 'schema.response'),
    failing('TAR-01', 'schema.response', 'pagination.page-size'),
    caseResult({ id: 'SES-01', status: 'passed', findings: [pass('schema.response', 'ok')] }),
    caseResult({ id: 'CDR-01', status: 'skipped', reason: 'not declared' }),
  ]);
  const applied = applyBaseline(run, {
    knownFailures: [
      { case: 'LOC-01', check: 'schema.response' },
      { case: 'TAR-01', check: 'schema.response' },
      { case: 'SES-01', check: 'schema.response', note: 'fixed in 1.2' },
      { case: 'CDR-01', check: 'schema.response' },
      { case: 'NOPE-01', check: 'schema.response' },
    ],
  }, 'known.json');

  it('turns a case that failed only on listed checks into a known failure that does not count as failed.', () => {
    const loc = applied.cases.find((c) => c.id === 'LOC-01');
    assert.equal(loc?.status, 'known-failure');
    assert.deepEqual(loc?.knownFailures, ['schema.response']);
    assert.equal(applied.summary.knownFailures, 1);
  });

  it('keeps a case failed when it also failed a check the baseline does not list, naming the listed ones.', () => {
    const tar = applied.cases.find((c) => c.id === 'TAR-01');
    assert.equal(tar?.status, 'failed');
    assert.deepEqual(tar?.knownFailures, ['schema.response']);
    assert.equal(applied.summary.failed, 1);
  });

  it('lists the entries that now pass, and those the run could not check, so the file can be trimmed.', () => {
    assert.deepEqual(applied.baseline?.matched.map((e) => e.case), ['LOC-01', 'TAR-01']);
    assert.deepEqual(applied.baseline?.fixed, [{ case: 'SES-01', check: 'schema.response', note: 'fixed in 1.2' }]);
    assert.deepEqual(applied.baseline?.unchecked.map((e) => e.case), ['CDR-01', 'NOPE-01']);
    assert.equal(applied.baseline?.file, 'known.json');
  });

  it('leaves a run without listed failures as it was, apart from the outcome of the baseline.', () => {
    const clean = applyBaseline(runResult([failing('LOC-01', 'schema.response')]), { knownFailures: [] }, 'empty.json');
    assert.equal(clean.cases[0]?.status, 'failed');
    assert.equal(clean.summary.failed, 1);
  });
});

describe('baselineOf', () => {
  it('lists every failed check of failed and known-failure cases, keeping the notes of entries that still hold.', () => {
    const run = runResult([failing('LOC-01', 'schema.response'), caseResult({ ...failing('TAR-01', 'pagination.page-size'), status: 'known-failure' }), caseResult({ id: 'SES-01', status: 'passed' })]);
    const written = baselineOf(run, { knownFailures: [{ case: 'TAR-01', check: 'pagination.page-size', note: 'ticket 12' }, { case: 'SES-01', check: 'x.y', note: 'gone' }] });
    assert.deepEqual(written.knownFailures, [{ case: 'LOC-01', check: 'schema.response' }, { case: 'TAR-01', check: 'pagination.page-size', note: 'ticket 12' }]);
  });
});

describe('a baseline over several OCPI versions', () => {
  const inVersion = (version: '2.2.1' | '2.3.0', result: ReturnType<typeof caseResult>): ReturnType<typeof caseResult> => ({ ...result, ocpiVersion: version });
  const run = runResult([
    inVersion('2.3.0', failing('LOC-01', 'schema.response')),
    inVersion('2.2.1', caseResult({ id: 'LOC-01', status: 'passed', findings: [pass('schema.response', 'ok')] })),
  ], { target: { role: 'cpo', ocpiVersion: '2.3.0', testedVersions: ['2.3.0', '2.2.1'] } });

  it('applies an entry that names a version to that version only, and one without a version to every version.', () => {
    const only221 = applyBaseline(run, { knownFailures: [{ case: 'LOC-01', check: 'schema.response', version: '2.2.1' }] }, 'b.json');
    assert.deepEqual(only221.cases.map((c) => c.status), ['failed', 'passed']);
    assert.deepEqual(only221.baseline?.fixed.map((e) => e.version), ['2.2.1']);
    const only230 = applyBaseline(run, { knownFailures: [{ case: 'LOC-01', check: 'schema.response', version: '2.3.0' }] }, 'b.json');
    assert.deepEqual(only230.cases.map((c) => c.status), ['known-failure', 'passed']);
    const every = applyBaseline(run, { knownFailures: [{ case: 'LOC-01', check: 'schema.response' }] }, 'b.json');
    assert.deepEqual(every.cases.map((c) => c.status), ['known-failure', 'passed']);
    // It failed in one of the versions it covers: it still holds, it is not fixed.
    assert.equal(every.baseline?.matched.length, 1);
    assert.equal(every.baseline?.fixed.length, 0);
  });

  it('names the version of each entry it writes for a run of several versions, keeping an unversioned note.', () => {
    const written = baselineOf(run, { knownFailures: [{ case: 'LOC-01', check: 'schema.response', note: 'ticket 12' }] });
    assert.deepEqual(written.knownFailures, [{ case: 'LOC-01', check: 'schema.response', version: '2.3.0', note: 'ticket 12' }]);
  });
});
