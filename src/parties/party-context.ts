import type { OcpiClient } from '../transport/ocpi-client.js';
import type { Redactor } from '../transport/redactor.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { PartyRole } from '../model/party-role.js';
import type { PartyState } from './party-state.js';

/** What every endpoint of a reference party shares: who it is, its faults and variants, its state and its client. */
export interface PartyContext {
  readonly role: PartyRole;
  /** The version whose endpoints this context serves (one context a version, sharing state, client and redactor). */
  readonly version: OcpiVersion;
  /** Every version the party offers, oldest first. */
  readonly versions: readonly OcpiVersion[];
  readonly countryCode: string;
  readonly partyId: string;
  readonly faults: ReadonlySet<string>;
  /** Names from the variant catalogue: conformant behaviours that differ from the reference's own. */
  readonly variants: ReadonlySet<string>;
  readonly state: PartyState;
  readonly client: OcpiClient;
  readonly redactor: Redactor;
  /** The party's versions URL, known once it listens. */
  versionsUrl(): string;
  /** The party's version details URL of `version`. */
  detailsUrl(): string;
  /** The same party speaking another of its versions. */
  inVersion(version: OcpiVersion): PartyContext;
}
