import assert from 'node:assert/strict';
import { generateCpoData } from '../../src/ocpi-data/generate-cpo-data.js';
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

  it('has no 2.1.1 objects yet and says so', () => {
    assert.throws(() => shapeForVersion('2.1.1', 'tariffs', data.tariffs[0] as never), /2\.1\.1/);
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
