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
 * the next Links up to 20 pages (faults: a date_from with an offset, offsets moved on by its own limit; the variant
 * pull-pages-side-by-side computes its offsets and fetches the pages at once). Never throws: the partner's data or its
 * failure must not break the registration. A PTP, or a partner without that Sender, pulls nothing.
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
  const get = (at: string) => party.client.send({ method: 'GET', url: at, token, headers, ...(raw ? { tokenEncoding: 'raw' as const } : {}) });
  let pages = 0;
  let objects = 0;
  // The objects of a page answered with a list, counted; undefined for any other answer.
  const took = (response: { status: number; body?: unknown }): number | undefined => {
    const data = (response.body as { data?: unknown } | undefined)?.data;
    if (response.status !== 200 || !Array.isArray(data)) return undefined;
    pages += 1;
    objects += data.length;
    return data.length;
  };
  try {
    if (party.variants.has('pull-pages-side-by-side')) await pullSideBySide(url, get, took);
    else if (party.faults.has('pull-offset-by-limit')) {
      // A client that moves on by the limit it asked for, whatever the page held: it skips what the server left out.
      for (let offset = 0; pages < MAX_PAGES; offset += OWN_LIMIT) {
        if (!took(await get(withQuery(url, { offset: String(offset), limit: String(OWN_LIMIT) })))) break;
      }
    } else {
      // A client that writes the time since when it wants changes with its local offset (+01:00), which OCPI DateTimes do not allow.
      const first = party.faults.has('pull-date-from-with-offset') ? withQuery(url, { date_from: '2020-01-01T01:00:00+01:00' }) : url;
      for (let next: string | undefined = first; next !== undefined && pages < MAX_PAGES;) {
        const response = await get(next);
        if (took(response) === undefined) break;
        const link = nextLink(response.headers['link'], next);
        next = link.kind === 'next' ? link.url : undefined;
      }
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

// The page size a reference party asks for when it builds its page URLs itself (a fault, a variant).
const OWN_LIMIT = 20;
const SIDE_BY_SIDE_LIMIT = 4;

/** `url` with these query parameters set. */
function withQuery(url: string, parameters: Readonly<Record<string, string>>): string {
  const at = new URL(url);
  for (const [name, value] of Object.entries(parameters)) at.searchParams.set(name, value);
  return at.toString();
}

/**
 * The variant pull-pages-side-by-side: a client that asks for the changes since a date with a small limit, reads the
 * X-Total-Count of the first page, and then fetches every further page at once, at offsets it computes from the
 * objects each page holds (the server gives at most the limit asked), without following Links.
 */
async function pullSideBySide(url: string, get: (at: string) => Promise<{ status: number; body?: unknown; headers: Record<string, string | string[] | undefined> }>, took: (response: { status: number; body?: unknown }) => number | undefined): Promise<void> {
  const query = { date_from: '2000-01-01T00:00:00Z', limit: String(SIDE_BY_SIDE_LIMIT) };
  const first = await get(withQuery(url, query));
  if (!took(first)) return;
  const total = Math.min(Number(first.headers['x-total-count']), SIDE_BY_SIDE_LIMIT * MAX_PAGES);
  const offsets: number[] = [];
  for (let offset = SIDE_BY_SIDE_LIMIT; offset < total; offset += SIDE_BY_SIDE_LIMIT) offsets.push(offset);
  const responses = await Promise.all(offsets.map((offset) => get(withQuery(url, { ...query, offset: String(offset) }))));
  responses.forEach((response) => took(response));
}

/**
 * Under pull-other-version, the URL of the same module in another version the party speaks (2.2 on): a pull client
 * built with the partner's URL layout of one version, whatever version the registration is in.
 */
function inOtherVersion(party: PartyContext, url: string, registered: OcpiVersion): string {
  const other = [...party.versions].reverse().find((version) => version !== registered && version !== '2.1.1');
  return other ? url.replace(`/${registered}/`, `/${other}/`) : url;
}
