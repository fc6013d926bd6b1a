import assert from 'node:assert/strict';
import { ParkingAudit } from '../../src/checks/parking-audit.js';
import { generateCpoData } from '../../src/ocpi-data/generate-cpo-data.js';
import { location230 } from '../../src/ocpi-data/location-230.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';

describe('a Location in its OCPI 2.3.0 shape (location230)', () => {
  it('is valid, has parking places its EVSEs name, and meets the parking rules LOC-06 and LOC-07 judge.', () => {
    const { locations } = generateCpoData({ countryCode: 'NL', partyId: 'RCP', locations: 40, now: new Date('2026-01-01T00:00:00Z') });
    const audit = new ParkingAudit();
    for (const location of locations) {
      const shaped = location230(location);
      assert.deepEqual(schemaRegistry().validate('2.3.0', 'Location', shaped).filter((f) => f.status === 'fail').map((f) => f.message), [], location.id);
      audit.consider(shaped);
    }
    assert.equal(audit.judged, true);
    assert.deepEqual([...audit.references(), ...audit.details()].map((f) => f.status), ['pass', 'pass', 'pass', 'pass']);
  });
});
