import type { PartyRole } from '../model/party-role.js';
import { Secret } from '../config/secret.js';
import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { issueToken } from './issue-token.js';
import { fetchVersionDetails } from '../transport/fetch-version-details.js';
import type { PartyContext } from './party-context.js';
import { firstIdentity, pullPartnerList } from './pull-partner.js';
import { pushPartnerPayments } from './push-partner-payments.js';
import { activatePartnerTerminal } from './activate-partner-terminal.js';

/** How the party's name says what it is. */
const ROLE_NAMES: Readonly<Record<PartyRole, string>> = { cpo: 'CPO', emsp: 'eMSP', ptp: 'PTP' };

/** The Role each party gives in its credentials: OCPI 2.3.0 has no PTP Role, so the PTP names OTHER (spec-notes P2). */
const ROLES: Readonly<Record<PartyRole, string>> = { cpo: 'CPO', emsp: 'EMSP', ptp: 'OTHER' };

/** The Credentials object a party hands out: the token the partner must use, its versions URL, its role. */
export function ownCredentials(party: PartyContext, token: Secret): Record<string, unknown> {
  const name = `ocpi-conformance reference ${ROLE_NAMES[party.role]}`;
  const businessDetails = party.variants.has('business-details-full')
    ? { name, website: 'https://example.com/ocpi-conformance', logo: { url: 'https://example.com/logo.png', category: 'OPERATOR', type: 'png', width: 512, height: 512 } }
    : { name };
  const own = { role: ROLES[party.role], party_id: party.partyId, country_code: party.countryCode, business_details: businessDetails };
  // A platform that also acts in another role lists that role after its own: the partner must pick the one it needs.
  const other = { role: 'NSP', party_id: 'NSP', country_code: party.countryCode, business_details: { name: `${name} navigation` } };
  // OCPI 2.1.1 has one party per Credentials object, named at its top level, and no roles.
  if (party.version === '2.1.1') return { token: token.reveal(), url: party.versionsUrl(), business_details: businessDetails, party_id: party.partyId, country_code: party.countryCode };
  return { token: token.reveal(), url: party.versionsUrl(), roles: party.variants.has('credentials-two-roles') ? [own, other] : [own] };
}

const unauthorized = (message: string): ServerResponseSpec => ({ status: 401, body: envelope(undefined, 2000, message) });
const notAllowed = (message: string): ServerResponseSpec => ({ status: 405, body: envelope(undefined, 2000, message) });

/** The partner's Credentials from a request body, or the 400/2001 answer explaining why there are none. */
function readPartnerCredentials(party: PartyContext, request: ServerRequest): { token: Secret; url: string } | ServerResponseSpec {
  if (!request.json) return { status: 400, body: envelope(undefined, 2001, 'request body is not JSON') };
  const body = request.body as { token?: unknown; url?: unknown; roles?: unknown; party_id?: unknown; country_code?: unknown; business_details?: unknown } | null;
  if (typeof body?.token !== 'string' || body.token.length === 0 || body.token.length > 64) return { status: 200, body: envelope(undefined, 2001, 'token missing or invalid') };
  if (typeof body.url !== 'string') return { status: 200, body: envelope(undefined, 2001, 'url missing') };
  if (party.version === '2.1.1') {
    if (typeof body.party_id !== 'string' || typeof body.country_code !== 'string' || typeof body.business_details !== 'object' || body.business_details === null) {
      return { status: 200, body: envelope(undefined, 2001, 'party_id, country_code or business_details missing (OCPI 2.1.1 Credentials)') };
    }
  } else if (!Array.isArray(body.roles) || body.roles.length === 0) return { status: 200, body: envelope(undefined, 2001, 'roles missing or empty') };
  return { token: new Secret(body.token), url: body.url };
}

/**
 * POST (register) and PUT (update): store the partner's token, GET its versions and details with that token (3001
 * when that fails), issue a new token and answer with our credentials. A new registration of the eMSP also pulls the
 * partner's Locations before the answer, so the pull has happened by the time the partner sees the registration done.
 */
async function exchangeCredentials(spoken: PartyContext, request: ServerRequest, kind: 'register' | 'update'): Promise<ServerResponseSpec> {
  let party = spoken;
  const partner = readPartnerCredentials(party, request);
  if (!('token' in partner)) return partner;
  party.redactor.add(partner.token);
  // A PUT to another version's endpoint moves the registration there; under switch-ignored the party stays where it
  // was registered (its GETs back, its Credentials and its modules), and under switch-keeps-version it GETs back the
  // new version's details but its modules stay bound to the old one.
  const current = party.state.registration?.version;
  const moving = kind === 'update' && current !== undefined && current !== party.version;
  if (moving && party.faults.has('switch-ignored')) party = party.inVersion(current);
  const boundTo = moving && party.faults.has('switch-keeps-version') && current !== undefined ? current : party.version;
  const skipCallbacks = party.faults.has(kind === 'register' ? 'registration-skips-callbacks' : 'rotation-skips-callbacks');
  let endpoints = party.state.registration?.endpoints ?? [];
  if (!skipCallbacks) {
    const callbackToken = kind === 'register' && party.faults.has('registration-callbacks-with-token-a') ? party.state.tokenA : partner.token;
    // 2.1.1 sends the token raw; each fault gets the encoding of the other versions wrong.
    const raw = party.version === '2.1.1'
      ? (kind === 'register' && party.faults.has('registration-callbacks-base64-token') ? {} : { tokenEncoding: 'raw' as const })
      : (kind === 'register' && party.faults.has('registration-callbacks-raw-token') ? { tokenEncoding: 'raw' as const } : {});
    const details = await fetchVersionDetails(party.client, { versionsUrl: partner.url, token: callbackToken, version: party.version, ...raw });
    if (details.ok) endpoints = details.endpoints;
    else if (!party.faults.has('registration-ignores-callback-failure')) {
      return { status: 200, body: envelope(undefined, 3001, `unable to use the client's API: ${details.reason}`) };
    }
  }
  const previous = party.state.registration?.inbound;
  let issued: Secret;
  if (kind === 'register' && party.faults.has('registration-returns-token-a')) issued = party.state.tokenA;
  else if (kind === 'update' && party.faults.has('rotation-same-token') && previous) issued = previous;
  else issued = issueToken(party);
  party.redactor.add(issued);
  if (kind === 'update' && previous && party.faults.has('rotation-keeps-old-token')) party.state.legacy = previous;
  // Under the fault, the token handed out is not the one stored, so the partner's next call with it is refused.
  const stored = kind === 'update' && party.faults.has('rotation-returns-unstored-token') ? Secret.generate() : issued;
  const identity = firstIdentity(request.body);
  party.state.registration = { inbound: stored, outbound: partner.token, versionsUrl: partner.url, endpoints, version: boundTo, ...(identity ? { partner: identity } : {}) };
  if (kind === 'register' && party.variants.has('token-a-single-use')) party.state.tokenASpent = true;
  // The pull speaks 2.2 (Base64 token, routing headers): a 2.1.1 registration is not followed by one yet.
  if (kind === 'register') await pullPartnerList(party, firstIdentity(request.body));
  // A PTP creates a Terminal and sends a confirmation at a CPO partner's Payments Receiver (PAY-11 observes it); a
  // 2.3.0 CPO asks a PTP partner to activate a terminal (PAY-04).
  if (kind === 'register') await pushPartnerPayments(party, firstIdentity(request.body));
  if (kind === 'register') await activatePartnerTerminal(party, firstIdentity(request.body));
  const data = ownCredentials(party, issued);
  if (kind === 'register' && party.faults.has('registration-response-no-roles')) delete data['roles'];
  if (kind === 'register' && party.faults.has('registration-response-no-party-id')) delete data['party_id'];
  return { status: 200, body: envelope(data) };
}

/** The four methods of a reference party's credentials endpoint. */
export function credentialsHandlers(party: PartyContext): Record<'GET' | 'POST' | 'PUT' | 'DELETE', Handler> {
  const { state } = party;
  return {
    GET: (request) => {
      const caller = state.classify(request.presented.token);
      if (caller === 'registered' && state.registration) {
        const token = party.faults.has('credentials-get-stale-token') ? state.tokenA : state.registration.inbound;
        const data = ownCredentials(party, token);
        if (party.faults.has('credentials-get-no-url')) delete data['url'];
        return { status: 200, body: envelope(data) };
      }
      if (caller === 'token-a' && !state.registration) return { status: 200, body: envelope(ownCredentials(party, state.tokenA)) };
      return unauthorized(request.presented.problem ?? 'unknown credentials token');
    },
    POST: (request) => {
      const caller = state.classify(request.presented.token);
      if (caller === 'registered' && state.registration) {
        if (party.faults.has('second-post-accepted')) return { status: 200, body: envelope(ownCredentials(party, state.registration.inbound)) };
        // Registers the partner anew, as a first POST would: a new token for it, and the one it held no longer works.
        if (party.faults.has('second-post-reregisters')) return exchangeCredentials(party, request, 'update');
        return notAllowed('already registered: use PUT to update, DELETE to unregister');
      }
      if (caller === 'token-a') return state.registration ? notAllowed('already registered') : exchangeCredentials(party, request, 'register');
      if (caller === 'pending') return notAllowed('registration in progress');
      return unauthorized(request.presented.problem ?? 'unknown credentials token');
    },
    PUT: (request) => {
      const caller = state.classify(request.presented.token);
      if (caller === 'registered' && state.registration) return exchangeCredentials(party, request, 'update');
      if (caller === 'token-a' && !state.registration) return notAllowed('not registered: POST to register');
      return unauthorized(request.presented.problem ?? 'unknown credentials token');
    },
    DELETE: (request) => {
      const caller = state.classify(request.presented.token);
      if (caller === 'registered' && state.registration) {
        if (party.faults.has('unregister-refused')) return notAllowed('not registered');
        if (party.faults.has('unregister-keeps-token')) state.legacy = state.registration.inbound;
        state.registration = undefined;
        // Under the fault the unregistration is done, but answered with a generic client error status_code.
        return { status: 200, body: party.faults.has('unregister-status-2000') ? envelope(undefined, 2000, 'deleted') : envelope(undefined) };
      }
      if (caller === 'token-a' && !state.registration) return notAllowed('not registered');
      return unauthorized(request.presented.problem ?? 'unknown credentials token');
    },
  };
}
