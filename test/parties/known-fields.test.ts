import assert from 'node:assert/strict';
import { generateCpoData } from '../../src/ocpi-data/generate-cpo-data.js';
import { shapeForVersion } from '../../src/ocpi-data/shape-for-version.js';
import { knownFieldsOnly, listedValues, unknownFields } from '../../src/parties/known-fields.js';
import { ocpiType } from '../../src/schemas/ocpi-type.js';

describe('what a Receiver with a model of its own knows of a pushed object (known-fields)', () => {
  const data = generateCpoData({ countryCode: 'NL', partyId: 'RCP', now: new Date('2026-01-01T00:00:00Z') });
  const location = JSON.parse(JSON.stringify(shapeForVersion('2.3.0', 'locations', data.locations[0] as NonNullable<(typeof data.locations)[0]>))) as Record<string, unknown>;
  const type = ocpiType('2.3.0', 'Location');

  it('finds no unknown field in a Location the reference party generates.', () => {
    assert.deepEqual(unknownFields(type, location), []);
  });

  it('names an unknown field at every level by its JSON Pointer.', () => {
    const evses = location['evses'] as Array<Record<string, unknown>>;
    const extended = { ...location, note: 1, evses: [{ ...evses[0], note: 2, connectors: [{ ...(evses[0]?.['connectors'] as unknown[])[0] as object, note: 3 }] }] };
    assert.deepEqual(unknownFields(type, extended).sort(), ['/evses/0/connectors/0/note', '/evses/0/note', '/note']);
  });

  it('keeps every known field and drops the unknown ones, nested ones included.', () => {
    const evses = location['evses'] as Array<Record<string, unknown>>;
    const extended = { ...location, note: 1, evses: evses.map((evse) => ({ ...evse, note: 2 })) };
    assert.deepEqual(knownFieldsOnly(type, extended), location);
  });

  it('lists the values an OpenEnum names, and not others.', () => {
    const capabilities = listedValues('2.3.0', 'Capability');
    assert.ok(capabilities.has('RESERVABLE'));
    assert.ok(!capabilities.has('OCPI_CONFORMANCE_TEST'));
    assert.ok(listedValues('2.3.0', 'TokenType').has('RFID'));
  });
});
