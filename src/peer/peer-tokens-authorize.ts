import type { Token } from '../ocpi-data/ocpi-objects.js';
import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest } from '../server/ocpi-server.js';
import type { InboundCaller } from './inbound-log.js';
import { refusal, routingHeaders } from './peer-sender-lists.js';

/**
 * The peer's real-time authorization, as an eMSP offers it with its Tokens Sender (2.2.1, 2.3.0): a POST to
 * `{tokens}/{token_uid}/authorize[?type=]` (RFID when no type is given) is answered, to a registered partner, with an
 * AuthorizationInfo: ALLOWED for a valid Token of the tester's, BLOCKED for one that is not valid; an unknown Token
 * with 404 and status_code 2004. What the CPO sent is not judged here: the case that asked for a session reads it.
 */
export function peerAuthorizeRoute(tokens: readonly Token[], identify: (request: ServerRequest) => InboundCaller): Handler {
  return (request) => {
    const refused = refusal(request, identify(request));
    const uid = (request.params['token_uid'] ?? '').toUpperCase();
    const type = request.query.get('type') ?? 'RFID';
    const token = tokens.find((candidate) => candidate.uid.toUpperCase() === uid && candidate.type === type);
    const spec = refused ?? (token
      ? { status: 200, body: envelope({ allowed: token.valid ? 'ALLOWED' : 'BLOCKED', token, authorization_reference: `OCT-AUTH-${token.uid}`.slice(0, 36) }) }
      : { status: 404, body: envelope(undefined, 2004, `unknown token ${uid} of type ${type}`) });
    return { ...spec, headers: { ...routingHeaders(request), ...(spec.headers ?? {}) } };
  };
}
