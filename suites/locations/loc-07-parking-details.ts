import { defineCase } from '../../src/runner/define-case.js';

// Steps: none of its own: the Locations crawl (LOC-01) tallies the parking places of the Locations it received.
// Validated: a parking place whose vehicle_types name anything besides PERSONAL_VEHICLE and MOTORCYCLE gives its
// vehicle limits, space dimensions and dangerous_goods_allowed; one for DISABLED vehicles has at least one photo.
// Skipped when no Location lists a parking place.
export default defineCase({
  id: 'LOC-07',
  title: 'Parking places give the limits large vehicles need and a photo for disabled parking',
  module: 'locations',
  versions: ['2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints', 'parkingAudit'],
  spec: {
    version: '2.3.0',
    section: 'Locations module, Parking object (max_vehicle_weight to dangerous_goods_allowed, images)',
    rule: 'The vehicle limits, space dimensions and dangerous goods flag of a parking place should be given unless its vehicle types are only personal vehicles and motorcycles; a place for disabled vehicles should have at least one photo.',
  },
  severity: 'recommended',
  checks: ['locations.parking-dimensions', 'locations.parking-disabled-photo'],
  async run(t) {
    const audit = t.get('parkingAudit');
    if (!audit.judged) t.skip('no Location of the crawl lists parking places (parking_places is optional)');
    t.check(audit.details());
  },
});
