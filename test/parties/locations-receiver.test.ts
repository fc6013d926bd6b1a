import assert from 'node:assert/strict';
import { EmspStore } from '../../src/parties/emsp-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { locationsReceiverRoutes } from '../../src/parties/locations-receiver.js';
import type { ServerResponseSpec } from '../../src/server/ocpi-server.js';
import { STAMP, testLocation, testParty } from '../helpers/test-party.js';
import { envelopeOf, serverRequest } from '../helpers/server-request.js';

const LATER = '2026-01-02T00:00:00Z';
const CONNECTOR = { ...testLocation('AVAILABLE').evses?.[0]?.connectors[0], max_electric_power: 11_000 };
const EVSE = { ...testLocation('AVAILABLE').evses?.[0], connectors: [CONNECTOR, { ...CONNECTOR, id: '2', standard: 'CHADEMO' }] };
const LOCATION: Record<string, unknown> = { ...testLocation('AVAILABLE'), name: 'Station 1', evses: [EVSE, { ...EVSE, uid: 'EVSE2' }] };

const AT_LOCATION = { country_code: 'NL', party_id: 'RCP', location_id: 'LOC1' };
const AT_EVSE = { ...AT_LOCATION, evse_uid: 'EVSE1' };
const AT_CONNECTOR = { ...AT_EVSE, connector_id: '1' };
type Address = Readonly<Record<string, string>>;

const stored = (response: ServerResponseSpec): Record<string, unknown> | undefined => envelopeOf(response).data;
const lastUpdatedOf = (response: ServerResponseSpec): unknown => stored(response)?.['last_updated'];

function assertStatus(response: ServerResponseSpec, status: number, statusCode: number): void {
  assert.equal(response.status, status);
  assert.equal(envelopeOf(response).status_code, statusCode);
}

describe('the locations receiver of the reference eMSP', () => {
  let store: EmspStore;
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = []): void => {
    store = new EmspStore([]);
    routes = locationsReceiverRoutes(testParty(faults, 'emsp'), store);
  };
  // Each level has its own path; the URL parameters say which one a request is for.
  const call = async (method: ModuleRoute['method'], params: Address, body?: unknown): Promise<ServerResponseSpec> => {
    const route = routes.find((r) => r.method === method && r.path.split('/').filter(Boolean).length === Object.keys(params).length);
    if (!route) throw new Error(`no ${method} route for ${Object.keys(params).join('/')}`);
    return route.handler(serverRequest({ method, params, ...(body === undefined ? {} : { body }) }));
  };
  const put = (params: Address, body: unknown) => call('PUT', params, body);
  const patch = (params: Address, body: unknown) => call('PATCH', params, body);
  const get = (params: Address) => call('GET', params);
  beforeEach(() => start());

  it('serves GET, PUT and PATCH at the Location, EVSE and Connector levels.', () => {
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), [
      'GET /:country_code/:party_id/:location_id', 'GET /:country_code/:party_id/:location_id/:evse_uid', 'GET /:country_code/:party_id/:location_id/:evse_uid/:connector_id',
      'PATCH /:country_code/:party_id/:location_id', 'PATCH /:country_code/:party_id/:location_id/:evse_uid', 'PATCH /:country_code/:party_id/:location_id/:evse_uid/:connector_id',
      'PUT /:country_code/:party_id/:location_id', 'PUT /:country_code/:party_id/:location_id/:evse_uid', 'PUT /:country_code/:party_id/:location_id/:evse_uid/:connector_id',
    ]);
  });

  it('stores a new Location with 201, replaces it with 200, and returns it and its parts on GET.', async () => {
    assertStatus(await put(AT_LOCATION, LOCATION), 201, 1000);
    assertStatus(await put(AT_LOCATION, { ...LOCATION, name: 'Station 2' }), 200, 1000);
    assert.deepEqual(stored(await get(AT_LOCATION)), { ...LOCATION, name: 'Station 2' });
    assert.deepEqual(stored(await get(AT_EVSE)), EVSE);
    assert.deepEqual(stored(await get(AT_CONNECTOR)), CONNECTOR);
    assert.ok(store.locations.has(EmspStore.key('NL', 'RCP', 'LOC1')));
  });

  it('finds the Location, EVSE and Connector whatever the case of their ids in the URL.', async () => {
    await put(AT_LOCATION, LOCATION);
    assert.deepEqual(stored(await get({ country_code: 'nl', party_id: 'rcp', location_id: 'loc1', evse_uid: 'evse1' })), EVSE);
  });

  it('answers GET of an unknown Location, EVSE or Connector with HTTP 404 and status_code 2003.', async () => {
    assertStatus(await get(AT_LOCATION), 404, 2003);
    await put(AT_LOCATION, LOCATION);
    assertStatus(await get({ ...AT_EVSE, evse_uid: 'NONE' }), 404, 2003);
    assertStatus(await get({ ...AT_CONNECTOR, connector_id: '9' }), 404, 2003);
  });

  it('accepts a Location whose country_code, party_id and id differ from the URL only in case.', async () => {
    assertStatus(await put(AT_LOCATION, { ...LOCATION, country_code: 'nl', party_id: 'rcp', id: 'loc1' }), 201, 1000);
  });

  for (const [field, value] of [['country_code', 'DE'], ['party_id', 'XYZ'], ['id', 'LOC2']] as const) {
    it(`refuses with 2001 a Location whose ${field} differs from the URL, and stores nothing.`, async () => {
      assertStatus(await put(AT_LOCATION, { ...LOCATION, [field]: value }), 200, 2001);
      assert.equal(store.locations.size, 0);
    });
  }

  it('refuses with 2001 a PUT lacking a required field, in the Location or nested in it, naming it.', async () => {
    const { city: _city, ...withoutCity } = LOCATION;
    assert.match(envelopeOf(await put(AT_LOCATION, withoutCity)).status_message ?? '', /city/);
    const { max_voltage: _voltage, ...withoutVoltage } = CONNECTOR;
    const response = await put(AT_LOCATION, { ...LOCATION, evses: [{ ...EVSE, connectors: [withoutVoltage] }] });
    assertStatus(response, 200, 2001);
    assert.match(envelopeOf(response).status_message ?? '', /evses\[0\]\.connectors\[0\]\.max_voltage/);
    assertStatus(await put(AT_EVSE, { ...EVSE, connectors: [] }), 200, 2001);
    assert.equal(store.locations.size, 0);
  });

  it('refuses with 2001 a PUT whose body is not an object or whose last_updated is not a DateTime.', async () => {
    assertStatus(await put(AT_LOCATION, [LOCATION]), 200, 2001);
    assertStatus(await put(AT_LOCATION, { ...LOCATION, last_updated: 'yesterday' }), 200, 2001);
  });

  it('replaces an EVSE PUT on its own inside its Location, adds a new one, and gives the Location its last_updated.', async () => {
    await put(AT_LOCATION, LOCATION);
    const replaced = { ...EVSE, status: 'CHARGING', last_updated: LATER };
    assertStatus(await put(AT_EVSE, replaced), 200, 1000);
    assert.deepEqual(stored(await get(AT_EVSE)), replaced);
    assert.equal(lastUpdatedOf(await get(AT_LOCATION)), LATER);
    assertStatus(await put({ ...AT_EVSE, evse_uid: 'EVSE3' }, { ...EVSE, uid: 'EVSE3' }), 201, 1000);
    assert.equal((stored(await get(AT_LOCATION))?.['evses'] as unknown[]).length, 3);
  });

  it('replaces a Connector PUT on its own and gives its EVSE and Location its last_updated.', async () => {
    await put(AT_LOCATION, LOCATION);
    const replaced = { ...CONNECTOR, max_amperage: 32, last_updated: LATER };
    assertStatus(await put(AT_CONNECTOR, replaced), 200, 1000);
    assert.deepEqual(stored(await get(AT_CONNECTOR)), replaced);
    assert.equal(lastUpdatedOf(await get(AT_EVSE)), LATER);
    assert.equal(lastUpdatedOf(await get(AT_LOCATION)), LATER);
    assert.equal(lastUpdatedOf(await get({ ...AT_EVSE, evse_uid: 'EVSE2' })), STAMP);
  });

  it('refuses with 2001 an EVSE or Connector whose uid or id differs from the URL.', async () => {
    await put(AT_LOCATION, LOCATION);
    assertStatus(await put(AT_EVSE, { ...EVSE, uid: 'EVSE2' }), 200, 2001);
    assertStatus(await put(AT_CONNECTOR, { ...CONNECTOR, id: '2' }), 200, 2001);
    assert.deepEqual(stored(await get(AT_LOCATION)), LOCATION);
  });

  it('answers a PUT of an EVSE or Connector of an unknown parent with HTTP 404 and status_code 2003.', async () => {
    assertStatus(await put(AT_EVSE, EVSE), 404, 2003);
    await put(AT_LOCATION, LOCATION);
    assertStatus(await put({ ...AT_CONNECTOR, evse_uid: 'NONE' }, CONNECTOR), 404, 2003);
  });

  it('merges a Location PATCH into the stored Location.', async () => {
    await put(AT_LOCATION, LOCATION);
    assertStatus(await patch(AT_LOCATION, { name: 'Renamed', last_updated: LATER }), 200, 1000);
    assert.deepEqual(stored(await get(AT_LOCATION)), { ...LOCATION, name: 'Renamed', last_updated: LATER });
  });

  it('merges an EVSE PATCH and gives the Location its last_updated.', async () => {
    await put(AT_LOCATION, LOCATION);
    assertStatus(await patch(AT_EVSE, { status: 'CHARGING', last_updated: LATER }), 200, 1000);
    assert.deepEqual(stored(await get(AT_EVSE)), { ...EVSE, status: 'CHARGING', last_updated: LATER });
    assert.equal(lastUpdatedOf(await get(AT_LOCATION)), LATER);
  });

  it('merges a Connector PATCH and gives its EVSE and Location its last_updated.', async () => {
    await put(AT_LOCATION, LOCATION);
    assertStatus(await patch(AT_CONNECTOR, { max_amperage: 32, last_updated: LATER }), 200, 1000);
    assert.deepEqual(stored(await get(AT_CONNECTOR)), { ...CONNECTOR, max_amperage: 32, last_updated: LATER });
    assert.equal(lastUpdatedOf(await get(AT_EVSE)), LATER);
    assert.equal(lastUpdatedOf(await get(AT_LOCATION)), LATER);
  });

  it('keeps an EVSE patched to REMOVED, with that status.', async () => {
    await put(AT_LOCATION, LOCATION);
    await patch(AT_EVSE, { status: 'REMOVED', last_updated: LATER });
    const read = await get(AT_EVSE);
    assertStatus(read, 200, 1000);
    assert.equal(stored(read)?.['status'], 'REMOVED');
  });

  for (const [level, params] of [['a Location', AT_LOCATION], ['an EVSE', AT_EVSE], ['a Connector', AT_CONNECTOR]] as const) {
    it(`refuses with 2001 ${level} PATCH without last_updated and changes nothing.`, async () => {
      await put(AT_LOCATION, LOCATION);
      const response = await patch(params, { physical_reference: 'X' });
      assertStatus(response, 200, 2001);
      assert.equal(envelopeOf(response).status_message, 'PATCH must contain last_updated');
      assert.deepEqual(stored(await get(AT_LOCATION)), LOCATION);
    });
  }

  it('refuses with 2001 a PATCH that changes an id or holds an incomplete EVSE.', async () => {
    await put(AT_LOCATION, LOCATION);
    assertStatus(await patch(AT_LOCATION, { id: 'LOC2', last_updated: LATER }), 200, 2001);
    assertStatus(await patch(AT_EVSE, { uid: 'EVSE2', last_updated: LATER }), 200, 2001);
    assertStatus(await patch(AT_LOCATION, { evses: [{ uid: 'EVSE1', status: 'CHARGING' }], last_updated: LATER }), 200, 2001);
    assert.deepEqual(stored(await get(AT_LOCATION)), LOCATION);
  });

  it('answers a PATCH of an unknown Location, EVSE or Connector with HTTP 404 and status_code 2003.', async () => {
    assertStatus(await patch(AT_LOCATION, { name: 'Renamed', last_updated: LATER }), 404, 2003);
    await put(AT_LOCATION, LOCATION);
    assertStatus(await patch({ ...AT_EVSE, evse_uid: 'NONE' }, { status: 'CHARGING', last_updated: LATER }), 404, 2003);
    assertStatus(await patch({ ...AT_CONNECTOR, connector_id: '9' }, { max_amperage: 32, last_updated: LATER }), 404, 2003);
  });

  describe('with faults', () => {
    it('location-put-drops-field stores the Location without the max_electric_power of its connectors.', async () => {
      start(['location-put-drops-field']);
      await put(AT_LOCATION, LOCATION);
      assert.equal(stored(await get(AT_CONNECTOR))?.['max_electric_power'], undefined);
      assert.deepEqual(stored(await get(AT_LOCATION))?.['name'], 'Station 1');
    });

    it('location-patch-ignored answers a Location PATCH with 1000 but keeps the Location unchanged.', async () => {
      start(['location-patch-ignored']);
      await put(AT_LOCATION, LOCATION);
      assertStatus(await patch(AT_LOCATION, { name: 'Renamed', last_updated: LATER }), 200, 1000);
      assert.deepEqual(stored(await get(AT_LOCATION)), LOCATION);
    });

    it('evse-patch-keeps-location-last-updated applies an EVSE PATCH but leaves the Location\'s last_updated.', async () => {
      start(['evse-patch-keeps-location-last-updated']);
      await put(AT_LOCATION, LOCATION);
      await patch(AT_EVSE, { status: 'CHARGING', last_updated: LATER });
      assert.equal(stored(await get(AT_EVSE))?.['status'], 'CHARGING');
      assert.equal(lastUpdatedOf(await get(AT_LOCATION)), STAMP);
    });

    it('connector-patch-ignored answers a Connector PATCH with 1000 but keeps the Connector unchanged.', async () => {
      start(['connector-patch-ignored']);
      await put(AT_LOCATION, LOCATION);
      assertStatus(await patch(AT_CONNECTOR, { max_amperage: 32, last_updated: LATER }), 200, 1000);
      assert.deepEqual(stored(await get(AT_CONNECTOR)), CONNECTOR);
    });

    it('location-patch-without-last-updated-accepted applies a Location PATCH without last_updated.', async () => {
      start(['location-patch-without-last-updated-accepted']);
      await put(AT_LOCATION, LOCATION);
      assertStatus(await patch(AT_LOCATION, { name: 'Renamed' }), 200, 1000);
      assert.equal(stored(await get(AT_LOCATION))?.['name'], 'Renamed');
    });

    it('location-url-body-mismatch-accepted stores a Location pushed to another Location\'s URL.', async () => {
      start(['location-url-body-mismatch-accepted']);
      assertStatus(await put(AT_LOCATION, { ...LOCATION, id: 'LOC2' }), 201, 1000);
      assert.equal(stored(await get(AT_LOCATION))?.['id'], 'LOC2');
    });

    it('removed-evse-deleted deletes an EVSE patched to REMOVED.', async () => {
      start(['removed-evse-deleted']);
      await put(AT_LOCATION, LOCATION);
      assertStatus(await patch(AT_EVSE, { status: 'REMOVED', last_updated: LATER }), 200, 1000);
      assertStatus(await get(AT_EVSE), 404, 2003);
      assert.equal((stored(await get(AT_LOCATION))?.['evses'] as unknown[]).length, 1);
    });
  });
});
