import assert from 'node:assert/strict';
import { AsyncResults } from '../../src/parties/async-results.js';
import { commandsRoutes } from '../../src/parties/commands-receiver.js';
import type { CpoData } from '../../src/ocpi-data/ocpi-objects.js';
import { CpoStore } from '../../src/parties/cpo-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import type { PartyContext } from '../../src/parties/party-context.js';
import { STAMP, testLocation, testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf } from '../helpers/server-request.js';
import { acceptAsOcpi, startTestServer, type TestServer } from '../helpers/test-server.js';

const LOCATION = testLocation('AVAILABLE');
const TOKEN = { country_code: 'DE', party_id: 'EMS', uid: 'AB1234', type: 'RFID', contract_id: 'DE-EMS-C12345678-A', issuer: 'Test eMSP', valid: true, whitelist: 'ALLOWED', last_updated: STAMP };

/** A result the loopback partner received, with what the store held when it arrived. */
interface Received {
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Record<string, unknown>;
  readonly sessionStatuses: readonly string[];
}

describe('the commands receiver of the reference CPO', () => {
  let partner: TestServer;
  let received: Received[];
  let party: PartyContext;
  let store: CpoStore;
  let results: AsyncResults;
  let routes: ModuleRoute[];

  const start = (faults: readonly string[] = []): void => {
    party = testParty(faults);
    const data: CpoData = { locations: [LOCATION], tariffs: [], sessions: [], cdrs: [] };
    store = new CpoStore(data);
    results = new AsyncResults(party);
    routes = commandsRoutes(party, store, results);
  };
  const command = (name: string, body: Record<string, unknown>, withUrl = true) =>
    callRoute(routes, 'POST', { params: { command: name }, headers: { 'ocpi-from-country-code': 'DE', 'ocpi-from-party-id': 'EMS' }, body: withUrl ? { response_url: `${partner.url}/results/${name}`, ...body } : body });
  const startSession = () => command('START_SESSION', { token: TOKEN, location_id: 'LOC1' });
  const reserveNow = () => command('RESERVE_NOW', { token: TOKEN, expiry_date: '2030-01-01T00:00:00Z', reservation_id: 'R1', location_id: 'LOC1' });
  const unlock = (evseUid = 'EVSE1', connectorId = '1', locationId = 'LOC1') => command('UNLOCK_CONNECTOR', { location_id: locationId, evse_uid: evseUid, connector_id: connectorId });

  before(async () => {
    partner = await startTestServer();
    partner.handler = acceptAsOcpi((req, body) => {
      received.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(body) as Record<string, unknown>, sessionStatuses: store.sessions.map((session) => session.status) });
    });
  });
  after(() => partner.close());
  beforeEach(() => {
    received = [];
    start();
  });

  it('answers START_SESSION with ACCEPTED and creates an ACTIVE session before the ACCEPTED result arrives.', async () => {
    const response = await startSession();
    assert.equal(response.status, 200);
    assert.deepEqual(envelopeOf(response).data, { result: 'ACCEPTED', timeout: 30 });
    await results.settle();
    assert.equal(received.length, 1);
    assert.deepEqual(received[0]?.body, { result: 'ACCEPTED' });
    assert.deepEqual(received[0]?.sessionStatuses, ['ACTIVE']);
  });

  it('builds the session from the token, the location\'s first EVSE and connector, and the authorization reference.', async () => {
    await command('START_SESSION', { token: TOKEN, location_id: 'LOC1', authorization_reference: 'REF1' });
    const session = store.sessions[0];
    assert.ok(session);
    assert.deepEqual(session.cdr_token, { country_code: 'DE', party_id: 'EMS', uid: 'AB1234', type: 'RFID', contract_id: 'DE-EMS-C12345678-A' });
    assert.equal(session.auth_method, 'COMMAND');
    assert.equal(session.authorization_reference, 'REF1');
    assert.deepEqual([session.country_code, session.party_id, session.location_id, session.evse_uid, session.connector_id], ['NL', 'RCP', 'LOC1', 'EVSE1', '1']);
    assert.deepEqual([session.kwh, session.currency, session.charging_periods], [0, 'EUR', []]);
    await results.settle();
  });

  it('posts the bare CommandResult with the outbound token and routing headers addressed to the requester.', async () => {
    await startSession();
    await results.settle();
    const post = received[0];
    const outbound = party.state.registration?.outbound.reveal() ?? '';
    assert.equal(post?.url, '/results/START_SESSION');
    assert.equal(post.headers['authorization'], `Token ${Buffer.from(outbound).toString('base64')}`);
    assert.deepEqual([post.headers['ocpi-from-country-code'], post.headers['ocpi-from-party-id']], ['NL', 'RCP']);
    assert.deepEqual([post.headers['ocpi-to-country-code'], post.headers['ocpi-to-party-id']], ['DE', 'EMS']);
    assert.equal(post.body['status_code'], undefined);
  });

  it('completes the session on STOP_SESSION and posts ACCEPTED.', async () => {
    await startSession();
    await results.settle();
    const sessionId = store.sessions[0]?.id ?? '';
    const response = await command('STOP_SESSION', { session_id: sessionId });
    assert.deepEqual(envelopeOf(response).data, { result: 'ACCEPTED', timeout: 30 });
    await results.settle();
    const session = store.session(sessionId);
    assert.equal(session?.status, 'COMPLETED');
    assert.ok(session.end_date_time);
    assert.deepEqual(received.map((post) => [post.url, post.body['result'], post.sessionStatuses[0]]), [
      ['/results/START_SESSION', 'ACCEPTED', 'ACTIVE'],
      ['/results/STOP_SESSION', 'ACCEPTED', 'COMPLETED'],
    ]);
  });

  it('answers STOP_SESSION of an unknown session with UNKNOWN_SESSION and posts nothing.', async () => {
    const response = await command('STOP_SESSION', { session_id: 'NOPE' });
    assert.equal(envelopeOf(response).status_code, 1000);
    assert.deepEqual(envelopeOf(response).data, { result: 'UNKNOWN_SESSION', timeout: 30 });
    await results.settle();
    assert.equal(received.length, 0);
  });

  it('answers START_SESSION at an unknown location with REJECTED and 2003, creating nothing and posting nothing.', async () => {
    const response = await command('START_SESSION', { token: TOKEN, location_id: 'NOWHERE' });
    assert.equal(response.status, 200);
    assert.equal(envelopeOf(response).status_code, 2003);
    assert.deepEqual(envelopeOf(response).data, { result: 'REJECTED', timeout: 30, message: [{ language: 'en', text: 'unknown location' }] });
    await results.settle();
    assert.equal(store.sessions.length, 0);
    assert.equal(received.length, 0);
  });

  it('answers UNLOCK_CONNECTOR on an unknown EVSE or connector of a known location with REJECTED and 2003.', async () => {
    for (const response of [await unlock('NOPE', '1'), await unlock('EVSE1', '9')]) {
      assert.equal(envelopeOf(response).status_code, 2003);
      assert.equal(envelopeOf(response).data?.['result'], 'REJECTED');
    }
    await results.settle();
    assert.equal(received.length, 0);
  });

  it('posts ACCEPTED for UNLOCK_CONNECTOR on a known connector.', async () => {
    assert.deepEqual(envelopeOf(await unlock()).data, { result: 'ACCEPTED', timeout: 30 });
    await results.settle();
    assert.deepEqual(received.map((post) => post.body), [{ result: 'ACCEPTED' }]);
  });

  it('remembers a reservation on RESERVE_NOW and forgets it on CANCEL_RESERVATION, posting ACCEPTED for both.', async () => {
    assert.deepEqual(envelopeOf(await reserveNow()).data, { result: 'ACCEPTED', timeout: 30 });
    assert.deepEqual(store.reservations.get('R1'), { locationId: 'LOC1' });
    assert.deepEqual(envelopeOf(await command('CANCEL_RESERVATION', { reservation_id: 'R1' })).data, { result: 'ACCEPTED', timeout: 30 });
    assert.equal(store.reservations.size, 0);
    await results.settle();
    assert.deepEqual(received.map((post) => post.body['result']), ['ACCEPTED', 'ACCEPTED']);
  });

  it('posts UNKNOWN_RESERVATION for CANCEL_RESERVATION of a reservation it does not hold.', async () => {
    await command('CANCEL_RESERVATION', { reservation_id: 'NOPE' });
    await results.settle();
    assert.deepEqual(received.map((post) => post.body), [{ result: 'UNKNOWN_RESERVATION' }]);
  });

  it('answers an unknown command with HTTP 404 and status_code 2000.', async () => {
    const response = await command('START_CHARGING', { token: TOKEN, location_id: 'LOC1' });
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2000);
  });

  const incomplete: ReadonlyArray<readonly [string, Record<string, unknown>, boolean]> = [
    ['START_SESSION', { token: TOKEN, location_id: 'LOC1' }, false],
    ['START_SESSION', { location_id: 'LOC1' }, true],
    ['START_SESSION', { token: TOKEN, location_id: 'LOC1', connector_id: '1' }, true],
    ['STOP_SESSION', {}, true],
    ['RESERVE_NOW', { token: TOKEN, reservation_id: 'R1', location_id: 'LOC1' }, true],
    ['CANCEL_RESERVATION', {}, true],
    ['UNLOCK_CONNECTOR', { location_id: 'LOC1', evse_uid: 'EVSE1' }, true],
  ];
  for (const [name, body, withUrl] of incomplete) {
    it(`refuses ${name} with 2001 when the body is ${JSON.stringify(Object.keys(body))}${withUrl ? '' : ' without response_url'}.`, async () => {
      const response = await command(name, body, withUrl);
      assert.equal(response.status, 200);
      assert.equal(envelopeOf(response).status_code, 2001);
    });
  }

  it('posts no result when there is no registration to take a token from.', async () => {
    party.state.registration = undefined;
    await unlock();
    await results.settle();
    assert.equal(received.length, 0);
  });

  it('settles quietly when the partner is gone.', async () => {
    await command('UNLOCK_CONNECTOR', { response_url: 'http://127.0.0.1:1/results', location_id: 'LOC1', evse_uid: 'EVSE1', connector_id: '1' }, false);
    await results.settle();
  });

  describe('with faults', () => {
    it('unknown-location-accepted answers a command at an unknown location with ACCEPTED and posts ACCEPTED.', async () => {
      start(['unknown-location-accepted']);
      const response = await command('START_SESSION', { token: TOKEN, location_id: 'NOWHERE' });
      assert.equal(envelopeOf(response).status_code, 1000);
      assert.deepEqual(envelopeOf(response).data, { result: 'ACCEPTED', timeout: 30 });
      await results.settle();
      assert.deepEqual(received.map((post) => post.body), [{ result: 'ACCEPTED' }]);
    });

    it('start-session-no-session posts ACCEPTED but creates no session.', async () => {
      start(['start-session-no-session']);
      await startSession();
      await results.settle();
      assert.deepEqual(received.map((post) => post.body), [{ result: 'ACCEPTED' }]);
      assert.equal(store.sessions.length, 0);
    });

    it('stop-session-keeps-active posts ACCEPTED but leaves the session ACTIVE.', async () => {
      start(['stop-session-keeps-active']);
      await startSession();
      await command('STOP_SESSION', { session_id: store.sessions[0]?.id ?? '' });
      await results.settle();
      assert.deepEqual(received.map((post) => post.body['result']), ['ACCEPTED', 'ACCEPTED']);
      assert.equal(store.sessions[0]?.status, 'ACTIVE');
    });

    it('reserve-result-invalid posts a result that is not a CommandResultType.', async () => {
      start(['reserve-result-invalid']);
      await reserveNow();
      await results.settle();
      assert.deepEqual(received.map((post) => post.body), [{ result: 'OK' }]);
    });

    it('cancel-reservation-response-invalid answers CANCEL_RESERVATION without timeout.', async () => {
      start(['cancel-reservation-response-invalid']);
      const response = await command('CANCEL_RESERVATION', { reservation_id: 'R1' });
      assert.deepEqual(envelopeOf(response).data, { result: 'ACCEPTED' });
      await results.settle();
    });

    it('unlock-result-never-sent answers ACCEPTED but never posts the result.', async () => {
      start(['unlock-result-never-sent']);
      assert.equal(envelopeOf(await unlock()).data?.['result'], 'ACCEPTED');
      await results.settle();
      assert.equal(received.length, 0);
    });
  });
});
