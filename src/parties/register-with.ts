import { Secret } from '../config/secret.js';
import { fetchVersionDetails } from '../transport/fetch-version-details.js';
import type { EndpointEntry } from '../model/endpoint-entry.js';
import { TransportError } from '../transport/transport-error.js';
import { ownCredentials } from './credentials-endpoint.js';
import { issueToken } from './issue-token.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { PartyContext } from './party-context.js';
import { firstIdentity, pullPartnerList } from './pull-partner.js';
import { pushPartnerPayments } from './push-partner-payments.js';
import { activatePartnerTerminal } from './activate-partner-terminal.js';

/** Where to register and with which token. */
export interface RegistrationTarget {
  readonly versionsUrl: string;
  readonly tokenA: Secret;
}

/**
 * The party as the Sender of the credentials handshake: GET the partner's versions and details with Token A, POST our
 * credentials with a new Token B (accepted for the partner's GETs back while the POST is under way), keep Token C.
 * The eMSP then pulls the partner's Locations before resolving. Resolves with a one-line outcome; never throws for the
 * partner's faults.
 */
export async function registerWith(offering: PartyContext, target: RegistrationTarget): Promise<string> {
  offering.redactor.add(target.tokenA);
  // The fault sends the token raw on the requests of the registration only, the code path that forgot the encoding.
  const encoding = offering.faults.has('register-raw-authorization') ? { tokenEncoding: 'raw' as const } : {};
  const version = await mutualVersion(offering, target, encoding);
  if (!version) return 'registration failed: the partner offers none of our versions';
  // From here on the party speaks that version: its Credentials shape, and 2.1.1's raw token.
  const party = offering.inVersion(version);
  // 2.1.1 sends the token raw; its fault encodes it as 2.2 does.
  const wire = version === '2.1.1' ? (party.faults.has('register-base64-authorization') ? {} : { tokenEncoding: 'raw' as const }) : encoding;
  let credentialsUrl: string | undefined;
  let endpoints: readonly EndpointEntry[] = [];
  if (party.faults.has('register-without-discovery')) {
    // Guesses the tester's layout (<base>/ocpi/versions -> <base>/ocpi/2.2.1/credentials) instead of asking for it.
    credentialsUrl = target.versionsUrl.replace(/\/versions\/?$/, `/${party.version}/credentials`);
  } else {
    const details = await fetchVersionDetails(party.client, { versionsUrl: target.versionsUrl, token: target.tokenA, version: party.version, ...wire });
    if (!details.ok) return `registration failed: ${details.reason}`;
    endpoints = details.endpoints;
    credentialsUrl = details.endpoints.find((endpoint) => endpoint.identifier === 'credentials')?.url;
    if (!credentialsUrl) return 'registration failed: the partner declares no credentials endpoint';
  }
  const tokenB = party.faults.has('register-token-b-equals-a') ? target.tokenA : issueToken(party);
  party.redactor.add(tokenB);
  if (!party.faults.has('register-refuses-own-token-b')) party.state.pending = tokenB;
  const body = ownCredentials(party, tokenB);
  if (party.faults.has('register-invalid-credentials')) body['roles'] = [];
  if (party.faults.has('register-credentials-no-party-id')) delete body['party_id'];
  try {
    const response = await party.client.send({ method: 'POST', url: credentialsUrl, token: target.tokenA, body, ...wire });
    const data = (response.body as { data?: { token?: unknown; url?: unknown } } | undefined)?.data;
    const statusCode = (response.body as { status_code?: unknown } | undefined)?.status_code;
    if (response.status !== 200 || statusCode !== 1000 || typeof data?.token !== 'string' || typeof data.url !== 'string') {
      return `registration failed: HTTP ${response.status}, status_code ${String(statusCode)}`;
    }
    const tokenC = new Secret(data.token);
    party.redactor.add(tokenC);
    const partner = firstIdentity(data);
    party.state.registration = { inbound: tokenB, outbound: tokenC, versionsUrl: data.url, endpoints, version, ...(partner ? { partner } : {}) };
    await pullPartnerList(party, firstIdentity(data));
    await pushPartnerPayments(party, firstIdentity(data));
    await activatePartnerTerminal(party, firstIdentity(data));
    return 'registered';
  } catch (error) {
    if (error instanceof TransportError) return `registration failed: ${error.message}`;
    throw error;
  } finally {
    party.state.pending = undefined;
  }
}

/**
 * The highest version both the party and the partner offer (the credentials module's reading: a party moves to the
 * newest version both implement). With one version offered there is nothing to choose: that one is tried, and the
 * partner's list is read once, by the details fetch, as before. Undefined when the list offers none of ours.
 */
async function mutualVersion(party: PartyContext, target: RegistrationTarget, encoding: { tokenEncoding?: 'raw' }): Promise<OcpiVersion | undefined> {
  const [only] = party.versions;
  if (party.versions.length === 1) return only;
  try {
    let response = await party.client.send({ method: 'GET', url: target.versionsUrl, token: target.tokenA, ...encoding });
    // A 2.1.1-only partner may read the token only as it is.
    if (response.status === 401 && !encoding.tokenEncoding) response = await party.client.send({ method: 'GET', url: target.versionsUrl, token: target.tokenA, tokenEncoding: 'raw' });
    const list = (response.body as { data?: unknown } | undefined)?.data;
    const offered = new Set(Array.isArray(list) ? list.map((entry: unknown) => (entry as { version?: unknown } | null)?.version) : []);
    const mutual = [...party.versions].reverse().filter((version) => offered.has(version));
    // The fault settles for the version below the highest both offer (a client pinned to the version it was built on).
    return party.faults.has('register-lower-version') && mutual.length > 1 ? mutual[1] : mutual[0];
  } catch (error) {
    if (error instanceof TransportError) return undefined;
    throw error;
  }
}
