import assert from 'node:assert/strict';
import { generatePayments, type PaymentObject } from '../../src/ocpi-data/generate-payments.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';

const NOW = new Date('2026-05-01T10:00:00.500Z');
const PARTY = { countryCode: 'NL', partyId: 'RPT', now: NOW } as const;

// The objects that fail their 2.3.0 schema, each with its failing findings, so that an assertion shows them.
function invalid(object: 'Terminal' | 'FinancialAdviceConfirmation', items: readonly PaymentObject[]): string[] {
  return items.flatMap((item) => {
    const failures = schemaRegistry().validate('2.3.0', object, item, { check: 'schema' }).filter((finding) => finding.status === 'fail');
    return failures.length === 0 ? [] : [`${object} ${JSON.stringify(item)}: ${failures.map((finding) => `${finding.at ?? ''} ${finding.message}`).join('; ')}`];
  });
}

const ascending = (items: readonly PaymentObject[]): boolean => items.every((item, index) => index === 0 || Date.parse(item.last_updated) > Date.parse((items[index - 1] as PaymentObject).last_updated));

describe('generatePayments', () => {
  it('makes 12 Terminals and 12 confirmations by default, and as many as asked for.', () => {
    const data = generatePayments(PARTY);
    assert.equal(data.terminals.length, 12);
    assert.equal(data.confirmations.length, 12);
    assert.equal(generatePayments({ ...PARTY, count: 0 }).terminals.length, 0);
    assert.throws(() => generatePayments({ ...PARTY, count: -1 }), RangeError);
  });

  it('makes every Terminal and confirmation valid against its OCPI 2.3.0 schema, for several seeds and a large count.', () => {
    for (const seed of [1, 2, 3]) {
      const data = generatePayments({ ...PARTY, seed, count: 60 });
      assert.deepEqual(invalid('Terminal', data.terminals), []);
      assert.deepEqual(invalid('FinancialAdviceConfirmation', data.confirmations), []);
    }
  });

  it('orders each list by strictly increasing last_updated, all before now, with unique ids.', () => {
    const data = generatePayments(PARTY);
    assert.ok(ascending(data.terminals) && ascending(data.confirmations));
    assert.ok(Date.parse((data.terminals.at(-1) as PaymentObject).last_updated) < NOW.getTime());
    assert.equal(new Set(data.terminals.map((t) => t['terminal_id'])).size, 12);
    assert.equal(new Set(data.confirmations.map((c) => c['id'])).size, 12);
  });

  it('gives the same data for the same seed and moment.', () => {
    assert.deepEqual(generatePayments(PARTY), generatePayments(PARTY));
  });
});
