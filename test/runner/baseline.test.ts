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
