import assert from 'node:assert/strict';
import { CpoStore } from '../../src/parties/cpo-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { tokensRoutes } from '../../src/parties/tokens-receiver.js';
import { testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf, type RequestParts } from '../helpers/server-request.js';

const TOKEN = {
  country_code: 'DE',
  party_id: 'EMS',
  uid: 'AB1234',
  type: 'RFID',
  contract_id: 'DE-EMS-C12345678-A',
  visual_number: 'DF000-2001-8999',
  issuer: 'Test eMSP',
  valid: true,
  whitelist: 'ALLOWED',
  last_updated: '2026-01-01T00:00:00Z',
};
const URL_PARAMS = { country_code: 'DE', party_id: 'EMS', token_uid: 'AB1234' };

describe('the tokens receiver of the reference CPO', () => {
  let store: CpoStore;
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = []): void => {
    store = new CpoStore({ locations: [], tariffs: [], sessions: [], cdrs: [] });
    routes = tokensRoutes(testParty(faults), store);
  };
  const put = (body: unknown, parts: RequestParts = {}) => callRoute(routes, 'PUT', { params: URL_PARAMS, body, ...parts });
  const get = (parts: RequestParts = {}) => callRoute(routes, 'GET', { params: URL_PARAMS, ...parts });
  const patch = (body: unknown) => callRoute(routes, 'PATCH', { params: URL_PARAMS, body });
  beforeEach(() => start());

  it('stores a new token with 201, replaces it with 200, and returns it on GET.', async () => {
    assert.equal((await put(TOKEN)).status, 201);
    const replaced = await put({ ...TOKEN, valid: false });
    assert.equal(replaced.status, 200);
    assert.equal(envelopeOf(replaced).status_code, 1000);
    const fetched = await get();
    assert.equal(fetched.status, 200);
    assert.deepEqual(envelopeOf(fetched).data, { ...TOKEN, valid: false });
  });

  it('answers GET of an unknown token with HTTP 404 and status_code 2004.', async () => {
    const response = await get();
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2004);
    assert.equal(envelopeOf(response).data, undefined);
  });

  it('keys tokens by type, RFID when the query names none.', async () => {
    const appUser = { type: 'APP_USER' };
    assert.equal((await put({ ...TOKEN, ...appUser }, { query: appUser })).status, 201);
    assert.equal((await get()).status, 404);
    assert.equal((await get({ query: appUser })).status, 200);
  });

  it('accepts a token whose country_code and party_id differ from the URL only in case.', async () => {
    assert.equal((await put({ ...TOKEN, country_code: 'de', party_id: 'ems' })).status, 201);
  });

  for (const [field, value] of [['country_code', 'NL'], ['party_id', 'XYZ'], ['uid', 'OTHER'], ['type', 'APP_USER']] as const) {
    it(`refuses with 2001 a PUT whose ${field} differs from the URL, and stores nothing.`, async () => {
      const response = await put({ ...TOKEN, [field]: value });
      assert.equal(response.status, 200);
      assert.equal(envelopeOf(response).status_code, 2001);
      assert.equal(store.tokens.size, 0);
    });
  }

  it('refuses with 2001 a PUT that lacks a required field, naming it.', async () => {
    const { contract_id: _dropped, ...incomplete } = TOKEN;
    const response = await put(incomplete);
    assert.equal(envelopeOf(response).status_code, 2001);
    assert.match(envelopeOf(response).status_message ?? '', /contract_id/);
  });

  it('refuses with 2001 a PUT whose body is not an object.', async () => {
    assert.equal(envelopeOf(await put([TOKEN])).status_code, 2001);
  });

  it('merges a PATCH into the stored token.', async () => {
    await put(TOKEN);
    const response = await patch({ valid: false, last_updated: '2026-01-02T00:00:00Z' });
    assert.equal(response.status, 200);
    assert.equal(envelopeOf(response).status_code, 1000);
    assert.deepEqual(envelopeOf(await get()).data, { ...TOKEN, valid: false, last_updated: '2026-01-02T00:00:00Z' });
  });

  it('refuses with 2001 a PATCH without last_updated and changes nothing.', async () => {
    await put(TOKEN);
    const response = await patch({ valid: false });
    assert.equal(response.status, 200);
    assert.equal(envelopeOf(response).status_code, 2001);
    assert.equal(envelopeOf(response).status_message, 'PATCH must contain last_updated');
    assert.equal(envelopeOf(await get()).data?.['valid'], true);
  });

  it('answers a PATCH of an unknown token with HTTP 404 and status_code 2004.', async () => {
    const response = await patch({ valid: false, last_updated: '2026-01-02T00:00:00Z' });
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2004);
  });

  describe('with faults', () => {
    it('unknown-token-200 answers an unknown token with HTTP 200 and status_code 2004.', async () => {
      start(['unknown-token-200']);
      const response = await get();
      assert.equal(response.status, 200);
      assert.equal(envelopeOf(response).status_code, 2004);
    });

    it('token-url-body-mismatch-accepted stores a token pushed to another token\'s URL.', async () => {
      start(['token-url-body-mismatch-accepted']);
      assert.equal((await put({ ...TOKEN, uid: 'OTHER' })).status, 201);
      assert.equal(envelopeOf(await get()).data?.['uid'], 'OTHER');
    });

    it('token-put-drops-field stores the token without its visual_number.', async () => {
      start(['token-put-drops-field']);
      await put(TOKEN);
      const { visual_number: _dropped, ...withoutVisualNumber } = TOKEN;
      assert.deepEqual(envelopeOf(await get()).data, withoutVisualNumber);
    });

    it('token-patch-without-last-updated-accepted applies a PATCH without last_updated.', async () => {
      start(['token-patch-without-last-updated-accepted']);
      await put(TOKEN);
      assert.equal(envelopeOf(await patch({ valid: false })).status_code, 1000);
      assert.equal(envelopeOf(await get()).data?.['valid'], false);
    });

    it('token-patch-ignored answers a PATCH with 1000 but keeps the token unchanged.', async () => {
      start(['token-patch-ignored']);
      await put(TOKEN);
      assert.equal(envelopeOf(await patch({ valid: false, last_updated: '2026-01-02T00:00:00Z' })).status_code, 1000);
      assert.deepEqual(envelopeOf(await get()).data, TOKEN);
    });
  });
});
