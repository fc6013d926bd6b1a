import assert from 'node:assert/strict';
import { EmspStore } from '../../src/parties/emsp-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { tariffsReceiverRoutes } from '../../src/parties/tariffs-receiver.js';
import { STAMP, testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf } from '../helpers/server-request.js';

const TARIFF = {
  country_code: 'DE',
  party_id: 'CPO',
  id: 'TAR1',
  currency: 'EUR',
  tariff_alt_text: [{ language: 'en', text: '0.25 EUR per kWh' }],
  elements: [{ price_components: [{ type: 'ENERGY', price: 0.25, step_size: 1 }] }],
  last_updated: STAMP,
};
const URL_PARAMS = { country_code: 'DE', party_id: 'CPO', tariff_id: 'TAR1' };

describe('the tariffs receiver of the reference eMSP', () => {
  let store: EmspStore;
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = []): void => {
    store = new EmspStore([]);
    routes = tariffsReceiverRoutes(testParty(faults, 'emsp'), store);
  };
  const put = (body: unknown) => callRoute(routes, 'PUT', { params: URL_PARAMS, body });
  const get = () => callRoute(routes, 'GET', { params: URL_PARAMS });
  const del = () => callRoute(routes, 'DELETE', { params: URL_PARAMS });
  beforeEach(() => start());

  it('stores a new tariff with 201, replaces it with 200, and returns it on GET.', async () => {
    assert.equal((await put(TARIFF)).status, 201);
    const replaced = await put({ ...TARIFF, currency: 'CHF' });
    assert.equal(replaced.status, 200);
    assert.equal(envelopeOf(replaced).status_code, 1000);
    const fetched = await get();
    assert.equal(fetched.status, 200);
    assert.deepEqual(envelopeOf(fetched).data, { ...TARIFF, currency: 'CHF' });
  });

  it('answers GET of an unknown tariff with HTTP 404 and the generic client error 2000.', async () => {
    const response = await get();
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2000);
    assert.equal(envelopeOf(response).data, undefined);
  });

  it('accepts a tariff whose owner and id differ from the URL only in case.', async () => {
    assert.equal((await put({ ...TARIFF, country_code: 'de', party_id: 'cpo', id: 'tar1' })).status, 201);
  });

  for (const [field, value] of [['country_code', 'NL'], ['party_id', 'XYZ'], ['id', 'OTHER']] as const) {
    it(`refuses with 2001 a PUT whose ${field} differs from the URL, and stores nothing.`, async () => {
      const response = await put({ ...TARIFF, [field]: value });
      assert.equal(response.status, 200);
      assert.equal(envelopeOf(response).status_code, 2001);
      assert.equal(store.tariffs.size, 0);
    });
  }

  it('refuses with 2001 a PUT that lacks a required field, naming it.', async () => {
    const { elements: _dropped, ...incomplete } = TARIFF;
    const response = await put(incomplete);
    assert.equal(envelopeOf(response).status_code, 2001);
    assert.match(envelopeOf(response).status_message ?? '', /elements/);
  });

  it('refuses with 2001 a PUT whose body is not an object.', async () => {
    assert.equal(envelopeOf(await put([TARIFF])).status_code, 2001);
  });

  it('removes a tariff on DELETE, after which its GET answers 404.', async () => {
    await put(TARIFF);
    const response = await del();
    assert.equal(response.status, 200);
    assert.equal(envelopeOf(response).status_code, 1000);
    assert.equal((await get()).status, 404);
  });

  it('answers DELETE of an unknown tariff with HTTP 404 and status_code 2000.', async () => {
    const response = await del();
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2000);
  });

  describe('with faults', () => {
    it('tariff-put-drops-field stores the tariff without its tariff_alt_text.', async () => {
      start(['tariff-put-drops-field']);
      await put(TARIFF);
      const { tariff_alt_text: _dropped, ...withoutAltText } = TARIFF;
      assert.deepEqual(envelopeOf(await get()).data, withoutAltText);
    });

    it('tariff-delete-ignored answers DELETE with 1000 but keeps the tariff.', async () => {
      start(['tariff-delete-ignored']);
      await put(TARIFF);
      assert.equal(envelopeOf(await del()).status_code, 1000);
      assert.deepEqual(envelopeOf(await get()).data, TARIFF);
    });
  });
});
