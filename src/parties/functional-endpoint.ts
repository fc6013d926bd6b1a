import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { PartyContext } from './party-context.js';

/** One route of a functional module, relative to the module's endpoint URL (`''` for the URL itself). */
export interface ModuleRoute {
  readonly method: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  readonly path: string;
  readonly handler: Handler;
}

// How many requests a partner's token works for under the revokes-token-mid-run fault.
const REVOKE_AFTER = 8;

/** The 401 answer; under modules-401-empty-body, the bare 401 of an authentication layer in front of the OCPI routes. */
const refusal = (party: PartyContext, message: string): ServerResponseSpec => (party.faults.has('modules-401-empty-body') ? { status: 401 } : { status: 401, body: envelope(undefined, 2000, message) });

/** 401 unless the caller is the registered partner; Token A is no key to functional modules. Faults loosen it. */
function refuse(party: PartyContext, module: string, request: ServerRequest): ServerResponseSpec | undefined {
  const unauthorized = (message: string): ServerResponseSpec => refusal(party, message);
  const caller = party.state.classify(request.presented.token);
  if (caller === 'registered') {
    // A registration binds the version it was made in: another version's modules are for a partner who switched to it
    // (a PUT to that version's credentials), so until then they refuse the token as not theirs.
    const registered = party.state.registration?.version;
    if (registered !== undefined && registered !== party.version) return unauthorized(`the credentials token is registered for OCPI ${registered}`);
    // A revocation out of the blue: the partner's token stops working although it neither changed nor deleted it.
    party.state.functionalCalls += 1;
    return party.faults.has('revokes-token-mid-run') && party.state.functionalCalls > REVOKE_AFTER ? unauthorized('the credentials token was revoked') : undefined;
  }
  // commands-accept-missing-token: the Commands routes sit behind an authentication step that lets a request without
  // any Authorization header through (an optional-auth setting), while a wrong token is still refused.
  const lenient = party.faults.has('modules-accept-missing-token') || (module === 'commands' && party.faults.has('commands-accept-missing-token'));
  if (caller === 'missing') return lenient ? undefined : unauthorized(request.presented.problem ?? 'no credentials token');
  if (caller === 'unknown') return party.faults.has('modules-accept-unknown-token') ? undefined : unauthorized('unknown credentials token');
  if (caller === 'token-a') return party.faults.has('modules-accept-token-a') ? undefined : unauthorized('Token A only serves the registration');
  return unauthorized('registration in progress');
}

/** Responses of functional modules are addressed back to the caller: FROM us, TO whoever the request came from. */
function routingHeaders(party: PartyContext, request: ServerRequest, module: string): Record<string, string> {
  // The fault answers with TO naming the party itself instead of mirroring the request's FROM.
  const unmirrored = party.faults.has('routing-not-mirrored');
  const toCountry = unmirrored ? party.countryCode : request.headers['ocpi-from-country-code'];
  const toParty = unmirrored ? party.partyId : request.headers['ocpi-from-party-id'];
  return {
    'ocpi-from-country-code': party.countryCode,
    'ocpi-from-party-id': party.partyId,
    ...(toCountry ? { 'ocpi-to-country-code': toCountry } : {}),
    ...(toParty ? { 'ocpi-to-party-id': toParty } : {}),
  };
}

/**
 * Wraps a functional module's handler with what every such endpoint does: refuse callers other than the registered
 * partner with 401, refuse a body that is not JSON with 400, and set the OCPI-from/OCPI-to routing headers.
 */
export function functionalHandler(party: PartyContext, module: string, handler: Handler): Handler {
  return async (request) => {
    const refused = refuse(party, module, request);
    let spec: ServerResponseSpec;
    if (refused) spec = refused;
    else if (request.text !== '' && !request.json) {
      spec = party.faults.has('modules-accept-malformed-json') ? { status: 200, body: envelope(undefined) } : { status: party.faults.has('modules-malformed-json-2001') ? 200 : 400, body: envelope(undefined, 2001, 'the request body is not JSON') };
    } else spec = await handler(request);
    return { ...spec, headers: { ...routingHeaders(party, request, module), ...(spec.headers ?? {}) } };
  };
}
