import { defineCase } from '../../src/runner/define-case.js';

// Steps: none of its own: the Locations crawl (LOC-01) tallies, as the Locations stream by, their parking places and
// their EVSEs' parking references. Validated: no Location lists two parking places with the same id (compared as
// CiStrings); every EVSE's parking_id names a parking place of the Location that contains it. Skipped when no Location
// lists a parking place and no EVSE names one (parking_places is optional).
export default defineCase({
  id: 'LOC-06',
  title: 'Parking ids are unique within their Location and every EVSE parking reference names one of them',
  module: 'locations',
  versions: ['2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints', 'parkingAudit'],
  spec: {
    version: '2.3.0',
    section: 'Locations module, Parking object (id) and EVSEParking class (parking_id)',
    rule: 'A Parking id must be unique among the parking places of its Location; an EVSE\'s parking entries refer by id to parking places of the Location that contains the EVSE.',
  },
  severity: 'required',
  checks: ['locations.parking-id-unique', 'locations.evse-parking-resolves'],
  async run(t) {
    const audit = t.get('parkingAudit');
    if (!audit.judged) t.skip('no Location of the crawl lists parking places and no EVSE names one (parking_places and an EVSE\'s parking are optional)');
    t.check(audit.references());
  },
});
