import assert from 'node:assert/strict';
import { PROFILES, profilesOf } from '../../src/runner/profiles.js';
import { selectCases } from '../../src/runner/select-cases.js';
import { ALL_CASES } from '../../suites/index.js';

describe('the profiles', () => {
  it('select only the cases of MUST/SHALL rules with required, and every case with full.', () => {
    const required = selectCases(ALL_CASES, { version: '2.2.1', only: [], profile: 'required' });
    assert.ok(required.length > 0 && required.length < ALL_CASES.length);
    assert.ok(required.every((c) => c.severity === 'required'));
    assert.deepEqual(ALL_CASES.filter((c) => c.severity !== 'required' && required.includes(c)), []);
    assert.equal(selectCases(ALL_CASES, { version: '2.2.1', only: [], profile: 'full' }).length, ALL_CASES.filter((c) => c.versions.includes('2.2.1')).length);
  });

  it('select with required the cases required in the version run: AUTH-03 in 2.2.1, not in 2.1.1, where it is a recommendation.', () => {
    const ids = (version: '2.1.1' | '2.2.1') => selectCases(ALL_CASES, { version, only: [], profile: 'required' }).map((c) => c.id);
    assert.ok(ids('2.2.1').includes('AUTH-03'));
    assert.ok(!ids('2.1.1').includes('AUTH-03'));
    assert.ok(ids('2.1.1').includes('AUTH-01'));
  });

  it('narrow together with --only: a case must be in both.', () => {
    const recommended = ALL_CASES.find((c) => c.severity === 'recommended');
    assert.ok(recommended, 'the catalogue has a recommended case');
    assert.deepEqual(selectCases(ALL_CASES, { version: '2.2.1', only: [recommended.id, 'VER-01'], profile: 'required' }).map((c) => c.id), ['VER-01']);
  });

  it('never leave a required case without the cases that provide what it needs.', () => {
    const required = selectCases(ALL_CASES, { version: '2.2.1', only: [], profile: 'required' });
    for (const c of required) {
      for (const key of c.requires) {
        if (ALL_CASES.some((p) => p.provides.includes(key))) assert.ok(required.some((p) => p.provides.includes(key)), `${c.id} needs ${key}`);
      }
    }
  });

  it('name every case the full profile, and give each profile a description.', () => {
    assert.ok(ALL_CASES.every((c) => profilesOf(c).includes('full')));
    assert.ok(PROFILES.every((p) => p.description.length > 20));
  });
});
