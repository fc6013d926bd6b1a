import type { Secret } from '../config/secret.js';
import type { EndpointEntry } from '../transport/fetch-version-details.js';

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
  /** The registration: the token we call the target with, and the one it calls us with (absent with --handshake none). */
  readonly session: { readonly token: Secret; readonly ourToken?: Secret };
}

export type StateKey = keyof RunState;

export const STATE_KEYS: readonly StateKey[] = ['target', 'versions', 'endpoints', 'session'];
