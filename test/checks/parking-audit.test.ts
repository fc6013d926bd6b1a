import assert from 'node:assert/strict';
import { ParkingAudit } from '../../src/checks/parking-audit.js';
import type { Finding } from '../../src/model/finding.js';

const car = (id: string) => ({ id, vehicle_types: ['PERSONAL_VEHICLE'], restricted_to_type: false, reservation_required: false });
const LIMITS = { max_vehicle_weight: 40000, max_vehicle_height: 400, max_vehicle_length: 1875, max_vehicle_width: 255, parking_space_length: 2000, parking_space_width: 400, dangerous_goods_allowed: false };
const location = (id: string, places: unknown[], references: string[][]) => ({
  id,
  parking_places: places,
  evses: references.map((ids, index) => ({ uid: `${id}-${index + 1}`, parking: ids.map((parking_id) => ({ parking_id })) })),
});
const statuses = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.check} ${f.status}`);

describe('the parking audit of OCPI 2.3.0 Locations', () => {
  it('passes unique ids, references that resolve without regard to case, and complete places for trucks and disabled drivers.', () => {
    const audit = new ParkingAudit();
    audit.consider(location('L1', [car('P1'), { ...car('P2'), vehicle_types: ['RIGID'], ...LIMITS }, { ...car('PD'), vehicle_types: ['DISABLED'], ...LIMITS, images: [{ url: 'https://x.example/p.jpg', category: 'LOCATION', type: 'jpeg' }] }], [['p1', 'PD'], ['P2']]));
    audit.consider(location('L2', [car('P1')], [['P1']]));
    assert.equal(audit.judged, true);
    assert.deepEqual(statuses([...audit.references(), ...audit.details()]), ['locations.parking-id-unique pass', 'locations.evse-parking-resolves pass', 'locations.parking-dimensions pass', 'locations.parking-disabled-photo pass']);
  });

  it('fails an id given twice within a Location (in any case), but not the same id in two Locations.', () => {
    const audit = new ParkingAudit();
    audit.consider(location('L1', [car('P1'), car('p1')], [['P1']]));
    audit.consider(location('L2', [car('P2')], [['P2']]));
    audit.consider(location('L3', [car('P2')], [['P2']]));
    const [unique, resolves] = audit.references();
    assert.equal(unique?.status, 'fail');
    assert.match(unique?.message ?? '', /^Location L1 has Parking id p1 twice: a Parking id must be unique/);
    assert.equal(resolves?.status, 'pass');
  });

  it('fails an EVSE reference to a place of another Location or none, naming the EVSE.', () => {
    const audit = new ParkingAudit();
    audit.consider(location('L1', [car('P1')], [['P1']]));
    audit.consider(location('L2', [], [['P1']]));
    const [, resolves] = audit.references();
    assert.equal(resolves?.status, 'fail');
    assert.match(resolves?.message ?? '', /^Location L2, EVSE L2-1 names Parking P1, which the Location does not list: /);
  });

  it('asks limits of any place for more than cars and motorcycles (disabled drivers included) and a photo of a disabled place.', () => {
    const audit = new ParkingAudit();
    audit.consider(location('L1', [{ ...car('M'), vehicle_types: ['MOTORCYCLE', 'PERSONAL_VEHICLE'] }, { ...car('V'), vehicle_types: ['PERSONAL_VEHICLE', 'VAN'], max_vehicle_height: 275 }, { ...car('D'), vehicle_types: ['DISABLED'], ...LIMITS }], [['M']]));
    const [dimensions, photo] = audit.details();
    assert.equal(dimensions?.status, 'fail');
    assert.match(dimensions?.message ?? '', /^Location L1, Parking V \(for VAN\) gives no max_vehicle_weight, max_vehicle_length, max_vehicle_width, parking_space_length, parking_space_width, dangerous_goods_allowed: /);
    assert.equal(photo?.status, 'fail');
    assert.match(photo?.message ?? '', /^Location L1, Parking D \(for DISABLED\) has no photo: /);
  });

  it('names ten places at most and counts the rest, and judges nothing when no Location has parking.', () => {
    const audit = new ParkingAudit();
    for (let index = 0; index < 25; index += 1) audit.consider(location(`L${index}`, [car('P1'), car('P1')], []));
    assert.match(audit.references()[0]?.message ?? '', /; and 15 more: /);
    const empty = new ParkingAudit();
    empty.consider({ id: 'L1', evses: [{ uid: 'E1' }] });
    assert.equal(empty.judged, false);
  });
});
