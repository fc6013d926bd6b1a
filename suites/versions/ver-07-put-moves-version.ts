import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import type { EndpointEntry } from '../../src/model/endpoint-entry.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../../src/model/ocpi-version.js';
import { dataObject } from '../credentials/credentials-endpoint.js';
import { moveRegistration } from './move-registration.js';

/**
 * The versions to move a registration to from `current`, in the order tried: the newer ones first, nearest first (the
 * spec's use case is updating to a newer version), then the older ones, nearest first. 2.1.1 included: a move to or
 * from it speaks 2.1.1 on its side (flat Credentials, the token as issued).
 */
function moveOrder(current: OcpiVersion): OcpiVersion[] {
  const at = OCPI_VERSIONS.indexOf(current);
  return [...OCPI_VERSIONS.slice(at + 1), ...OCPI_VERSIONS.slice(0, at).reverse()];
}

// Steps: (1) tester GETs the target's versions list and picks another version both parties offer, and GETs its
// details. (2) tester PUTs its Credentials of that version, with a new token, to the target's credentials endpoint of
// that version. (3) the target GETs the tester's details of that version back and answers with a new token, which the
// tester tries on a module of that version. (4) the same, back to the version under test, so the run goes on in it.
// Validated, each way: the GETs back reached the tester's details of the version moved to; the answered token works
// on that version's modules.
export default defineCase({
  id: 'VER-07',
  title: 'A PUT to the credentials endpoint of another version moves the registration to it',
  module: 'versions',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'rotate',
  requires: ['target', 'session', 'endpoints'],
  provides: ['session'],
  after: ['CRED-05'],
  skipWhen: (s) => (s.handshake === 'none' ? '--handshake none: the tester does not own this registration, so it does not move it' : undefined),
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, PUT method; Use cases, updating to a newer version',
      rule: 'A PUT to the credentials endpoint of another version switches the registration to that version: the server fetches the client\'s endpoints of that version and issues a new token.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, PUT Method; Updating to a newer version',
      rule: 'A PUT switches the registration to the version of the credentials endpoint it is sent to; the server must fetch the client\'s endpoints again, and answers with a token for the client.',
    },
  ],
  severity: 'required',
  checks: ['versions.switch-callbacks', 'versions.switch-token-works'],
  async run(t) {
    const session = t.get('session');
    const listing = await t.request({ method: 'GET', url: t.get('target').versionsUrl, token: session.token });
    const listed = versionEntries(listing.body);
    const other = moveOrder(t.version).find((version) => t.peer.versions.includes(version) && listed.has(version))
      ?? t.skip(`the target and the tester share no version besides OCPI ${t.version} to move the registration to (the target lists ${[...listed.keys()].join(', ') || 'none'}, the tester ${t.peer.versions.join(', ')})`);
    // The details of the version moved to, read as that version's request (the token as issued in 2.1.1).
    const details = await t.request({ method: 'GET', url: listed.get(other) ?? '', token: session.token, tokenEncoding: other === '2.1.1' ? 'raw' : 'base64' });
    const endpoints = endpointEntries(details.body);
    if (endpoints.length === 0) t.skip(`the target's OCPI ${other} version details declare no endpoints (HTTP ${details.status})`);
    const moved = await moveRegistration(t, { version: other, endpoints, token: session.token });
    if (session.ourToken) t.peer.retire(session.ourToken);
    if (!moved) {
      t.withdraw('session');
      return;
    }
    // Back to the version under test, so that the rest of the run speaks it (tried also when the move did not work:
    // the token answered may still hold the registration where it was).
    const back = await moveRegistration(t, { version: t.version, endpoints: t.get('endpoints'), token: moved.token });
    t.peer.retire(moved.ourToken);
    if (back?.works) t.provide('session', { token: back.token, ourToken: back.ourToken, partner: back.partner });
    else t.withdraw('session');
  },
});

/** The versions a versions list names, with the URL of each one's details. */
function versionEntries(body: unknown): Map<string, string> {
  const data = (body as { data?: unknown } | undefined)?.data;
  const entries = Array.isArray(data) ? data : [];
  return new Map(entries.flatMap((entry: unknown) => {
    const { version, url } = (entry ?? {}) as { version?: unknown; url?: unknown };
    return typeof version === 'string' && typeof url === 'string' ? [[version, url] as const] : [];
  }));
}

/** The endpoints a version details response declares. */
function endpointEntries(body: unknown): EndpointEntry[] {
  const endpoints = dataObject(body)?.['endpoints'];
  return (Array.isArray(endpoints) ? endpoints : []).flatMap((entry: unknown) => {
    const { identifier, role, url } = (entry ?? {}) as { identifier?: unknown; role?: unknown; url?: unknown };
    return typeof identifier === 'string' && typeof url === 'string' ? [{ identifier, url, ...(typeof role === 'string' ? { role } : {}) }] : [];
  });
}
