import assert from 'node:assert/strict';
import { routingHeaders } from '../../src/runner/module-request.js';

const nsp = { countryCode: 'NL', partyId: 'NSP', role: 'NSP' };
const cpo = { countryCode: 'NL', partyId: 'CPO', role: 'CPO' };

describe('the routing headers the tester sends', () => {
  it('addresses OCPI-to to the target role that owns the module when the target has several roles.', () => {
    const headers = routingHeaders([nsp, cpo], 'cpo');
    assert.deepEqual([headers['ocpi-to-country-code'], headers['ocpi-to-party-id']], ['NL', 'CPO']);
    assert.deepEqual([headers['ocpi-from-country-code'], headers['ocpi-from-party-id']], ['ZZ', 'OCT']);
  });

  it('addresses the first role when the target role is unknown or none of its roles has it.', () => {
    assert.equal(routingHeaders([nsp, cpo])['ocpi-to-party-id'], 'NSP');
    assert.equal(routingHeaders([nsp, cpo], 'emsp')['ocpi-to-party-id'], 'NSP');
  });

  it('leaves OCPI-to out when the target named no role.', () => {
    assert.equal(routingHeaders([])['ocpi-to-party-id'], undefined);
  });
});
