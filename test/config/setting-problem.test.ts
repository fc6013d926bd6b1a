import assert from 'node:assert/strict';
import { closest, envName, settingName, unknownVariables } from '../../src/config/setting-problem.js';

describe('the words a settings problem is said in', () => {
  it('names a setting as its layer spells it', () => {
    assert.equal(settingName('command line', 'peerListen'), '--peer-listen');
    assert.equal(settingName('command line', 'color'), '--no-color');
    assert.equal(settingName('environment', 'peerListen'), 'OCPI_CONFORMANCE_PEER_LISTEN');
    assert.equal(settingName('config file', 'peerListen'), 'peerListen');
    assert.equal(envName('rateLimit'), 'OCPI_CONFORMANCE_RATE_LIMIT');
  });

  it('suggests the setting a typo was meant to be, and nothing for a word far from every setting', () => {
    assert.equal(closest('concurency', ['concurrency', 'timeout']), 'concurrency');
    assert.equal(closest('colour', ['color', 'quiet']), 'color');
    assert.equal(closest('bananas', ['concurrency', 'timeout']), undefined);
  });

  it('warns about variables of the prefix that are no setting, with a did-you-mean', () => {
    const warnings = unknownVariables({ OCPI_CONFORMANCE_TOKNE: 'x', OCPI_CONFORMANCE_TOKEN: 'y', OCPI_CONFORMANCE_DEBUG: '1', OCPI_CONFORMANCE_CONFIG: 'f', OCPI_CONFORMANCE_WHATEVER_ELSE: 'z', PATH: '/bin' });
    assert.deepEqual(warnings, [
      'OCPI_CONFORMANCE_TOKNE is not a setting of ocpi-conformance and is ignored; did you mean OCPI_CONFORMANCE_TOKEN?',
      'OCPI_CONFORMANCE_WHATEVER_ELSE is not a setting of ocpi-conformance and is ignored',
    ]);
  });
});
