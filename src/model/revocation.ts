/** When and where the target stopped accepting the credentials token it had accepted before. */
export interface Revocation {
  /** The case during which the first refusal came. */
  readonly caseId: string;
  /** The last case that had the token accepted, when another case did. */
  readonly lastAcceptedBy?: string;
  /** `GET <url>` of the refused request. */
  readonly request: string;
  readonly exchangeId: string;
}
