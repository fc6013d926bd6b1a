import assert from 'node:assert/strict';
import { EmspStore } from '../../src/parties/emsp-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { sessionsReceiverRoutes } from '../../src/parties/sessions-receiver.js';
import { STAMP, testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf } from '../helpers/server-request.js';

const LATER = '2026-01-01T00:10:00Z';
const FIRST_PERIOD = { start_date_time: STAMP, dimensions: [{ type: 'ENERGY', volume: 2 }] };
const SECOND_PERIOD = { start_date_time: LATER, dimensions: [{ type: 'ENERGY', volume: 3 }] };
const SESSION = {
  country_code: 'DE',
  party_id: 'CPO',
  id: 'SES1',
  start_date_time: STAMP,
  kwh: 2,
  cdr_token: { country_code: 'NL', party_id: 'REM', uid: 'AB1234', type: 'RFID', contract_id: 'NL-REM-C12345678' },
  auth_method: 'WHITELIST',
  location_id: 'LOC1',
  evse_uid: 'EVSE1',
  connector_id: '1',
  meter_id: 'METER-1',
  currency: 'EUR',
  charging_periods: [FIRST_PERIOD],
  status: 'ACTIVE',
  last_updated: STAMP,
};
const URL_PARAMS = { country_code: 'DE', party_id: 'CPO', session_id: 'SES1' };

describe('the sessions receiver of the reference eMSP', () => {
  let store: EmspStore;
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = []): void => {
    store = new EmspStore([]);
    routes = sessionsReceiverRoutes(testParty(faults, 'emsp'), store);
  };
  const put = (body: unknown) => callRoute(routes, 'PUT', { params: URL_PARAMS, body });
  const get = () => callRoute(routes, 'GET', { params: URL_PARAMS });
  const patch = (body: unknown) => callRoute(routes, 'PATCH', { params: URL_PARAMS, body });
  const stored = async () => envelopeOf(await get()).data;
  beforeEach(() => start());

  it('stores a new session with 201, replaces it with 200, and returns it on GET.', async () => {
    assert.equal((await put(SESSION)).status, 201);
    const replaced = await put({ ...SESSION, kwh: 3 });
    assert.equal(replaced.status, 200);
    assert.equal(envelopeOf(replaced).status_code, 1000);
    assert.deepEqual(await stored(), { ...SESSION, kwh: 3 });
  });

  it('replaces the charging periods on PUT, removing them when the new session has none.', async () => {
    await put(SESSION);
    const { charging_periods: _dropped, ...withoutPeriods } = SESSION;
    await put(withoutPeriods);
    assert.deepEqual(await stored(), withoutPeriods);
  });

  it('answers GET of an unknown session with HTTP 404 and the generic client error 2000.', async () => {
    const response = await get();
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2000);
  });

  it('refuses with 2001 a PUT whose id differs from the URL, and stores nothing.', async () => {
    const response = await put({ ...SESSION, id: 'SES2' });
    assert.equal(envelopeOf(response).status_code, 2001);
    assert.equal(store.sessions.size, 0);
  });

  it('refuses with 2001 a PUT that lacks a required field, naming it.', async () => {
    const { status: _dropped, ...incomplete } = SESSION;
    const response = await put(incomplete);
    assert.equal(envelopeOf(response).status_code, 2001);
    assert.match(envelopeOf(response).status_message ?? '', /status/);
  });

  it('adds the charging periods of a PATCH after the stored ones and merges its other fields.', async () => {
    await put(SESSION);
    const response = await patch({ charging_periods: [SECOND_PERIOD], kwh: 5, last_updated: LATER });
    assert.equal(response.status, 200);
    assert.equal(envelopeOf(response).status_code, 1000);
    assert.deepEqual(await stored(), { ...SESSION, kwh: 5, last_updated: LATER, charging_periods: [FIRST_PERIOD, SECOND_PERIOD] });
  });

  for (const [label, periods] of [['an omitted', {}], ['an empty', { charging_periods: [] }]] as const) {
    it(`keeps the stored charging periods on a PATCH with ${label} charging_periods.`, async () => {
      await put(SESSION);
      await patch({ ...periods, status: 'COMPLETED', last_updated: LATER });
      assert.deepEqual(await stored(), { ...SESSION, status: 'COMPLETED', last_updated: LATER });
    });
  }

  it('keeps the session under its URL when a PATCH names another id.', async () => {
    await put(SESSION);
    await patch({ id: 'SES2', last_updated: LATER });
    assert.equal((await stored())?.['id'], 'SES1');
  });

  it('refuses with 2001 a PATCH without last_updated and changes nothing.', async () => {
    await put(SESSION);
    const response = await patch({ charging_periods: [SECOND_PERIOD] });
    assert.equal(envelopeOf(response).status_code, 2001);
    assert.deepEqual(await stored(), SESSION);
  });

  it('refuses with 2001 a PATCH whose charging_periods is not a list.', async () => {
    await put(SESSION);
    assert.equal(envelopeOf(await patch({ charging_periods: SECOND_PERIOD, last_updated: LATER })).status_code, 2001);
  });

  it('answers a PATCH of an unknown session with HTTP 404 and status_code 2000.', async () => {
    const response = await patch({ kwh: 5, last_updated: LATER });
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2000);
  });

  describe('with faults', () => {
    it('session-put-drops-field stores the session without its meter_id.', async () => {
      start(['session-put-drops-field']);
      await put(SESSION);
      const { meter_id: _dropped, ...withoutMeterId } = SESSION;
      assert.deepEqual(await stored(), withoutMeterId);
    });

    it('session-patch-replaces-periods keeps only the charging periods of the PATCH.', async () => {
      start(['session-patch-replaces-periods']);
      await put(SESSION);
      assert.equal(envelopeOf(await patch({ charging_periods: [SECOND_PERIOD], last_updated: LATER })).status_code, 1000);
      assert.deepEqual((await stored())?.['charging_periods'], [SECOND_PERIOD]);
    });
  });
});
