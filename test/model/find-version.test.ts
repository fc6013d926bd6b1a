import assert from 'node:assert/strict';
import { findVersion } from '../../src/model/find-version.js';

describe('findVersion', () => {
  it('returns the entry of the version asked for, with its URL', () => {
    const list = [{ version: '2.1.1', url: 'https://cpo.example/2.1.1' }, { version: '2.2.1', url: 'https://cpo.example/2.2.1' }];
    assert.deepEqual(findVersion(list, '2.2.1'), { version: '2.2.1', url: 'https://cpo.example/2.2.1' });
  });

  it('finds nothing when the version is not offered, has no URL, or the list is not a list', () => {
    assert.equal(findVersion([{ version: '2.1.1', url: 'https://cpo.example/2.1.1' }], '2.2.1'), undefined);
    assert.equal(findVersion([{ version: '2.2.1' }], '2.2.1'), undefined);
    assert.equal(findVersion({ version: '2.2.1', url: 'https://cpo.example/2.2.1' }, '2.2.1'), undefined);
    assert.equal(findVersion([null, 7, { version: '2.2.1', url: 'https://cpo.example/2.2.1' }], '2.2.1')?.url, 'https://cpo.example/2.2.1');
  });
});
