import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { PartyContext } from './party-context.js';

/** 401 unless the caller holds Token A, a registered token or a pending one; faults loosen it on the versions list only. */
function refuse(party: PartyContext, request: ServerRequest, loosened: boolean): ServerResponseSpec | undefined {
  const caller = party.state.classify(request.presented.token);
  if (caller === 'missing' && !(loosened && party.faults.has('accepts-missing-token'))) {
    return { status: 401, body: envelope(undefined, 2000, request.presented.problem ?? 'no credentials token') };
  }
  if (caller === 'unknown' && !(loosened && party.faults.has('accepts-unknown-token'))) {
    return { status: 401, body: envelope(undefined, 2000, 'unknown credentials token') };
  }
  return undefined;
}

/** GET on the version information endpoint. */
export function versionsHandler(party: PartyContext): Handler {
  let answered = 0;
  return (request) => {
    const refused = refuse(party, request, true);
    if (refused) return refused;
    answered += 1;
    if (party.faults.has('versions-html-page')) {
      return { status: 200, contentType: 'text/html', text: '<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>' };
    }
    const urlOf = (version: string): string => party.versionsUrl().replace(/\/versions$/, `/${version}`);
    // The faults concern the version the context serves (2.2.1 in the catalogue); the other versions are listed as they are.
    const own = (): { version: string; url: string } => {
      const offered = party.faults.has('versions-inconsistent') && answered > 1 ? (party.version === '2.1.1' ? '2.0' : '2.1.1') : party.version;
      return { version: offered, url: party.faults.has('details-redirect') ? `${party.detailsUrl()}${MOVED}` : party.detailsUrl() };
    };
    const offered = party.versions.map((version) => (version === party.version ? own() : { version, url: urlOf(version) }));
    // Older versions first, as a party that grew from 2.0 lists them; their URLs need not answer for this to conform.
    const older = party.variants.has('versions-older-offered') ? ['2.0', '2.1.1', '2.2'].filter((version) => !party.versions.includes(version as OcpiVersion)).map((version) => ({ version, url: urlOf(version) })) : [];
    const list = party.faults.has('versions-empty-list') ? [] : [...older, ...offered];
    const body: Record<string, unknown> = { ...envelope(list, party.faults.has('versions-status-2000') ? 2000 : 1000) };
    if (party.faults.has('versions-no-timestamp')) delete body['timestamp'];
    return { status: 200, body };
  };
}

/** The suffix of the old version details URL the versions list names under the details-redirect fault. */
export const MOVED = '-moved';

/** GET on the old version details URL: a 307 to the real one (only the details-redirect fault names it). */
export function movedDetailsHandler(party: PartyContext): Handler {
  return () => ({ status: 307, headers: { location: party.detailsUrl() }, body: envelope(undefined, 1000, 'moved') });
}

/** GET on the version details endpoint. */
export function versionDetailsHandler(party: PartyContext, modules: () => ReadonlyArray<{ identifier: string; role: string; url: string }>): Handler {
  return (request) => {
    const refused = refuse(party, request, false);
    if (refused) return refused;
    if (party.faults.has('details-server-error')) return { status: 500, body: envelope(undefined, 3000, 'internal error') };
    let endpoints: Array<Record<string, string>> = modules().map((endpoint) => ({ ...endpoint }));
    if (party.faults.has('details-no-credentials')) endpoints = endpoints.filter((e) => e['identifier'] !== 'credentials');
    // OCPI 2.1.1 endpoints have no interface role: each module has one direction there.
    if (party.version === '2.1.1') endpoints = endpoints.map(({ role: _role, ...rest }) => rest);
    if (party.faults.has('details-no-role')) endpoints = endpoints.map(({ role: _role, ...rest }) => rest);
    if (party.faults.has('details-no-endpoints')) endpoints = [];
    const version = party.faults.has('details-wrong-version') ? '2.2' : party.version;
    return { status: 200, body: envelope({ version, endpoints }) };
  };
}
