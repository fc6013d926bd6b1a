import type { HandshakeMode } from '../model/handshake-mode.js';
import type { RunEvent } from '../model/run-event.js';

/** What the notice needs of the tester's endpoint: its versions URL and how many requests the target made to it. */
export interface ObservedPeer {
  readonly versionsUrl: string;
  readonly inbound: { readonly position: number };
}

/** The notice, in the user's words, with what to try. */
export const unreachedPeerMessage = (versionsUrl: string): string =>
  `The target made no request to the tester's endpoint (${versionsUrl}) while registering: if it cannot reach that address from where it runs, give one it can with --peer-url (a public address, or a tunnel to --peer-listen), and --peer-tls-cert/--peer-tls-key if it calls only https`;

/**
 * Wraps a run's event sink so that, with --handshake register, a failed or errored registration (`registering`: the
 * ids of the cases that register) during which the target made no request at all to the tester's endpoint is
 * preceded by a notice saying so: the usual cause is a --peer-url the target cannot reach, which only the target's
 * side could tell, and which otherwise reads as a target that skipped its GETs back. Said once per run part.
 */
export function withUnreachedPeerNotice(emit: (event: RunEvent) => void, peer: ObservedPeer, handshake: HandshakeMode, registering: ReadonlySet<string>): (event: RunEvent) => void {
  if (handshake !== 'register') return emit;
  let said = false;
  return (event) => {
    if (!said && event.type === 'case-end' && registering.has(event.result.id) && (event.result.status === 'failed' || event.result.status === 'errored') && peer.inbound.position === 0) {
      said = true;
      emit({ type: 'notice', message: unreachedPeerMessage(peer.versionsUrl) });
    }
    emit(event);
  };
}
