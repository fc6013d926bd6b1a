import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';

/** One route of the peer, relative to its version details URL. */
export interface PeerRoute {
  readonly method: 'PUT' | 'PATCH' | 'POST';
  readonly path: string;
  readonly handler: Handler;
}

type Guard = (handler: (request: ServerRequest) => ServerResponseSpec) => Handler;

/**
 * The peer's Tariffs, Sessions and CDRs Receivers, as an eMSP offers them to its CPO (2.2.1, 2.3.0): a Tariff PUT or
 * PATCH at `{tariffs}/{country_code}/{party_id}/{tariff_id}` is answered 200, as is a Session PUT or PATCH at
 * `{sessions}/{country_code}/{party_id}/{session_id}` is answered 200; a CDR POSTed to `{cdrs}` is answered 201 with
 * the Location header a CDR Receiver gives (`{cdrs}/{id}`). Only to a registered partner (`guard`). Nothing is judged
 * here: the peer records every request, and the case that triggered the session judges what arrived.
 */
export function peerPushReceiverRoutes(detailsUrl: () => string, guard: Guard): PeerRoute[] {
  const accept = guard(() => ({ status: 200, body: envelope(undefined) }));
  const createCdr = guard((request) => {
    const id = (request.body as { id?: unknown } | undefined)?.id;
    return { status: 201, headers: { location: `${detailsUrl()}/cdrs/${encodeURIComponent(String(id ?? 'unknown'))}` }, body: envelope(undefined) };
  });
  return [
    { method: 'PUT', path: '/tariffs/:country_code/:party_id/:tariff_id', handler: accept },
    { method: 'PATCH', path: '/tariffs/:country_code/:party_id/:tariff_id', handler: accept },
    { method: 'PUT', path: '/sessions/:country_code/:party_id/:session_id', handler: accept },
    { method: 'PATCH', path: '/sessions/:country_code/:party_id/:session_id', handler: accept },
    { method: 'POST', path: '/cdrs', handler: createCdr },
  ];
}

/**
 * The peer's Tokens Receiver, as a CPO offers it to its eMSP (2.2.1, 2.3.0): a Token PUT or PATCH at
 * `{tokens}/{country_code}/{party_id}/{token_uid}` (a `type` query allowed) is answered 200, to a registered partner
 * only; IN-TOK-01 judges what arrived.
 */
export function peerTokensReceiverRoutes(guard: Guard): PeerRoute[] {
  const accept = guard(() => ({ status: 200, body: envelope(undefined) }));
  return [
    { method: 'PUT', path: '/tokens/:country_code/:party_id/:token_uid', handler: accept },
    { method: 'PATCH', path: '/tokens/:country_code/:party_id/:token_uid', handler: accept },
  ];
}
