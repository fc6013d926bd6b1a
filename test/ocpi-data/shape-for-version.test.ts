import assert from 'node:assert/strict';
import { generateCpoData } from '../../src/ocpi-data/generate-cpo-data.js';
import { generateTokens } from '../../src/ocpi-data/generate-tokens.js';
import { shapeForVersion } from '../../src/ocpi-data/shape-for-version.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';

describe('shapeForVersion', () => {
  const data = generateCpoData({ countryCode: 'NL', partyId: 'RCP', now: new Date('2026-06-01T00:00:00Z') });

  it('leaves 2.2.1 objects as they are, the very same objects', () => {
    for (const cdr of data.cdrs) assert.equal(shapeForVersion('2.2.1', 'cdrs', cdr), cdr);
  });

  it('writes the generated Tariffs, Sessions and CDRs as valid 2.3.0 objects, which they are not unmapped', () => {
    const lists = [['tariffs', 'Tariff', data.tariffs], ['sessions', 'Session', data.sessions], ['cdrs', 'CDR', data.cdrs]] as const;
    for (const [module, name, items] of lists) {
      assert.ok(items.length > 5);
      assert.ok(items.some((item) => schemaRegistry().validate('2.3.0', name, item).some((f) => f.status === 'fail')), `${name} as generated already valid in 2.3.0`);
      for (const item of items) assert.deepEqual(schemaRegistry().validate('2.3.0', name, shapeForVersion('2.3.0', module, item)).filter((f) => f.status === 'fail'), []);
    }
  });

  it('moves the VAT of a Price into one TaxAmount and keeps the amount before taxes', () => {
    const cdr = data.cdrs.find((c) => c.total_cost.incl_vat !== undefined);
    assert.ok(cdr);
    const shaped = shapeForVersion('2.3.0', 'cdrs', cdr) as unknown as { total_cost: { before_taxes: number; taxes: Array<{ name: string; amount: number }> } };
    assert.equal(shaped.total_cost.before_taxes, cdr.total_cost.excl_vat);
    assert.equal(shaped.total_cost.taxes[0]?.name, 'VAT');
    assert.ok(Math.abs((shaped.total_cost.taxes[0]?.amount ?? 0) - ((cdr.total_cost.incl_vat ?? 0) - cdr.total_cost.excl_vat)) < 1e-9);
  });

});

describe('shapeForVersion in 2.1.1', () => {
  const data = generateCpoData({ countryCode: 'NL', partyId: 'RCP', now: new Date('2026-06-01T00:00:00Z'), locations: 40, sessions: 60 });
  const tokens = generateTokens({ countryCode: 'NL', partyId: 'REM', now: new Date('2026-06-01T00:00:00Z'), count: 40 });
  const context = { location: (id: string) => data.locations.find((location) => location.id === id) };
  const lists = [['locations', 'Location', data.locations], ['tariffs', 'Tariff', data.tariffs], ['sessions', 'Session', data.sessions], ['cdrs', 'CDR', data.cdrs], ['tokens', 'Token', tokens]] as const;
  const failures = (name: string, object: unknown) => schemaRegistry().validate('2.1.1', name, object).filter((f) => f.status === 'fail');

  it('writes every generated Location, Tariff, Session, CDR and Token as a valid 2.1.1 object, which none is unmapped', () => {
    for (const [module, name, items] of lists) {
      assert.ok(items.length > 5, `${name}: too few generated`);
      assert.ok(items.every((item) => failures(name, item).length > 0), `${name} as generated already valid in 2.1.1`);
      for (const item of items) assert.deepEqual(failures(name, shapeForVersion('2.1.1', module, item, context)), [], `${name} ${JSON.stringify(shapeForVersion('2.1.1', module, item, context))}`);
    }
  });

  it('gives no object owner fields, as 2.1.1 objects have none', () => {
    for (const [module, , items] of lists) {
      for (const item of items) {
        const shaped = shapeForVersion('2.1.1', module, item, context);
        assert.ok(!('country_code' in shaped) && !('party_id' in shaped), `${module}: owner fields kept`);
      }
    }
  });

  it('embeds in a Session the Location it took place at, with its one EVSE and Connector, and its cost as a number', () => {
    const session = data.sessions.find((s) => s.total_cost !== undefined);
    assert.ok(session);
    const shaped = shapeForVersion('2.1.1', 'sessions', session, context) as unknown as { auth_id: string; total_cost: number; location: { id: string; evses: Array<{ uid: string; connectors: Array<{ id: string }> }> } };
    assert.equal(shaped.auth_id, session.cdr_token.contract_id);
    assert.equal(shaped.total_cost, session.total_cost?.excl_vat);
    assert.equal(shaped.location.id, session.location_id);
    assert.deepEqual(shaped.location.evses.map((evse) => [evse.uid, evse.connectors.map((c) => c.id)]), [[session.evse_uid, [session.connector_id]]]);
  });

  it('refuses to shape a 2.1.1 Session without a way to find its Location, naming it', () => {
    const session = data.sessions[0];
    assert.ok(session);
    assert.throws(() => shapeForVersion('2.1.1', 'sessions', session), new RegExp(`Location ${session.location_id}`));
  });

  it('shapes a Session again when its Location was replaced, and every other object once', () => {
    const session = data.sessions[0];
    const tariff = data.tariffs[0];
    assert.ok(session && tariff);
    const first = shapeForVersion('2.1.1', 'sessions', session, context);
    assert.equal(shapeForVersion('2.1.1', 'sessions', session, context), first);
    const moved = context.location(session.location_id);
    assert.ok(moved);
    const replaced = { ...moved, name: 'Renamed' };
    const second = shapeForVersion('2.1.1', 'sessions', session, { location: () => replaced }) as unknown as { location: { name: string } };
    assert.equal(second.location.name, 'Renamed');
    assert.equal(shapeForVersion('2.1.1', 'tariffs', tariff), shapeForVersion('2.1.1', 'tariffs', tariff));
  });
});

describe('shapeForVersion, asked again', () => {
  it('shapes an object once per version and gives the same 2.3.0 object back each time the list is served.', () => {
    const tariff = generateCpoData({ countryCode: 'NL', partyId: 'ABC', seed: 7, locations: 1, tariffs: 1, sessions: 1 }).tariffs[0];
    if (!tariff) throw new Error('no tariff generated');
    const first = shapeForVersion('2.3.0', 'tariffs', tariff);
    assert.notEqual(first, tariff);
    assert.equal(shapeForVersion('2.3.0', 'tariffs', tariff), first);
    assert.equal(shapeForVersion('2.2.1', 'tariffs', tariff), tariff);
  });
});
