import assert from 'node:assert/strict';
import { generateCpoData } from '../../src/ocpi-data/generate-cpo-data.js';
import type { CpoData } from '../../src/ocpi-data/ocpi-objects.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';

const NOW = new Date('2026-05-01T10:00:00.500Z');
const PARTY = { countryCode: 'NL', partyId: 'RCP', now: NOW } as const;
const SCHEMAS = [['locations', 'Location'], ['tariffs', 'Tariff'], ['sessions', 'Session'], ['cdrs', 'CDR']] as const;

// The ids of the objects that fail their schema, each with the failing findings, so that an assertion shows them.
function invalidObjects(data: CpoData): string[] {
  const registry = schemaRegistry();
  return SCHEMAS.flatMap(([list, schema]) =>
    data[list].flatMap((object) => {
      const failures = registry.validate('2.2.1', schema, object, { check: 'schema' }).filter((finding) => finding.status === 'fail');
      return failures.length === 0 ? [] : [`${schema} ${object.id}: ${failures.map((finding) => `${finding.at ?? ''} ${finding.message}`).join('; ')}`];
    }),
  );
}

function seconds(dateTime: string): number {
  return Date.parse(dateTime) / 1000;
}

describe('generateCpoData', () => {
  const data = generateCpoData(PARTY);

  it('makes 12 locations, 6 tariffs and 30 sessions by default, with a CDR for each completed session', () => {
    assert.equal(data.locations.length, 12);
    assert.equal(data.tariffs.length, 6);
    assert.equal(data.sessions.length, 30);
    assert.equal(data.cdrs.length, data.sessions.filter((session) => session.status === 'COMPLETED').length);
  });

  it('makes every Location, Tariff, Session and CDR of the default data set valid against the 2.2.1 schemas', () => {
    assert.deepEqual(invalidObjects(data), []);
  });

  it('makes 1,000 valid locations with 1,000 distinct ids when asked for 1,000', () => {
    const big = generateCpoData({ ...PARTY, locations: 1_000, seed: 7 });
    assert.deepEqual(invalidObjects({ ...big, tariffs: [], sessions: [], cdrs: [] }), []);
    assert.equal(new Set(big.locations.map((location) => location.id)).size, 1_000);
  });

  it('gives deep-equal data for the same seed and different data for another seed', () => {
    assert.deepEqual(generateCpoData({ ...PARTY, seed: 42 }), generateCpoData({ ...PARTY, seed: 42 }));
    assert.deepEqual(generateCpoData(PARTY), data);
    assert.notDeepEqual(generateCpoData({ ...PARTY, seed: 2 }), data);
  });

  it('stamps each list with strictly increasing whole-second last_updated values before now', () => {
    for (const [list] of SCHEMAS) {
      const stamps = data[list].map((object) => object.last_updated);
      stamps.forEach((stamp) => assert.match(stamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, `${list}: ${stamp}`));
      stamps.forEach((stamp, i) => assert.ok(i === 0 || seconds(stamp) > seconds(stamps[i - 1] as string), `${list}[${i}] ${stamp} is not after ${stamps[i - 1]}`));
      assert.ok(seconds(stamps.at(-1) as string) < NOW.getTime() / 1000, `${list} ends at ${stamps.at(-1)}, not before now`);
      assert.ok(seconds(stamps[0] as string) >= NOW.getTime() / 1000 - 180 * 86_400, `${list} starts at ${stamps[0]}, more than 180 days before now`);
    }
  });

  it('stamps every EVSE no later than its location and every connector no later than its EVSE', () => {
    for (const location of data.locations) {
      for (const evse of location.evses ?? []) {
        assert.ok(evse.last_updated <= location.last_updated, `${evse.uid} ${evse.last_updated} is after ${location.last_updated}`);
        for (const connector of evse.connectors) assert.ok(connector.last_updated <= evse.last_updated, `${evse.uid}/${connector.id} is after its EVSE`);
      }
    }
  });

  it('starts every session and CDR before it ends', () => {
    for (const object of [...data.sessions, ...data.cdrs]) {
      if (object.end_date_time !== undefined) assert.ok(seconds(object.start_date_time) < seconds(object.end_date_time), object.id);
    }
  });

  it('uses the country code and party id of the options on every object', () => {
    const other = generateCpoData({ ...PARTY, countryCode: 'BE', partyId: 'X1Z' });
    for (const [list] of SCHEMAS) for (const object of other[list]) assert.deepEqual([object.country_code, object.party_id], ['BE', 'X1Z'], object.id);
    assert.equal(other.locations[0]?.evses?.[0]?.evse_id, 'BE*X1Z*E0001*1');
  });

  it('refers every session to an existing location, EVSE and connector', () => {
    const connectors = new Set(data.locations.flatMap((location) => (location.evses ?? []).flatMap((evse) => evse.connectors.map((connector) => `${location.id}/${evse.uid}/${connector.id}`))));
    for (const session of data.sessions) assert.ok(connectors.has(`${session.location_id}/${session.evse_uid}/${session.connector_id}`), session.id);
  });

  it('refers every connector to generated tariffs and every CDR to a completed session with the same energy and cost', () => {
    const tariffIds = new Set(data.tariffs.map((tariff) => tariff.id));
    const connectorTariffs = data.locations.flatMap((location) => (location.evses ?? []).flatMap((evse) => evse.connectors.flatMap((connector) => connector.tariff_ids ?? [])));
    assert.deepEqual(connectorTariffs.filter((id) => !tariffIds.has(id)), []);
    const sessions = new Map(data.sessions.map((session) => [session.id, session]));
    for (const cdr of data.cdrs) {
      const session = sessions.get(cdr.session_id ?? '');
      assert.ok(session, `${cdr.id} refers to ${cdr.session_id}, which does not exist`);
      assert.equal(session.status, 'COMPLETED', `${cdr.id} refers to ${cdr.session_id}`);
      assert.equal(cdr.total_energy, session.kwh, cdr.id);
      assert.deepEqual(cdr.total_cost, session.total_cost, cdr.id);
      assert.ok(cdr.last_updated > (session.end_date_time ?? ''), `${cdr.id} was created before its session ended`);
    }
  });

  it('leaves a few sessions active and one invalid, the rest completed', () => {
    const statuses = data.sessions.map((session) => session.status);
    assert.equal(statuses.filter((status) => status === 'INVALID').length, 1);
    assert.ok(statuses.filter((status) => status === 'ACTIVE').length >= 1);
    assert.ok(statuses.filter((status) => status === 'COMPLETED').length > statuses.length / 2);
  });

  it('makes the first EVSE of the first location available for remote commands', () => {
    const evse = data.locations[0]?.evses?.[0];
    assert.ok(evse);
    assert.equal(evse.status, 'AVAILABLE');
    for (const capability of ['REMOTE_START_STOP_CAPABLE', 'RESERVABLE', 'UNLOCK_CAPABLE', 'CHARGING_PROFILE_CAPABLE']) assert.ok(evse.capabilities?.includes(capability), capability);
    assert.ok(evse.connectors.length >= 1);
  });

  it('generates 10,000 locations in well under two seconds', () => {
    const started = performance.now();
    const big = generateCpoData({ ...PARTY, locations: 10_000 });
    assert.equal(big.locations.at(-1)?.id, 'LOC10000');
    assert.ok(performance.now() - started < 2_000, `took ${Math.round(performance.now() - started)} ms`);
  });

  it('refuses a malformed country code or party id with a RangeError', () => {
    assert.throws(() => generateCpoData({ ...PARTY, countryCode: 'nl' }), RangeError);
    assert.throws(() => generateCpoData({ ...PARTY, partyId: 'TOOLONG' }), RangeError);
  });
});
