import assert from 'node:assert/strict';
import type { CaseResult } from '../../src/model/case-result.js';
import { nothingChecked } from '../../src/model/nothing-checked.js';

const result = (statuses: Record<string, CaseResult['status']>, pulledIn: string[] = [], untested?: string) => ({
  cases: Object.entries(statuses).map(([id, status]) => ({ id, status }) as CaseResult),
  pulledIn,
  ...(untested ? { untested } : {}),
});

describe('a run that checked nothing it was asked to', () => {
  it('is one whose selected cases were all skipped, whatever the cases pulled in for them did', () => {
    assert.equal(nothingChecked(result({ 'VER-01': 'passed', 'CRED-02': 'passed', 'LOC-01': 'skipped' }, ['VER-01', 'CRED-02'])), true);
    assert.equal(nothingChecked(result({ 'VER-01': 'skipped' })), true);
  });

  it('is not one where a selected case ran, nor one that tested no version (that outcome has its own code)', () => {
    assert.equal(nothingChecked(result({ 'VER-01': 'passed', 'LOC-01': 'skipped' }, [])), false);
    assert.equal(nothingChecked(result({ 'LOC-01': 'failed' }, [])), false);
    assert.equal(nothingChecked(result({}, [], 'no mutual version')), false);
  });
});
