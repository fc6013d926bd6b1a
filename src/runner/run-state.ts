import type { ParkingAudit } from '../checks/parking-audit.js';
import type { Secret } from '../config/secret.js';
import type { ListEntries } from './list-entries.js';
import type { EndpointEntry } from '../model/endpoint-entry.js';
import type { PartyIdentity } from '../model/party-identity.js';

/** What a crawl of a Sender list left for later cases: every object's key and last_updated, and one full sample. */
export interface ListDigest {
  /** The key and last_updated of every object seen, in the order received, held compactly. */
  readonly entries: ListEntries;
  /** The first object that later cases can use as a sample (e.g. a Location with EVSEs). */
  readonly sample?: unknown;
  /**
   * False when the crawl stopped short of the last page (a broken Link, a loop, an error page): the entries are what
   * it saw, enough for cases that need only the list's reachability and some of its objects (the filter cases).
   */
  readonly complete: boolean;
}

/** Where remote commands act: a Location, EVSE and Connector of the target. */
export interface ChargeSite {
  readonly locationId: string;
  readonly evseUid: string;
  readonly connectorId: string;
}

/** A token of the target, as the Tokens module addresses one: uid and type. */
export interface TokenRef {
  readonly uid: string;
  readonly type: string;
}

/**
 * The typed state cases hand to each other (DESIGN §3: requires/provides). A case that requires a key runs only after
 * every case that provides it has finished, and is skipped when none did.
 */
export interface RunState {
  /** How to reach the target before registration: its versions URL and the token to use (Token A, or a registered token). */
  readonly target: { readonly versionsUrl: string; readonly token: Secret };
  /** The version chosen from the target's versions list, and where its details are. */
  readonly versions: { readonly version: string; readonly detailsUrl: string };
  /** The endpoints the target declared for that version. */
  readonly endpoints: readonly EndpointEntry[];
  /**
   * The registration: the token we call the target with, the one it calls us with (absent with --handshake none), and
   * the target's identities from its credentials roles (for the OCPI-to routing headers).
   */
  readonly session: { readonly token: Secret; readonly ourToken?: Secret; readonly partner?: readonly PartyIdentity[] };
  readonly locationsList: ListDigest;
  readonly tariffsList: ListDigest;
  readonly sessionsList: ListDigest;
  readonly cdrsList: ListDigest;
  readonly tokensList: ListDigest;
  /** A Hub's ClientInfo list (2.2.1, 2.3.0). */
  readonly clientInfoList: ListDigest;
  /** A Payment Terminal Provider's Terminals and Financial Advice Confirmations (OCPI 2.3.0 Payments, Sender interface). */
  readonly terminalsList: ListDigest;
  readonly confirmationsList: ListDigest;
  /** Tokens of the eMSP's list to ask real-time authorization for: one valid, one not (valid: false). */
  readonly tokenSamples: { readonly valid?: TokenRef; readonly invalid?: TokenRef };
  readonly chargeSite: ChargeSite;
  /** What the Locations crawl saw of the parking places of OCPI 2.3.0 Locations (LOC-06, LOC-07). */
  readonly parkingAudit: ParkingAudit;
  /** A session a START_SESSION command created, ACTIVE until STOP_SESSION. */
  readonly chargingSession: { readonly sessionId: string };
  readonly reservation: { readonly reservationId: string };
  /** Set when an eMSP's response_url took the tester's CommandResult (IN-CMD-01), for the case that sends another later. */
  readonly commandResultTaken: { readonly by: string };
  /** Set when CRED-01's probe ended in a registration the tester had to undo: Token A may have been spent on it. */
  readonly registrationUndone: { readonly by: string };
}

export type StateKey = keyof RunState;

