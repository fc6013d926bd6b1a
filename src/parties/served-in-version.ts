import { SHAPED_VERSIONS } from '../ocpi-data/shape-for-version.js';
import type { OcpiVersion } from '../model/ocpi-version.js';

/**
 * The interfaces the reference parties serve in OCPI 2.1.1 whatever the object mappers can do: Receivers that keep
 * what the partner sends in its own 2.1.1 shape, and the CPO's Commands.
 */
const RECEIVERS_211: ReadonlySet<string> = new Set(['commands RECEIVER', 'tokens RECEIVER']);

/**
 * Whether a reference party declares (and serves) one of its functional interfaces in `version`: from 2.2 on, every
 * one once the party's objects can be written in that version; in 2.1.1 the Receivers and Commands, the Sender lists
 * once the 2.1.1 mappers exist, and never Charging Profiles (a module 2.1.1 does not have).
 */
export function servedInVersion(version: OcpiVersion, module: string, role: 'SENDER' | 'RECEIVER'): boolean {
  if (version !== '2.1.1') return SHAPED_VERSIONS.includes(version);
  if (module === 'chargingprofiles') return false;
  return RECEIVERS_211.has(`${module} ${role}`) || SHAPED_VERSIONS.includes(version);
}
