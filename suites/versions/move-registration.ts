import { checkCallbacks } from '../../src/checks/credentials.js';
import { fail } from '../../src/checks/finding.js';
import { expectStatus } from '../../src/checks/http-status.js';
import type { Secret } from '../../src/config/secret.js';
import type { EndpointEntry } from '../../src/model/endpoint-entry.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import type { PartyIdentity } from '../../src/model/party-identity.js';
import type { CaseContext } from '../../src/runner/case-context.js';
import { dataObject, ourTokenLabel, partnerIdentities } from '../credentials/credentials-endpoint.js';

/** Where the registration is moved: a version, and the target's endpoints in it. */
export interface RegistrationMove {
  readonly version: OcpiVersion;
  readonly endpoints: readonly EndpointEntry[];
  /** The token the tester calls the target with before the move. */
  readonly token: Secret;
}

/** The registration after a move: the tokens each side now holds. */
export interface MovedRegistration {
  readonly token: Secret;
  readonly ourToken: Secret;
  readonly partner: readonly PartyIdentity[];
  /** Whether the answered token worked on the version's modules. */
  readonly works: boolean;
}

/**
 * A module of the target to try a token on in a version: its main Sender list (a CPO's Locations, an eMSP's Tokens),
 * else the credentials endpoint, asked for one object.
 */
function probeUrl(t: CaseContext, endpoints: readonly EndpointEntry[]): string | undefined {
  const sender = t.settings.targetRole === 'emsp' ? 'tokens' : 'locations';
  const list = endpoints.find((e) => e.identifier === sender && (e.role === undefined || e.role === 'SENDER'))?.url;
  if (!list) return endpoints.find((e) => e.identifier === 'credentials')?.url;
  const url = new URL(list);
  url.searchParams.set('limit', '1');
  return url.toString();
}

/**
 * PUTs the tester's credentials of `version` to the target's credentials endpoint of that version, with a new token
 * for the target, and judges the move: the target's GETs back reached the tester's details of that version with the
 * new token, and the token it answered works on that version's modules. Undefined when no token came back.
 */
export async function moveRegistration(t: CaseContext, move: RegistrationMove): Promise<MovedRegistration | undefined> {
  const { version } = move;
  const url = move.endpoints.find((e) => e.identifier === 'credentials')?.url ?? t.skip(`the target declares no credentials endpoint in OCPI ${version}`);
  const ourToken = t.newToken();
  const caller = ourTokenLabel(t);
  t.peer.accept(ourToken, caller, version);
  const mark = t.peer.inbound.position;
  // Each request is one of the version moved to: 2.1.1 carries the token as issued, later versions Base64-encoded.
  const tokenEncoding = version === '2.1.1' ? 'raw' : 'base64';
  const response = await t.request({ method: 'PUT', url, token: move.token, tokenEncoding, body: t.peer.credentials(ourToken, t.peer.versionsUrl, version) });
  const callbacks = t.peer.inbound.since(mark);
  t.attach(...callbacks.map((record) => record.exchange));
  t.check(checkCallbacks({
    observed: callbacks,
    urls: [t.peer.versionsUrl, t.peer.detailsUrlOf(version)],
    caller,
    check: 'versions.switch-callbacks',
    rule: `while handling a PUT to its OCPI ${version} credentials endpoint, the target must GET our versions and our OCPI ${version} version details with the new token we gave it`,
  }));
  const issued = dataObject(response.body)?.['token'];
  if (typeof issued !== 'string') {
    t.check(fail('versions.switch-token-works', `the PUT to the OCPI ${version} credentials endpoint answered no new token (HTTP ${response.status}): the registration did not move`, { exchangeId: response.exchange.id }));
    return undefined;
  }
  const token = t.adoptToken(issued);
  const probe = probeUrl(t, move.endpoints) ?? url;
  const tried = await t.request({ method: 'GET', url: probe, token, tokenEncoding });
  const works = expectStatus({ exchange: tried.exchange, expected: 200, check: 'versions.switch-token-works', because: `the token answered to a PUT to the OCPI ${version} credentials endpoint must work on that version's modules` });
  t.check(works);
  return { token, ourToken, partner: partnerIdentities(dataObject(response.body)), works: works.status === 'pass' };
}
