import assert from 'node:assert/strict';
import { CpoStore } from '../../src/parties/cpo-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { tokensRoutes } from '../../src/parties/tokens-receiver.js';
import { testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf } from '../helpers/server-request.js';

// A 2.1.1 Token: no owner fields, the contract as auth_id.
const TOKEN_211 = { uid: 'AB1234', type: 'OTHER', auth_id: 'DE-EMS-C12345678-A', visual_number: 'DF000-2001-8999', issuer: 'Test eMSP', valid: true, whitelist: 'ALLOWED', last_updated: '2026-01-01T00:00:00Z' };
const URL_PARAMS = { country_code: 'DE', party_id: 'EMS', token_uid: 'AB1234' };

describe('the tokens receiver of the reference CPO in OCPI 2.1.1', () => {
  let routes: ModuleRoute[];
  beforeEach(() => {
    routes = tokensRoutes(testParty([], 'cpo', [], '2.1.1'), new CpoStore({ locations: [], tariffs: [], sessions: [], cdrs: [] }));
  });
  const put = (body: unknown) => callRoute(routes, 'PUT', { params: URL_PARAMS, body });
  const get = () => callRoute(routes, 'GET', { params: URL_PARAMS });

  it('stores a 2.1.1 Token without owner fields and returns it at its URL, which names no type.', async () => {
    assert.equal((await put(TOKEN_211)).status, 201);
    assert.deepEqual(envelopeOf(await get()).data, TOKEN_211);
  });

  it('refuses a Token without auth_id with 2001.', async () => {
    const { auth_id: _dropped, ...token } = TOKEN_211;
    assert.equal(envelopeOf(await put(token)).status_code, 2001);
  });

  it('refuses a Token whose uid differs from the URL\'s with 2001.', async () => {
    assert.equal(envelopeOf(await put({ ...TOKEN_211, uid: 'OTHER1' })).status_code, 2001);
  });

  it('applies a PATCH without last_updated, which 2.1.1 does not require.', async () => {
    await put(TOKEN_211);
    const patched = await callRoute(routes, 'PATCH', { params: URL_PARAMS, body: { valid: false } });
    assert.equal(envelopeOf(patched).status_code, 1000);
    assert.equal((envelopeOf(await get()).data as { valid?: unknown }).valid, false);
  });

  it('answers an unknown Token with HTTP 404 and status_code 2000 (2.1.1 has no 2004).', async () => {
    const response = await get();
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2000);
  });
});
