import assert from 'node:assert/strict';
import { AsyncResults } from '../../src/parties/async-results.js';
import { chargingProfilesRoutes } from '../../src/parties/charging-profiles-receiver.js';
import type { Session } from '../../src/ocpi-data/ocpi-objects.js';
import { CpoStore } from '../../src/parties/cpo-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { STAMP, testLocation, testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf, type RequestParts } from '../helpers/server-request.js';
import { acceptAsOcpi, startTestServer, type TestServer } from '../helpers/test-server.js';

const LOCATION = testLocation('CHARGING');
const SESSION: Session = {
  country_code: 'NL', party_id: 'RCP', id: 'SES1', start_date_time: STAMP, kwh: 0, auth_method: 'COMMAND',
  cdr_token: { country_code: 'DE', party_id: 'EMS', uid: 'AB1234', type: 'RFID', contract_id: 'DE-EMS-C12345678-A' },
  location_id: 'LOC1', evse_uid: 'EVSE1', connector_id: '1', currency: 'EUR', charging_periods: [], status: 'ACTIVE', last_updated: STAMP,
};
const PROFILE = { charging_rate_unit: 'A', charging_profile_period: [{ start_period: 0, limit: 16 }] };

describe('the charging profiles receiver of the reference CPO', () => {
  let partner: TestServer;
  let received: Array<Record<string, unknown>>;
  let store: CpoStore;
  let results: AsyncResults;
  let routes: ModuleRoute[];

  const start = (faults: readonly string[] = []): void => {
    const party = testParty(faults);
    store = new CpoStore({ locations: [LOCATION], tariffs: [], sessions: [], cdrs: [] });
    store.sessions.push(SESSION, { ...SESSION, id: 'SES2', status: 'COMPLETED', end_date_time: STAMP });
    results = new AsyncResults(party);
    routes = chargingProfilesRoutes(party, store, results);
  };
  const responseUrl = (): string => `${partner.url}/results`;
  const put = (sessionId = 'SES1', body: unknown = { charging_profile: PROFILE, response_url: responseUrl() }) => callRoute(routes, 'PUT', { params: { session_id: sessionId }, body });
  const get = (sessionId = 'SES1', query: RequestParts['query'] = { duration: '900', response_url: responseUrl() }) => callRoute(routes, 'GET', { params: { session_id: sessionId }, query });
  const clear = (sessionId = 'SES1', query: RequestParts['query'] = { response_url: responseUrl() }) => callRoute(routes, 'DELETE', { params: { session_id: sessionId }, query });
  const activeProfileOf = (result: Record<string, unknown> | undefined) => (result?.['profile'] as { charging_profile: Record<string, unknown> } | undefined)?.charging_profile;

  before(async () => {
    partner = await startTestServer();
    partner.handler = acceptAsOcpi((_req, body) => received.push(JSON.parse(body) as Record<string, unknown>));
  });
  after(() => partner.close());
  beforeEach(() => {
    received = [];
    start();
  });

  it('stores a profile on PUT, answers ACCEPTED and posts an ACCEPTED ChargingProfileResult.', async () => {
    const response = await put();
    assert.equal(response.status, 200);
    assert.deepEqual(envelopeOf(response).data, { result: 'ACCEPTED', timeout: 30 });
    assert.deepEqual(store.profiles.get('SES1')?.chargingProfile, PROFILE);
    await results.settle();
    assert.deepEqual(received, [{ result: 'ACCEPTED' }]);
  });

  it('posts the stored profile as the active one on GET, with the requested duration.', async () => {
    await put();
    assert.deepEqual(envelopeOf(await get()).data, { result: 'ACCEPTED', timeout: 30 });
    await results.settle();
    const result = received[1];
    assert.equal(result?.['result'], 'ACCEPTED');
    assert.deepEqual(activeProfileOf(result), { ...PROFILE, duration: 900 });
    assert.equal(typeof (result?.['profile'] as { start_date_time?: unknown }).start_date_time, 'string');
  });

  it('posts the EVSE\'s maximum as the active profile on GET when none was set.', async () => {
    await get();
    await results.settle();
    assert.deepEqual(activeProfileOf(received[0]), { charging_rate_unit: 'W', charging_profile_period: [{ start_period: 0, limit: 11000 }], duration: 900 });
  });

  it('clears the profile on DELETE, answers ACCEPTED and posts an ACCEPTED ClearProfileResult.', async () => {
    await put();
    assert.deepEqual(envelopeOf(await clear()).data, { result: 'ACCEPTED', timeout: 30 });
    assert.equal(store.profiles.has('SES1'), false);
    await results.settle();
    assert.deepEqual(received, [{ result: 'ACCEPTED' }, { result: 'ACCEPTED' }]);
  });

  it('answers UNKNOWN_SESSION on every method for an unknown or a completed session and posts nothing.', async () => {
    for (const sessionId of ['NOPE', 'SES2']) {
      for (const response of [await put(sessionId), await get(sessionId), await clear(sessionId)]) {
        assert.equal(envelopeOf(response).status_code, 1000);
        assert.deepEqual(envelopeOf(response).data, { result: 'UNKNOWN_SESSION', timeout: 30 });
      }
    }
    await results.settle();
    assert.equal(received.length, 0);
    assert.equal(store.profiles.size, 0);
  });

  const invalid: ReadonlyArray<readonly [string, () => ReturnType<typeof put>]> = [
    ['PUT without charging_profile', () => put('SES1', { response_url: responseUrl() })],
    ['PUT without response_url', () => put('SES1', { charging_profile: PROFILE })],
    ['GET without duration', () => get('SES1', { response_url: responseUrl() })],
    ['GET with a duration that is not an integer', () => get('SES1', { duration: '1.5', response_url: responseUrl() })],
    ['GET without response_url', () => get('SES1', { duration: '900' })],
    ['DELETE without response_url', () => clear('SES1', {})],
  ];
  for (const [title, send] of invalid) {
    it(`refuses a ${title} with 2001.`, async () => {
      const response = await send();
      assert.equal(response.status, 200);
      assert.equal(envelopeOf(response).status_code, 2001);
      await results.settle();
      assert.equal(received.length, 0);
    });
  }

  describe('with faults', () => {
    it('unknown-session-accepted answers ACCEPTED for an unknown session and posts ACCEPTED.', async () => {
      start(['unknown-session-accepted']);
      assert.deepEqual(envelopeOf(await put('NOPE')).data, { result: 'ACCEPTED', timeout: 30 });
      await results.settle();
      assert.deepEqual(received, [{ result: 'ACCEPTED' }]);
    });

    it('set-profile-result-never-sent answers ACCEPTED to PUT but never posts the result.', async () => {
      start(['set-profile-result-never-sent']);
      assert.equal(envelopeOf(await put()).data?.['result'], 'ACCEPTED');
      await results.settle();
      assert.equal(received.length, 0);
    });

    it('active-profile-result-invalid posts the active profile without charging_rate_unit.', async () => {
      start(['active-profile-result-invalid']);
      await get();
      await results.settle();
      assert.deepEqual(activeProfileOf(received[0]), { charging_profile_period: [{ start_period: 0, limit: 11000 }], duration: 900 });
    });

    it('clear-profile-response-invalid answers DELETE with a result outside the enum.', async () => {
      start(['clear-profile-response-invalid']);
      assert.deepEqual(envelopeOf(await clear()).data, { result: 'DONE', timeout: 30 });
      await results.settle();
      assert.deepEqual(received, [{ result: 'ACCEPTED' }]);
    });
  });
});
