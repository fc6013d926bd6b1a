/** An endpoint as a version details response lists it. */
export interface EndpointEntry {
  readonly identifier: string;
  readonly role?: string;
  readonly url: string;
}
