import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest } from '../server/ocpi-server.js';
import type { InboundCaller } from './inbound-log.js';
import { refusal, routingHeaders } from './peer-sender-lists.js';

/** The seconds the peer's CommandResponse gives the eMSP to expect the CommandResult in. */
export const PEER_COMMAND_TIMEOUT_S = 30;

/**
 * The peer's Commands Receiver, as a CPO offers one to the eMSP under test (2.2.1, 2.3.0): a POST of any command at
 * `{commands}/{command}` is answered, to a registered partner, with a CommandResponse ACCEPTED and a timeout; 401 to
 * anyone else; with routing headers. No charger exists behind it: the case that asked for the command judges the
 * request from the peer's record and sends the CommandResult itself, to the response_url the command carried. Its
 * ChargingProfiles Receiver answers the same way (a ChargingProfileResponse is a result and a timeout too).
 */
export function peerCommandsRoute(identify: (request: ServerRequest) => InboundCaller): Handler {
  return (request) => {
    const spec = refusal(request, identify(request)) ?? { status: 200, body: envelope({ result: 'ACCEPTED', timeout: PEER_COMMAND_TIMEOUT_S }) };
    return { ...spec, headers: { ...routingHeaders(request), ...(spec.headers ?? {}) } };
  };
}
