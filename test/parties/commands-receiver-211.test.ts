import assert from 'node:assert/strict';
import { AsyncResults } from '../../src/parties/async-results.js';
import { commandsRoutes } from '../../src/parties/commands-receiver.js';
import { CpoStore } from '../../src/parties/cpo-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { STAMP, testLocation, testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf } from '../helpers/server-request.js';
import { acceptAsOcpi, startTestServer, type TestServer } from '../helpers/test-server.js';

// A 2.1.1 Token: no owner fields, the contract as auth_id.
const TOKEN_211 = { uid: 'AB1234', type: 'RFID', auth_id: 'DE-EMS-C12345678-A', issuer: 'Test eMSP', valid: true, whitelist: 'ALLOWED', last_updated: STAMP };

interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Record<string, unknown>;
}

describe('the commands receiver of the reference CPO in OCPI 2.1.1', () => {
  let partner: TestServer;
  let received: Received[];
  let store: CpoStore;
  let results: AsyncResults;
  let routes: ModuleRoute[];

  const start = (faults: readonly string[] = []): void => {
    const party = testParty(faults, 'cpo', [], '2.1.1');
    store = new CpoStore({ locations: [testLocation('AVAILABLE')], tariffs: [], sessions: [], cdrs: [] });
    results = new AsyncResults(party);
    routes = commandsRoutes(party, store, results);
  };
  const command = (name: string, body: Record<string, unknown>) => callRoute(routes, 'POST', { params: { command: name }, body: { response_url: `${partner.url}/results/${name}`, ...body } });

  before(async () => {
    partner = await startTestServer();
    partner.handler = acceptAsOcpi((req, body) => {
      received.push({ headers: req.headers, body: JSON.parse(body) as Record<string, unknown> });
    });
  });
  after(() => partner.close());
  beforeEach(() => {
    received = [];
    start();
  });

  it('answers START_SESSION with a CommandResponse that has no timeout, and starts the session on the token\'s auth_id.', async () => {
    const response = await command('START_SESSION', { token: TOKEN_211, location_id: 'LOC1' });
    assert.deepEqual(envelopeOf(response).data, { result: 'ACCEPTED' });
    assert.equal(store.sessions[0]?.cdr_token.contract_id, 'DE-EMS-C12345678-A');
    await results.settle();
    assert.deepEqual(received.map((r) => r.body), [{ result: 'ACCEPTED' }]);
  });

  it('posts the result with the token as issued and without routing headers.', async () => {
    await command('START_SESSION', { token: TOKEN_211, location_id: 'LOC1' });
    await results.settle();
    const headers = received[0]?.headers ?? {};
    assert.match(String(headers['authorization']), /^Token [^ ]+$/);
    assert.equal(headers['ocpi-from-country-code'], undefined);
    assert.equal(headers['ocpi-to-party-id'], undefined);
  });

  it('posts the result with the token Base64-encoded under the results-base64-token fault.', async () => {
    start(['results-base64-token']);
    await command('START_SESSION', { token: TOKEN_211, location_id: 'LOC1' });
    await results.settle();
    assert.equal(received.length, 1);
    const token = String(received[0]?.headers['authorization']).slice('Token '.length);
    assert.match(token, /=|^[A-Za-z0-9+/]+$/);
  });

  it('takes an int reservation_id in RESERVE_NOW and refuses a string one with 2001.', async () => {
    const good = await command('RESERVE_NOW', { token: TOKEN_211, expiry_date: '2030-01-01T00:00:00Z', reservation_id: 7, location_id: 'LOC1' });
    assert.deepEqual(envelopeOf(good).data, { result: 'ACCEPTED' });
    const bad = await command('RESERVE_NOW', { token: TOKEN_211, expiry_date: '2030-01-01T00:00:00Z', reservation_id: 'R1', location_id: 'LOC1' });
    assert.equal(envelopeOf(bad).status_code, 2001);
    await results.settle();
  });

  it('refuses a START_SESSION whose token lacks auth_id with 2001.', async () => {
    const { auth_id: _dropped, ...token } = TOKEN_211;
    const response = await command('START_SESSION', { token, location_id: 'LOC1' });
    assert.equal(envelopeOf(response).status_code, 2001);
  });

  it('knows no CANCEL_RESERVATION, a command 2.1.1 does not have.', async () => {
    const response = await command('CANCEL_RESERVATION', { reservation_id: 7 });
    assert.equal(response.status, 404);
  });

  it('answers a command on an unknown Location REJECTED with status_code 2003 and no message field.', async () => {
    const response = await command('START_SESSION', { token: TOKEN_211, location_id: 'NOWHERE' });
    assert.equal(envelopeOf(response).status_code, 2003);
    assert.deepEqual(envelopeOf(response).data, { result: 'REJECTED' });
  });
});
