import { randomUUID } from 'node:crypto';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import { generateCpoData } from '../../src/ocpi-data/generate-cpo-data.js';
import type { Cdr, CpoData, Location, Session, Tariff } from '../../src/ocpi-data/ocpi-objects.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { asciiJson } from '../../src/ocpi-data/ascii-json.js';
import { shapeForVersion, type ShapeContext } from '../../src/ocpi-data/shape-for-version.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';

/** A JSON object the tester pushes, as the cases handle it. */
export type TesterObject = Record<string, unknown>;

// One small, realistic data set owned by the tester, drawn afresh each time so that pushed objects vary between runs.
function testerData(): CpoData {
  return generateCpoData({ countryCode: TESTER_IDENTITY.countryCode, partyId: TESTER_IDENTITY.partyId, seed: Math.floor(Math.random() * 2 ** 31), locations: 2, tariffs: 2, sessions: 8 });
}

/** A new id no earlier run used: `OCT` and a random suffix, within the CiString(36) of OCPI ids. */
export function testerId(kind: string): string {
  return `OCT-${kind}-${randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase()}`;
}

function fresh<T extends object>(object: T, overrides: Record<string, unknown>): TesterObject {
  return JSON.parse(JSON.stringify({ ...object, ...overrides, last_updated: ocpiNow() })) as TesterObject;
}

/** Where the tester's data set's Sessions and CDRs took place, for their 2.1.1 shape (which embeds the Location). */
function locationsOf(data: CpoData): ShapeContext {
  return { location: (id) => data.locations.find((location) => location.id === id) };
}

/**
 * A Location of the tester's with at least two EVSEs, each with connectors that carry max_electric_power, so that a
 * Receiver dropping a nested field shows in the diff. Stamped now, with a new id, in the shape of `version` (2.1.1:
 * connectors with `voltage` and `amperage`, no owner fields).
 */
export function testLocation(version: OcpiVersion = '2.2.1'): TesterObject {
  const data = testerData();
  const location = data.locations.find((l) => (l.evses?.length ?? 0) >= 2) ?? (data.locations[0] as Location);
  const stamp = ocpiNow();
  const evses = (location.evses ?? []).map((evse) => ({
    ...evse,
    last_updated: stamp,
    connectors: evse.connectors.map((connector) => ({ ...connector, max_electric_power: connector.max_electric_power ?? 22_000, last_updated: stamp })),
  }));
  // Not to be shown to drivers (publish false, nobody in publish_allowed_to): its address is a real street, and a
  // Receiver in production must not list a charger that does not exist (2.1.1 has no publish field).
  if (version === '2.2.1') return fresh(location, { id: testerId('LOC'), publish: false, evses });
  return fresh(shapeForVersion(version, 'locations', { ...location, id: testerId('LOC'), publish: false, evses, last_updated: stamp }), {});
}

/** A Tariff of the tester's, with tariff_alt_text, stamped now, with a new id, in the shape of `version`. */
export function testTariff(version: OcpiVersion): TesterObject {
  const tariff = testerData().tariffs[0] as Tariff;
  const altText = tariff.tariff_alt_text ?? [{ language: 'en', text: 'ocpi-conformance test tariff' }];
  return fresh(shapeForVersion(version, 'tariffs', tariff), { id: testerId('TAR'), tariff_alt_text: version === '2.1.1' ? asciiJson(altText) : altText });
}

/** A Session of the tester's with one charging period and a meter_id, stamped now, with a new id, in the shape of `version`. */
export function testSession(version: OcpiVersion): TesterObject {
  const data = testerData();
  const session = data.sessions.find((s) => (s.charging_periods?.length ?? 0) > 0) as Session;
  const shaped = shapeForVersion(version, 'sessions', session, locationsOf(data));
  const periods = (shaped['charging_periods'] as readonly unknown[] | undefined) ?? [];
  return fresh(shaped, { id: testerId('SES'), meter_id: session.meter_id ?? 'OCT-METER-1', charging_periods: periods.slice(0, 1) });
}

/** A CDR of the tester's with a remark, stamped now, with a new id, in the shape of `version`. */
export function testCdr(version: OcpiVersion): TesterObject {
  const data = testerData();
  const cdr = data.cdrs[0] as Cdr;
  return fresh(shapeForVersion(version, 'cdrs', cdr, locationsOf(data)), { id: testerId('CDR'), remark: cdr.remark ?? 'ocpi-conformance test CDR' });
}
