import assert from 'node:assert/strict';
import { generateTokens } from '../../src/ocpi-data/generate-tokens.js';
import { cdrsReceiverRoutes } from '../../src/parties/cdrs-receiver.js';
import { EmspStore } from '../../src/parties/emsp-store.js';
import { locationsReceiverRoutes } from '../../src/parties/locations-receiver.js';
import { sessionsReceiverRoutes } from '../../src/parties/sessions-receiver.js';
import { authorizeRoutes } from '../../src/parties/tokens-authorize.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';
import { testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf } from '../helpers/server-request.js';

// 2.1.1 objects: no owner fields; a Connector with voltage and amperage; a Session with start_datetime, auth_id and its Location.
const CONNECTOR = { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', voltage: 230, amperage: 16, last_updated: '2026-01-01T00:00:00Z' };
const EVSE = { uid: 'EVSE1', status: 'AVAILABLE', connectors: [CONNECTOR], last_updated: '2026-01-01T00:00:00Z' };
const LOCATION = { id: 'LOC1', type: 'ON_STREET', address: 'Main Street 1', city: 'Utrecht', postal_code: '3511AA', country: 'NLD', coordinates: { latitude: '52.090000', longitude: '5.120000' }, evses: [EVSE], last_updated: '2026-01-01T00:00:00Z' };
const SESSION = { id: 'SES1', start_datetime: '2026-01-01T10:00:00Z', kwh: 1.5, auth_id: 'NL-REM-C1', auth_method: 'WHITELIST', location: LOCATION, currency: 'EUR', charging_periods: [{ start_date_time: '2026-01-01T10:00:00Z', dimensions: [{ type: 'ENERGY', volume: 1.5 }] }], status: 'ACTIVE', last_updated: '2026-01-01T10:05:00Z' };
const AT_LOCATION = { country_code: 'NL', party_id: 'RCP', location_id: 'LOC1' };

describe('the reference eMSP\'s Receivers and real-time authorization in OCPI 2.1.1', () => {
  const party = () => testParty([], 'emsp', [], '2.1.1');

  it('stores a 2.1.1 Location without owner fields and applies an EVSE PATCH without last_updated, updating the Location\'s.', async () => {
    const routes = locationsReceiverRoutes(party(), new EmspStore([]));
    assert.equal((await callRoute(routes, 'PUT', { params: AT_LOCATION, body: LOCATION })).status, 201);
    const patched = await callRoute(routes, 'PATCH', { params: { ...AT_LOCATION, evse_uid: 'EVSE1' }, body: { status: 'CHARGING' } });
    assert.equal(envelopeOf(patched).status_code, 1000);
    const read = envelopeOf(await callRoute(routes, 'GET', { params: AT_LOCATION })).data as { last_updated: string; evses: Array<{ status: string }> };
    assert.equal(read.evses[0]?.status, 'CHARGING');
    assert.ok(read.last_updated > LOCATION.last_updated, read.last_updated);
  });

  it('refuses a 2.1.1 Connector without amperage with 2001.', async () => {
    const routes = locationsReceiverRoutes(party(), new EmspStore([]));
    const { amperage: _dropped, ...connector } = CONNECTOR;
    const response = await callRoute(routes, 'PUT', { params: AT_LOCATION, body: { ...LOCATION, evses: [{ ...EVSE, connectors: [connector] }] } });
    assert.equal(envelopeOf(response).status_code, 2001);
  });

  it('stores a 2.1.1 Session and replaces its charging_periods with those of a PATCH.', async () => {
    const routes = sessionsReceiverRoutes(party(), new EmspStore([]));
    const at = { country_code: 'NL', party_id: 'RCP', session_id: 'SES1' };
    assert.equal((await callRoute(routes, 'PUT', { params: at, body: SESSION })).status, 201);
    const period = { start_date_time: '2026-01-01T10:05:00Z', dimensions: [{ type: 'ENERGY', volume: 2 }] };
    assert.equal(envelopeOf(await callRoute(routes, 'PATCH', { params: at, body: { charging_periods: [period] } })).status_code, 1000);
    assert.deepEqual((envelopeOf(await callRoute(routes, 'GET', { params: at })).data as { charging_periods: unknown[] }).charging_periods, [period]);
  });

  it('takes a 2.1.1 CDR and refuses one without stop_date_time.', async () => {
    const routes = cdrsReceiverRoutes(party(), new EmspStore([]));
    const cdr = { id: 'CDR1', start_date_time: '2026-01-01T10:00:00Z', stop_date_time: '2026-01-01T11:00:00Z', auth_id: 'NL-REM-C1', auth_method: 'WHITELIST', location: LOCATION, currency: 'EUR', charging_periods: SESSION.charging_periods, total_cost: 1.2, total_energy: 1.5, total_time: 1, last_updated: '2026-01-01T11:00:00Z' };
    assert.equal((await callRoute(routes, 'POST', { body: cdr })).status, 201);
    const { stop_date_time: _dropped, ...incomplete } = cdr;
    assert.equal(envelopeOf(await callRoute(routes, 'POST', { body: { ...incomplete, id: 'CDR2' } })).status_code, 2001);
  });

  it('answers real-time authorization with a 2.1.1 AuthorizationInfo, and an unknown token with 404 and status_code 2000.', async () => {
    const tokens = generateTokens({ countryCode: 'NL', partyId: 'REM', now: new Date('2026-05-01T10:00:00Z') });
    const routes = authorizeRoutes(party(), new EmspStore(tokens));
    const token = tokens.find((candidate) => candidate.valid && candidate.type === 'RFID');
    assert.ok(token);
    const answer = envelopeOf(await callRoute(routes, 'POST', { params: { token_uid: token.uid }, body: { location_id: 'LOC1' } })).data;
    assert.deepEqual(schemaRegistry().validate('2.1.1', 'AuthorizationInfo', answer, { check: 'schema' }).filter((f) => f.status === 'fail'), []);
    assert.equal((answer as { token?: unknown }).token, undefined);
    const unknown = await callRoute(routes, 'POST', { params: { token_uid: 'NOPE' } });
    assert.equal(unknown.status, 404);
    assert.equal(envelopeOf(unknown).status_code, 2000);
  });
});
