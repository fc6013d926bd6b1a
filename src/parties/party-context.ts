import type { OcpiClient } from '../transport/ocpi-client.js';
import type { Redactor } from '../transport/redactor.js';
import type { PartyRole } from '../model/party-role.js';
import type { PartyState } from './party-state.js';

/** What every endpoint of a reference party shares: who it is, its faults and variants, its state and its client. */
export interface PartyContext {
  readonly role: PartyRole;
  readonly version: '2.2.1';
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
  /** The party's version details URL. */
  detailsUrl(): string;
}
