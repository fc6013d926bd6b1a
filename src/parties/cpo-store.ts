import type { Cdr, CpoData, Location, Session, Tariff, Token } from '../ocpi-data/ocpi-objects.js';
import { ocpiNow } from '../schemas/ocpi-datetime.js';

/** The Sender lists of the reference CPO. */
export type CpoListModule = 'locations' | 'tariffs' | 'sessions' | 'cdrs';

/** A charging profile the reference CPO holds for a session (what a PUT set). */
export interface StoredProfile {
  readonly chargingProfile: unknown;
  readonly since: string;
}

/**
 * The mutable data of the reference CPO: the generated lists (oldest first), the tokens partners pushed, and the
 * charging profiles set on sessions. Remote commands add and complete sessions here.
 */
export class CpoStore {
  readonly locations: Location[];
  readonly tariffs: Tariff[];
  readonly sessions: Session[];
  readonly cdrs: Cdr[];
  readonly tokens = new Map<string, Token>();
  readonly profiles = new Map<string, StoredProfile>();
  /** Reservation ids the CPO accepted, mapped to the location they hold. */
  readonly reservations = new Map<string, { readonly locationId: string; readonly evseUid?: string }>();
  #counter = 0;

  constructor(data: CpoData) {
    this.locations = data.locations;
    this.tariffs = data.tariffs;
    this.sessions = data.sessions;
    this.cdrs = data.cdrs;
  }

  list(module: CpoListModule): readonly { readonly last_updated: string }[] {
    return this[module];
  }

  location(id: string): Location | undefined {
    return this.locations.find((location) => location.id === id);
  }

  session(id: string): Session | undefined {
    return this.sessions.find((session) => session.id === id);
  }

  /** Replaces a session by id (sessions are never deleted, only updated). */
  updateSession(session: Session): void {
    const index = this.sessions.findIndex((known) => known.id === session.id);
    if (index >= 0) this.sessions[index] = session;
  }

  /** Replaces a Location by id (a changed Location is a new object, so its shaped forms never go stale). */
  updateLocation(location: Location): void {
    const index = this.locations.findIndex((known) => known.id === location.id);
    if (index >= 0) this.locations[index] = location;
  }

  /** A new unique id with the given prefix, for objects the CPO creates while it runs. */
  nextId(prefix: string): string {
    this.#counter += 1;
    return `${prefix}${Date.now().toString(36).toUpperCase()}${this.#counter}`;
  }

  /** The token key: a token is identified by its owner, uid and type. */
  static tokenKey(countryCode: string, partyId: string, uid: string, type: string): string {
    return [countryCode, partyId, uid, type].map((part) => part.toUpperCase()).join('/');
  }

  /** Now, as an OCPI DateTime. */
  now(): string {
    return ocpiNow();
  }
}
