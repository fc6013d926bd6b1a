import type { OcpiVersion } from '../model/ocpi-version.js';

/** The Receiver interfaces the reference parties serve in OCPI 2.1.1 (2.1.1 has no Charging Profiles). */
const RECEIVERS_211: ReadonlySet<string> = new Set(['commands RECEIVER', 'tokens RECEIVER', 'locations RECEIVER', 'tariffs RECEIVER', 'sessions RECEIVER', 'cdrs RECEIVER']);

/**
 * Whether a reference party declares (and serves) one of its functional interfaces in `version`: every one in 2.2.1 and
 * 2.3.0; in 2.1.1 its Sender lists and the Receivers written for 2.1.1, and
 * never Charging Profiles (a module 2.1.1 does not have).
 */
export function servedInVersion(version: OcpiVersion, module: string, role: 'SENDER' | 'RECEIVER'): boolean {
  if (version !== '2.1.1') return true;
  return role === 'SENDER' || RECEIVERS_211.has(`${module} ${role}`);
}
