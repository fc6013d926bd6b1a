import assert from 'node:assert/strict';
import { chooseVersions, offeredVersions } from '../../src/runner/choose-versions.js';

describe('chooseVersions', () => {
  const all = ['2.1.1', '2.2.1', '2.3.0'] as const;

  it('tests the highest version both sides support when none is asked for.', () => {
    assert.deepEqual(chooseVersions(undefined, all, ['2.1.1', '2.2.1']), { kind: 'test', versions: ['2.2.1'], offered: ['2.1.1', '2.2.1'] });
    assert.deepEqual(chooseVersions(undefined, ['2.2.1'], ['2.1.1', '2.2.1', '2.3.0']), { kind: 'test', versions: ['2.2.1'], offered: ['2.1.1', '2.2.1', '2.3.0'] });
  });

  it('tests every mutual version, highest first, for all, and ignores versions it does not know.', () => {
    assert.deepEqual(chooseVersions('all', all, ['2.0', '2.1.1', '2.3.0', '3.0']), { kind: 'test', versions: ['2.3.0', '2.1.1'], offered: ['2.0', '2.1.1', '2.3.0', '3.0'] });
  });

  it('tests the version asked for when the target offers it.', () => {
    assert.deepEqual(chooseVersions('2.1.1', all, ['2.1.1', '2.2.1']), { kind: 'test', versions: ['2.1.1'], offered: ['2.1.1', '2.2.1'] });
  });

  it('calls a version asked for and not offered a usage outcome, naming what is offered.', () => {
    assert.deepEqual(chooseVersions('2.3.0', all, ['2.1.1']), { kind: 'not-offered', asked: '2.3.0', offered: ['2.1.1'] });
  });

  it('calls a version asked for that no selected case covers a usage outcome, whatever the target offers.', () => {
    assert.deepEqual(chooseVersions('2.1.1', ['2.2.1'], ['2.1.1']), { kind: 'not-selected', asked: '2.1.1', testable: ['2.2.1'] });
  });

  it('says nothing can be tested when the target offers no version the cases cover, for all as without a request.', () => {
    for (const asked of [undefined, 'all'] as const) assert.deepEqual(chooseVersions(asked, ['2.2.1', '2.3.0'], ['2.1.1']), { kind: 'none-mutual', offered: ['2.1.1'], testable: ['2.3.0', '2.2.1'] });
  });

  it('goes ahead with the highest testable version when the versions list names none, so that VER-01 judges the list.', () => {
    assert.deepEqual(chooseVersions(undefined, all, []), { kind: 'test', versions: ['2.3.0'], offered: [] });
    assert.deepEqual(chooseVersions('2.1.1', all, []), { kind: 'test', versions: ['2.1.1'], offered: [] });
  });

  it('goes ahead with the version asked for, or the highest testable one, when the versions list could not be read.', () => {
    assert.deepEqual(chooseVersions('2.1.1', all, undefined), { kind: 'test', versions: ['2.1.1'] });
    assert.deepEqual(chooseVersions(undefined, all, undefined), { kind: 'test', versions: ['2.3.0'] });
    assert.deepEqual(chooseVersions('all', all, undefined), { kind: 'test', versions: ['2.3.0'] });
  });
});

describe('offeredVersions', () => {
  it('reads the version of each entry of a versions list and leaves out entries without one.', () => {
    assert.deepEqual(offeredVersions([{ version: '2.2.1', url: 'u' }, { url: 'v' }, null, { version: 2.1 }, { version: '2.1.1' }]), ['2.2.1', '2.1.1']);
  });

  it('reads nothing from data that is not a list.', () => {
    for (const data of [undefined, null, {}, 'x']) assert.deepEqual(offeredVersions(data), []);
  });
});
