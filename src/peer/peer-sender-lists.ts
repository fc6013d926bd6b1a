import { generateCpoData } from '../ocpi-data/generate-cpo-data.js';
import type { CpoData, Token } from '../ocpi-data/ocpi-objects.js';
import { generateTokens } from '../ocpi-data/generate-tokens.js';
import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { deepFreeze } from '../transport/deep-freeze.js';
import { senderListRoute } from '../parties/sender-list.js';
import { shapeForVersion } from '../ocpi-data/shape-for-version.js';
import { carriesOcpiHeaders, type OcpiVersion } from '../model/ocpi-version.js';
import type { InboundCaller } from './inbound-log.js';
import { TESTER_IDENTITY } from '../model/tester-identity.js';

/** The Sender interfaces the peer offers when it plays the CPO. */
export const PEER_SENDER_MODULES = ['locations', 'tariffs', 'sessions', 'cdrs'] as const;

/** The Sender interface the peer offers when it plays the eMSP: its Tokens, for a CPO under test to pull. */
export const PEER_EMSP_SENDER_MODULES = ['tokens'] as const;

export type PeerSenderModule = (typeof PEER_SENDER_MODULES)[number] | (typeof PEER_EMSP_SENDER_MODULES)[number];

/** Where a Sender list of the peer is served, and its handler (auth, routing headers and paging included). */
export interface PeerSenderRoute {
  readonly module: PeerSenderModule;
  readonly handler: Handler;
}

/** An EVSE of the tester's own data, for cases that need a real Location of the tester (LocationReferences). */
export interface TesterEvse {
  readonly locationId: string;
  readonly evseUid: string;
}

/** The tester's data as a CPO: what the reference CPO generates (same sizes), owned by the tester; frozen, as cases read it. */
export function generateTesterData(): CpoData {
  const data = generateCpoData({ countryCode: TESTER_IDENTITY.countryCode, partyId: TESTER_IDENTITY.partyId });
  // Not to be shown to drivers: the addresses are real streets, and an eMSP in production must not list chargers that
  // do not exist (publish false, nobody in publish_allowed_to).
  return deepFreeze({ ...data, locations: data.locations.map((location) => ({ ...location, publish: false })) });
}

/**
 * The tester's Tokens as an eMSP (25, owned by the tester); frozen, as cases read them. The first blocked RFID card
 * asks for real-time authorization (whitelist NEVER): a card a driver can present at a charger, which the CPO must
 * check with the eMSP (IN-AUTH-01).
 */
export function generateTesterTokens(): Token[] {
  const tokens = generateTokens({ countryCode: TESTER_IDENTITY.countryCode, partyId: TESTER_IDENTITY.partyId });
  const card = tokens.findIndex((token) => token.type === 'RFID' && !token.valid);
  return deepFreeze(tokens.map((token, index) => (index === card ? { ...token, whitelist: 'NEVER' } : token)));
}

/** The first EVSE of the tester's Locations, if any has one. */
export function firstTesterEvse(data: CpoData): TesterEvse | undefined {
  for (const location of data.locations) {
    const evse = location.evses?.[0];
    if (evse) return { locationId: location.id, evseUid: evse.uid };
  }
  return undefined;
}

/** Responses go back to the caller: FROM the tester, TO whoever the request said it came from. */
export function routingHeaders(request: ServerRequest): Record<string, string> {
  return {
    'ocpi-from-country-code': TESTER_IDENTITY.countryCode,
    'ocpi-from-party-id': TESTER_IDENTITY.partyId,
    ...(request.headers['ocpi-from-country-code'] ? { 'ocpi-to-country-code': request.headers['ocpi-from-country-code'] } : {}),
    ...(request.headers['ocpi-from-party-id'] ? { 'ocpi-to-party-id': request.headers['ocpi-from-party-id'] } : {}),
  };
}

/** Only a registered partner reads the lists: Token A serves the registration alone, other tokens are unknown. */
export function refusal(request: ServerRequest, caller: InboundCaller): ServerResponseSpec | undefined {
  if (caller === 'token-b' || caller === 'token-c') return undefined;
  const message = caller === 'token-a' ? 'Token A only serves the registration' : caller === 'missing' ? request.presented.problem ?? 'no credentials token' : 'unknown credentials token';
  return { status: 401, body: envelope(undefined, 2000, message) };
}

/**
 * The peer's four CPO Sender lists over `data`, in the shape of `version`, paged like the reference CPO's (the same
 * route, without faults, 10 a page), answered only to callers holding a token the peer issued or was given, with
 * routing headers on every answer from 2.2 on (2.1.1 has none).
 */
export function peerSenderRoutes(data: CpoData, identify: (request: ServerRequest) => InboundCaller, version: OcpiVersion = '2.2.1'): PeerSenderRoute[] {
  const context = { location: (id: string) => data.locations.find((location) => location.id === id) };
  return PEER_SENDER_MODULES.map((module) => peerListRoute(module, data[module].map((object) => shapeForVersion(version, module, object, context)), identify, version));
}

/** The peer's Tokens Sender over `tokens` in the shape of `version`, served as its CPO lists are (see peerSenderRoutes). */
export function peerTokensRoute(tokens: readonly Token[], identify: (request: ServerRequest) => InboundCaller, version: OcpiVersion = '2.2.1'): PeerSenderRoute {
  return peerListRoute('tokens', tokens.map((token) => shapeForVersion(version, 'tokens', token)), identify, version);
}

/** One list of the peer: paged like the reference party's (no faults, 10 a page), to its partner only, with routing headers from 2.2 on. */
function peerListRoute(module: PeerSenderModule, shaped: readonly { readonly last_updated: string }[], identify: (request: ServerRequest) => InboundCaller, version: OcpiVersion): PeerSenderRoute {
  const list = senderListRoute({ module, items: () => shaped, pageSize: 10, faults: new Set() });
  const handler: Handler = async (request) => {
    const spec = refusal(request, identify(request)) ?? (await list.handler(request));
    return carriesOcpiHeaders(version) ? { ...spec, headers: { ...routingHeaders(request), ...(spec.headers ?? {}) } } : spec;
  };
  return { module, handler };
}
