import type { Secret } from '../config/secret.js';
import type { EndpointEntry } from '../model/endpoint-entry.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { PartyIdentity } from '../model/party-identity.js';

/** A completed registration with one partner. */
export interface PartnerRegistration {
  /** The token the partner presents to us. */
  readonly inbound: Secret;
  /** The token we present to the partner. */
  readonly outbound: Secret;
  readonly versionsUrl: string;
  readonly endpoints: readonly EndpointEntry[];
  /** The version the registration was made in (whose credentials endpoint was used): its rules and shapes apply. */
  readonly version: OcpiVersion;
  /** The partner's first role in its credentials (whom OCPI-to names, whose tokens its drivers use), when it named one. */
  readonly partner?: PartyIdentity;
}

/** Who a presented token says the caller is. */
export type Caller = 'token-a' | 'registered' | 'pending' | 'unknown' | 'missing';

/** The mutable credentials state of a reference party (one partner at a time, as a test party needs). */
export class PartyState {
  /** The one-time registration token we issued; re-armed when the partner unregisters. */
  readonly tokenA: Secret;
  registration: PartnerRegistration | undefined;
  /** While we register with a partner, the token it calls us back with. */
  pending: Secret | undefined;
  /** A token that should have been retired but, under a fault, is still accepted. */
  legacy: Secret | undefined;
  /** Set once Token A served a registration, when Token A is single-use (the token-a-single-use variant). */
  tokenASpent = false;
  /** Requests the registered partner made to functional modules (a fault revokes its token after a few). */
  functionalCalls = 0;

  constructor(tokenA: Secret) {
    this.tokenA = tokenA;
  }

  classify(token: string | undefined): Caller {
    if (token === undefined) return 'missing';
    if (this.registration?.inbound.equals(token) || this.legacy?.equals(token)) return 'registered';
    if (this.pending?.equals(token)) return 'pending';
    if (this.tokenA.equals(token)) return this.tokenASpent ? 'unknown' : 'token-a';
    return 'unknown';
  }
}
