import assert from 'node:assert/strict';
import { compareByType } from '../../src/checks/compare-by-type.js';

const token = {
  country_code: 'ZZ', party_id: 'OCT', uid: 'OCT123', type: 'RFID', contract_id: 'ZZ-OCT-C1', issuer: 'us',
  valid: true, whitelist: 'ALLOWED', last_updated: '2026-01-01T10:00:00Z',
};
const connector = { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 230, max_amperage: 32, last_updated: '2026-01-01T10:00:00Z' };
const evse = (uid: string) => ({ uid, status: 'AVAILABLE', connectors: [connector], last_updated: '2026-01-01T10:00:00Z' });

describe('comparing OCPI objects by type', () => {
  it('takes one instant written with milliseconds, without Z or with Z as the same DateTime.', () => {
    for (const written of ['2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00', '2026-01-01T10:00:00Z']) {
      assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: token, actual: { ...token, last_updated: written } }), [], written);
    }
  });

  it('reports a DateTime that is another instant, at its JSON Pointer.', () => {
    const diff = compareByType({ version: '2.2.1', object: 'Token', expected: token, actual: { ...token, last_updated: '2026-01-01T10:00:01Z' } });
    assert.deepEqual(diff, [{ path: '/last_updated', kind: 'changed', expected: '2026-01-01T10:00:00Z', actual: '2026-01-01T10:00:01Z' }]);
  });

  it('compares CiStrings without case and plain strings and enums exactly.', () => {
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: token, actual: { ...token, uid: 'oct123', country_code: 'zz' } }), []);
    assert.equal(compareByType({ version: '2.2.1', object: 'Token', expected: token, actual: { ...token, issuer: 'US' } }).length, 1);
    assert.equal(compareByType({ version: '2.2.1', object: 'Token', expected: token, actual: { ...token, whitelist: 'allowed' } }).length, 1);
  });

  it('takes an optional field that is null as one left out, but not a required one.', () => {
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: token, actual: { ...token, visual_number: null, group_id: null } }), []);
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: { ...token, visual_number: null }, actual: token }), []);
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: token, actual: { ...token, issuer: null } }), [{ path: '/issuer', kind: 'changed', expected: 'us', actual: null }]);
  });

  it('takes an empty optional list as one left out.', () => {
    const location = { country_code: 'ZZ', party_id: 'OCT', id: 'L1', publish: true, address: 'a', city: 'c', country: 'NLD', coordinates: { latitude: '52.0', longitude: '4.0' }, time_zone: 'Europe/Amsterdam', last_updated: '2026-01-01T10:00:00Z' };
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Location', expected: location, actual: { ...location, evses: [], facilities: [] } }), []);
  });

  it('reports an optional field that was sent and not read back as missing.', () => {
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: { ...token, visual_number: 'V1' }, actual: token }), [{ path: '/visual_number', kind: 'missing', expected: 'V1' }]);
  });

  it('ignores a field the spec does not define that only the target has, and a default it fills in.', () => {
    const location = { country_code: 'ZZ', party_id: 'OCT', id: 'L1', publish: true, address: 'a', city: 'c', country: 'NLD', coordinates: { latitude: '52.0', longitude: '4.0' }, time_zone: 'Europe/Amsterdam', last_updated: '2026-01-01T10:00:00Z' };
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Location', expected: location, actual: { ...location, x_internal_id: 42, charging_when_closed: true } }), []);
    assert.equal(compareByType({ version: '2.2.1', object: 'Location', expected: location, actual: { ...location, charging_when_closed: false } }).length, 1);
  });

  it('compares a list with a duplicate id item by item, so that the duplicate is not also a difference.', () => {
    const location = (evses: unknown[]) => ({ country_code: 'ZZ', party_id: 'OCT', id: 'L1', publish: true, address: 'a', city: 'c', country: 'NLD', coordinates: { latitude: '52.0', longitude: '4.0' }, time_zone: 'Europe/Amsterdam', evses, last_updated: '2026-01-01T10:00:00Z' });
    const twice = location([evse('E1'), evse('E1')]);
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Location', expected: twice, actual: twice }), []);
    // With unique ids the order does not matter; with a duplicate, the items are compared where they stand.
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Location', expected: location([evse('E1'), evse('E2')]), actual: location([evse('E2'), evse('E1')]) }), []);
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Location', expected: twice, actual: location([evse('E1'), evse('E2')]) }).map((d) => d.path), ['/evses/1/uid']);
  });

  it('matches 2.1.1 EVSEs, whose uid is a plain string, by uid in any order and with its case.', () => {
    const connector211 = { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', voltage: 230, amperage: 16, last_updated: '2026-01-01T10:00:00Z' };
    const evse211 = (uid: string) => ({ uid, status: 'AVAILABLE', connectors: [connector211], last_updated: '2026-01-01T10:00:00Z' });
    const location = { id: 'L1', type: 'ON_STREET', address: 'a', city: 'c', postal_code: 'p', country: 'NLD', coordinates: { latitude: '52.0', longitude: '5.0' }, last_updated: '2026-01-01T10:00:00Z' };
    const sent = { ...location, evses: [evse211('A'), evse211('B')] };
    assert.deepEqual(compareByType({ version: '2.1.1', object: 'Location', expected: sent, actual: { ...location, evses: [evse211('B'), evse211('A')] } }), []);
    const lowered = compareByType({ version: '2.1.1', object: 'Location', expected: sent, actual: { ...location, evses: [evse211('a'), evse211('B')] } });
    assert.deepEqual(lowered.map((d) => [d.path, d.kind]), [['/evses/0', 'missing'], ['/evses/0', 'unexpected']]);
  });

  it('matches EVSEs by uid in any order, and reports one that is gone.', () => {
    const location = { country_code: 'ZZ', party_id: 'OCT', id: 'L1', publish: true, address: 'a', city: 'c', country: 'NLD', coordinates: { latitude: '52.0', longitude: '4.0' }, time_zone: 'Europe/Amsterdam', last_updated: '2026-01-01T10:00:00Z' };
    const sent = { ...location, evses: [evse('E1'), evse('E2')] };
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Location', expected: sent, actual: { ...location, evses: [evse('e2'), evse('E1')] } }), []);
    const diff = compareByType({ version: '2.2.1', object: 'Location', expected: sent, actual: { ...location, evses: [evse('E1')] } });
    assert.deepEqual(diff.map((d) => [d.path, d.kind]), [['/evses/1', 'missing']]);
  });

  it('compares numbers by value, so 5 and 5.0 are one number.', () => {
    const location = { country_code: 'ZZ', party_id: 'OCT', id: 'L1', publish: true, address: 'a', city: 'c', country: 'NLD', coordinates: { latitude: '52.0', longitude: '4.0' }, time_zone: 'Europe/Amsterdam', last_updated: '2026-01-01T10:00:00Z' };
    const sent = { ...location, evses: [{ ...evse('E1'), connectors: [{ ...connector, max_electric_power: 22000 }] }] };
    const back = JSON.parse(JSON.stringify(sent).replace('22000', '22000.0')) as unknown;
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Location', expected: sent, actual: back }), []);
  });

  it('in "has" mode compares only the fields the expected value carries, as a PATCH sets them.', () => {
    const patch = { valid: false, last_updated: '2026-01-01T11:00:00Z' };
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: patch, actual: { ...token, valid: false, last_updated: '2026-01-01T11:00:00.000Z' }, mode: 'has' }), []);
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: patch, actual: { ...token, last_updated: '2026-01-01T11:00:00Z' }, mode: 'has' }).map((d) => d.path), ['/valid']);
  });

  it('in "patched" mode wants the object PUT with the PATCH applied, so a field the PATCH left out that went missing shows.', () => {
    const patch = { valid: false, last_updated: '2026-01-01T11:00:00Z' };
    const put = { ...token, visual_number: 'OCT 123' };
    const applied = { ...put, ...patch };
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: put, actual: applied, mode: 'patched', patch }), []);
    const { visual_number: _dropped, ...dropped } = applied;
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: put, actual: dropped, mode: 'patched', patch }), [{ path: '/visual_number', kind: 'missing', expected: 'OCT 123' }]);
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Token', expected: put, actual: { ...put, last_updated: patch.last_updated }, mode: 'patched', patch }).map((d) => d.path), ['/valid']);
  });

  it('in "patched" mode adds a Session PATCH\'s charging_periods to the ones PUT instead of replacing them.', () => {
    const period = (at: string) => ({ start_date_time: at, dimensions: [{ type: 'ENERGY', volume: 1 }] });
    const put = { charging_periods: [period('2026-01-01T10:00:00Z')], kwh: 1 };
    const patch = { charging_periods: [period('2026-01-01T10:01:00Z')], kwh: 2 };
    const both = { charging_periods: [...put.charging_periods, ...patch.charging_periods], kwh: 2 };
    assert.deepEqual(compareByType({ version: '2.2.1', object: 'Session', expected: put, actual: both, mode: 'patched', patch }), []);
    const replaced = compareByType({ version: '2.2.1', object: 'Session', expected: put, actual: { ...both, charging_periods: patch.charging_periods }, mode: 'patched', patch });
    assert.ok(replaced.every((d) => d.path.startsWith('/charging_periods')) && replaced.length > 0, JSON.stringify(replaced));
  });
});
