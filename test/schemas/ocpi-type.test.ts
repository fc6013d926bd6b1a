import assert from 'node:assert/strict';
import { ocpiType, type OcpiType } from '../../src/schemas/ocpi-type.js';

const fieldsOf = (type: OcpiType): ReadonlyMap<string, { type: OcpiType; required: boolean; default?: unknown }> => {
  if (type.kind !== 'object') throw new Error(`not an object: ${type.kind}`);
  return type.fields;
};

describe('the OCPI type of an object, read from its schema', () => {
  it('knows DateTimes, CiStrings and required fields through the $defs/fields indirection of Location.', () => {
    const location = fieldsOf(ocpiType('2.2.1', 'Location'));
    assert.equal(location.get('last_updated')?.type.kind, 'datetime');
    assert.equal(location.get('id')?.type.kind, 'cistring');
    assert.equal(location.get('id')?.required, true);
    assert.equal(location.get('name')?.required, false);
    assert.equal(location.get('charging_when_closed')?.default, true);
  });

  it('follows lists into their items: the EVSEs of a Location and their Connectors.', () => {
    const evses = fieldsOf(ocpiType('2.2.1', 'Location')).get('evses')?.type;
    assert.equal(evses?.kind, 'array');
    const evse = evses?.kind === 'array' ? fieldsOf(evses.items) : new Map();
    assert.equal(evse.get('uid')?.required, true);
    const connectors = evse.get('connectors')?.type;
    assert.equal(connectors?.kind === 'array' ? fieldsOf(connectors.items).get('max_electric_power')?.type.kind : undefined, 'number');
  });

  it('makes every field of a Patch optional except last_updated, which it requires.', () => {
    const patch = fieldsOf(ocpiType('2.2.1', 'LocationPatch'));
    assert.equal(patch.get('address')?.required, false);
    assert.equal(patch.get('last_updated')?.required, true);
  });

  it('reads 2.1.1 and 2.3.0 schemas as well.', () => {
    assert.equal(fieldsOf(ocpiType('2.1.1', 'Location')).get('last_updated')?.type.kind, 'datetime');
    assert.equal(fieldsOf(ocpiType('2.3.0', 'Token')).get('uid')?.type.kind, 'cistring');
  });
});
