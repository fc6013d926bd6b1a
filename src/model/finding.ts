/** One labelled difference between what a rule expects and what the target sent. */
export interface DiffEntry {
  /** JSON Pointer into the compared value ('' for the value itself). */
  readonly path: string;
  readonly kind: 'changed' | 'missing' | 'unexpected';
  readonly expected?: unknown;
  readonly actual?: unknown;
}

/** The verdict of one check on one piece of evidence. Non-conformance is data, never an exception. */
export interface Finding {
  /** The check's id, e.g. `envelope.status-code`: names what it asserts. */
  readonly check: string;
  readonly status: 'pass' | 'fail' | 'warn';
  readonly message: string;
  /** JSON Pointer to the offending value, within the exchange body when `exchangeId` is set. */
  readonly at?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly diff?: readonly DiffEntry[];
  readonly exchangeId?: string;
  /**
   * The same failure found again elsewhere (other objects, other pages), folded into this one so that one broken
   * rule is one failure: each with its place and evidence, so the JSON report still holds every one.
   */
  readonly repeats?: readonly { readonly at?: string; readonly exchangeId?: string }[];
}
