import { Secret } from '../../src/config/secret.js';
import type { Location } from '../../src/ocpi-data/ocpi-objects.js';
import type { PartyContext } from '../../src/parties/party-context.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import type { PartyRole } from '../../src/model/party-role.js';
import { PartyState } from '../../src/parties/party-state.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';

/** The last_updated of every hand-made test object. */
export const STAMP = '2026-01-01T00:00:00Z';

/**
 * A reference party's context (the CPO is NL/RCP, the eMSP NL/REM, the PTP NL/RPT) with the given faults and variants, registered with a partner,
 * for calling its routes directly.
 */
export function testParty(faults: readonly string[], role: PartyRole = 'cpo', variants: readonly string[] = [], version: OcpiVersion = '2.2.1'): PartyContext {
  const redactor = new Redactor();
  const client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 100_000, tokenEncoding: 'base64', redactor, nextExchangeId: () => 'x', userAgent: 'test' });
  const state = new PartyState(Secret.generate());
  state.registration = { inbound: Secret.generate(), outbound: Secret.generate(), versionsUrl: '', endpoints: [], version };
  const partyId = { cpo: 'RCP', emsp: 'REM', ptp: 'RPT' }[role];
  const party: PartyContext = {
    role, version, versions: [version], countryCode: 'NL', partyId, faults: new Set(faults), variants: new Set(variants), state, client, redactor,
    versionsUrl: () => '', detailsUrl: () => `http://127.0.0.1:9/ocpi/${role}/${version}`, inVersion: () => party,
  };
  return party;
}

/** One Location LOC1 with one EVSE EVSE1 (in the given status) and one Connector 1. */
export function testLocation(evseStatus: string): Location {
  return {
    country_code: 'NL', party_id: 'RCP', id: 'LOC1', publish: true, address: 'Main Street 1', city: 'Utrecht', country: 'NLD',
    coordinates: { latitude: '52.090000', longitude: '5.120000' }, time_zone: 'Europe/Amsterdam', last_updated: STAMP,
    evses: [{ uid: 'EVSE1', status: evseStatus, last_updated: STAMP, connectors: [{ id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 230, max_amperage: 16, last_updated: STAMP }] }],
  };
}
