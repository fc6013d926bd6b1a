import type { Token } from '../ocpi-data/ocpi-objects.js';

/** An object a CPO pushed, as the eMSP stores it: the JSON it received, with the changes later PATCHes made. */
export type PushedObject = Record<string, unknown>;

/**
 * The mutable data of the reference eMSP: the tokens it issued (served by its Tokens Sender, oldest first) and the
 * objects CPOs pushed to its Receivers, keyed by owner and id (`CC/PID/ID`, upper-cased: the ids are CiStrings).
 */
export class EmspStore {
  readonly tokens: Token[];
  readonly locations = new Map<string, PushedObject>();
  readonly tariffs = new Map<string, PushedObject>();
  readonly sessions = new Map<string, PushedObject>();
  /** CDRs by the id in the URL the eMSP gave out for them in its POST response's Location header. */
  readonly cdrs = new Map<string, PushedObject>();
  /** When the eMSP sent each command it sent, by the uid of its response_url (Date.now()). */
  readonly commandsSent = new Map<string, number>();
  #counter = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  /** The key of a pushed object: its owner and id, upper-cased. */
  static key(countryCode: string, partyId: string, id: string): string {
    return [countryCode, partyId, id].map((part) => part.toUpperCase()).join('/');
  }

  /** The eMSP's token with that uid and type (uids are CiStrings), or undefined. */
  token(uid: string, type: string): Token | undefined {
    return this.tokens.find((token) => token.uid.toUpperCase() === uid.toUpperCase() && token.type === type);
  }

  /** A new id for an object the eMSP creates (the CDR URLs it hands out). */
  nextId(prefix: string): string {
    this.#counter += 1;
    return `${prefix}${this.#counter}`;
  }
}
