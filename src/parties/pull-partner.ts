import { carriesOcpiHeaders, type OcpiVersion } from '../model/ocpi-version.js';
import type { Secret } from '../config/secret.js';
import { nextLink } from '../transport/next-link.js';
import type { PartyIdentity } from '../model/party-identity.js';
import type { PartyRole } from '../model/party-role.js';
import type { PartyContext } from './party-context.js';

/** What a pull of the partner's Locations got: the pages answered with a list, and the objects on them. */
export interface PullSummary {
  readonly pages: number;
  readonly objects: number;
}

// A partner whose Links never end must not hold a registration up: a reference party reads at most this many pages.
const MAX_PAGES = 20;

/** The partner's list each reference party pulls once registered. */
const PULLED: Readonly<Partial<Record<PartyRole, string>>> = { emsp: 'locations', cpo: 'tokens' };

/** The first party a Credentials object names in its roles, to address requests to (OCPI-to). */
export function firstIdentity(credentials: unknown): PartyIdentity | undefined {
  const roles = (credentials as { roles?: unknown } | null | undefined)?.roles;
  if (!Array.isArray(roles)) return undefined;
  for (const role of roles as unknown[]) {
    const { country_code: countryCode, party_id: partyId } = (role ?? {}) as { country_code?: unknown; party_id?: unknown };
    if (typeof countryCode === 'string' && typeof partyId === 'string') return { countryCode, partyId };
  }
  return undefined;
}

/** The routing headers of a peer-to-peer request from this party to the partner; TO is left out when unknown. */
function routingHeaders(party: PartyContext, partner: PartyIdentity | undefined): Record<string, string> {
  // The fault addresses the request to the party itself, a copy-and-paste slip of FROM into TO.
  const to = party.faults.has('pull-routing-to-itself') ? { countryCode: party.countryCode, partyId: party.partyId } : partner;
  return {
    'ocpi-from-country-code': party.countryCode,
    'ocpi-from-party-id': party.partyId,
    ...(to ? { 'ocpi-to-country-code': to.countryCode, 'ocpi-to-party-id': to.partyId } : {}),
  };
}

/**
 * A reference party, once registered, pulls its partner's main list when the partner declared its Sender: the eMSP
 * the CPO's Locations, the CPO the eMSP's Tokens (to authorize its drivers offline). GET the list with the token the
 * partner gave it (a fault uses the one it issued instead), with routing headers (a fault leaves them out), following
 * the next Links up to 20 pages. Never throws: the partner's data or its failure must not break the registration. A
 * PTP, or a partner without that Sender, pulls nothing.
 */
export async function pullPartnerList(party: PartyContext, partner: PartyIdentity | undefined): Promise<PullSummary> {
  const registration = party.state.registration;
  const module = PULLED[party.role];
  // A 2.1.1 endpoint names no role: the partner's list of this module is its Sender interface (X2).
  const sender = (role: string | undefined): boolean => (role ?? '').toUpperCase() === 'SENDER' || (role === undefined && party.version === '2.1.1');
  const declared = module === undefined ? undefined : registration?.endpoints.find((e) => e.identifier === module && sender(e.role))?.url;
  if (!registration || !declared) return { pages: 0, objects: 0 };
  const url = party.faults.has('pull-other-version') ? inOtherVersion(party, declared, registration.version) : declared;
  const token: Secret = party.faults.has('pull-with-own-token') ? registration.inbound : registration.outbound;
  // 2.1.1 has no routing headers, and carries the token as issued.
  const headers = carriesOcpiHeaders(party.version) ? routingHeaders(party, partner) : {};
  const raw = party.version === '2.1.1' || party.faults.has('pull-raw-token');
  let pages = 0;
  let objects = 0;
  try {
    for (let next: string | undefined = url; next !== undefined && pages < MAX_PAGES;) {
      const response = await party.client.send({ method: 'GET', url: next, token, headers, ...(raw ? { tokenEncoding: 'raw' as const } : {}) });
      const data = (response.body as { data?: unknown } | undefined)?.data;
      if (response.status !== 200 || !Array.isArray(data)) break;
      pages += 1;
      objects += data.length;
      const link = nextLink(response.headers['link'], next);
      next = link.kind === 'next' ? link.url : undefined;
    }
  } catch {
    // No response from the partner: what was pulled so far is all there is.
  }
  // A client that also reads a module its partner never declared, at a URL of its own making beside the declared one.
  if (party.faults.has('pull-undeclared-module')) {
    await party.client.send({ method: 'GET', url: declared.replace(/\/[^/]+\/*$/, '/hubclientinfo'), token, headers, ...(raw ? { tokenEncoding: 'raw' as const } : {}) }).catch(() => undefined);
  }
  return { pages, objects };
}

/**
 * Under pull-other-version, the URL of the same module in another version the party speaks (2.2 on): a pull client
 * built with the partner's URL layout of one version, whatever version the registration is in.
 */
function inOtherVersion(party: PartyContext, url: string, registered: OcpiVersion): string {
  const other = [...party.versions].reverse().find((version) => version !== registered && version !== '2.1.1');
  return other ? url.replace(`/${registered}/`, `/${other}/`) : url;
}
