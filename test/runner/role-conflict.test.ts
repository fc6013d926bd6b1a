import assert from 'node:assert/strict';
import { roleConflict } from '../../src/runner/role-conflict.js';

describe('a --role the target\'s credentials contradict', () => {
  const cpo = [{ countryCode: 'NL', partyId: 'ABC', role: 'CPO' }];

  it('is named, with the role to use instead', () => {
    assert.equal(roleConflict(cpo, 'emsp'), '--role emsp contradicts the target\'s credentials, which name its role CPO: run with --role cpo');
  });

  it('is no conflict when a role matches, when the target is a Hub, or when the credentials name no role (OCPI 2.1.1)', () => {
    assert.equal(roleConflict(cpo, 'cpo'), undefined);
    assert.equal(roleConflict([...cpo, { countryCode: 'NL', partyId: 'ABD', role: 'EMSP' }], 'emsp'), undefined);
    assert.equal(roleConflict([{ countryCode: 'DE', partyId: 'HUB', role: 'HUB' }], 'emsp'), undefined);
    assert.equal(roleConflict([{ countryCode: 'NL', partyId: 'ABC' }], 'emsp'), undefined);
    assert.equal(roleConflict(cpo, undefined), undefined);
  });

  it('is no conflict for a PTP target, whatever role its credentials name (OCPI 2.3.0 has no PTP Role: spec-notes P2)', () => {
    assert.equal(roleConflict([{ countryCode: 'NL', partyId: 'RPT', role: 'OTHER' }], 'ptp'), undefined);
    assert.equal(roleConflict(cpo, 'ptp'), undefined);
  });
});
