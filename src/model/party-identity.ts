/** A party's identity in OCPI routing: its country code and party id (CiStrings). */
export interface PartyIdentity {
  readonly countryCode: string;
  readonly partyId: string;
  /** The role it has in the credentials (CPO, EMSP, ...), when known. */
  readonly role?: string;
}
