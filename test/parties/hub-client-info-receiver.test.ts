import assert from 'node:assert/strict';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { hubClientInfoReceiverRoutes, type ClientInfoStore } from '../../src/parties/hub-client-info-receiver.js';
import { STAMP, testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf } from '../helpers/server-request.js';

const CLIENT_INFO = { country_code: 'DE', party_id: 'ABC', role: 'EMSP', status: 'CONNECTED', last_updated: STAMP };
const URL_PARAMS = { country_code: 'DE', party_id: 'ABC' };

describe('the Hub Client Info receiver of the reference parties', () => {
  let store: ClientInfoStore;
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = [], variants: readonly string[] = [], role: 'cpo' | 'emsp' = 'cpo'): void => {
    store = new Map();
    routes = hubClientInfoReceiverRoutes(testParty(faults, role, variants), store);
  };
  const put = (body: unknown, params: Record<string, string> = URL_PARAMS) => callRoute(routes, 'PUT', { params, body });
  const get = (params: Record<string, string> = URL_PARAMS) => callRoute(routes, 'GET', { params });
  beforeEach(() => start());

  it('stores a new ClientInfo (201) and reads it back as sent, at a URL of either case.', async () => {
    const created = await put(CLIENT_INFO);
    assert.equal(created.status, 201);
    assert.equal(envelopeOf(created).status_code, 1000);
    const read = await get({ country_code: 'de', party_id: 'abc' });
    assert.equal(read.status, 200);
    assert.deepEqual(envelopeOf(read).data, CLIENT_INFO);
  });

  it('replaces a ClientInfo it holds with the one PUT (200), so a status change shows.', async () => {
    await put(CLIENT_INFO);
    const replaced = await put({ ...CLIENT_INFO, status: 'OFFLINE', last_updated: '2026-01-02T00:00:00Z' });
    assert.equal(replaced.status, 200);
    assert.equal(envelopeOf(await get()).data?.['status'], 'OFFLINE');
  });

  it('answers a ClientInfo it does not hold with HTTP 404.', async () => {
    const read = await get();
    assert.equal(read.status, 404);
    assert.equal(envelopeOf(read).status_code, 2000);
  });

  it('refuses, with status_code 2001, a ClientInfo without a required field or naming another party than its URL.', async () => {
    const withoutStatus: Record<string, unknown> = { ...CLIENT_INFO };
    delete withoutStatus['status'];
    assert.equal(envelopeOf(await put(withoutStatus)).status_code, 2001);
    assert.equal(envelopeOf(await put({ ...CLIENT_INFO, party_id: 'XYZ' })).status_code, 2001);
    assert.equal(envelopeOf(await put([CLIENT_INFO])).status_code, 2001);
    assert.equal(store.size, 0);
  });

  it('stores the time of receipt as last_updated under client-info-restamped.', async () => {
    start(['client-info-restamped'], [], 'emsp');
    await put(CLIENT_INFO);
    assert.notEqual(envelopeOf(await get()).data?.['last_updated'], STAMP);
  });

  it('keeps the first version of a ClientInfo, though it answers success, under client-info-update-ignored.', async () => {
    start(['client-info-update-ignored']);
    await put(CLIENT_INFO);
    const replaced = await put({ ...CLIENT_INFO, status: 'OFFLINE' });
    assert.equal(envelopeOf(replaced).status_code, 1000);
    assert.equal(envelopeOf(await get()).data?.['status'], 'CONNECTED');
  });

  it('reads country_code and party_id back in lower case under clientinfo-lowercase-ids, and echoes the object under clientinfo-put-echoes-object.', async () => {
    start([], ['clientinfo-lowercase-ids', 'clientinfo-put-echoes-object']);
    const created = await put(CLIENT_INFO);
    assert.deepEqual(envelopeOf(created).data, { ...CLIENT_INFO, country_code: 'de', party_id: 'abc' });
    assert.equal(envelopeOf(await get()).data?.['party_id'], 'abc');
  });
});
