import type { CaseContext } from '../../src/runner/case-context.js';
import type { ModuleRequest } from '../../src/runner/module-request.js';
import { CHARGER_MODULES } from '../../src/runner/charger-receiver.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { withQuery } from '../../src/transport/with-query.js';

/** One harmless request to one functional module of the target. */
export interface ModuleProbe {
  readonly module: string;
  readonly request: ModuleRequest;
}

// Ids no real object has, so a probe that gets through still changes nothing.
const PROBE_ID = 'OCT-PROBE-0';

/**
 * A harmless request to each functional module the target declared: a GET of each Sender list (with `body`, a real-time
 * authorization of an unknown token; a PTP's Terminals list), and for the Receivers a GET (or, with `body`, the module's PUT/POST) on an
 * object that does not exist; the Commands Receiver gets a CANCEL_RESERVATION of a reservation that does not exist (in
 * 2.1.1, which has no CANCEL_RESERVATION, a STOP_SESSION of a session that does not exist). 2.1.1 has no charging
 * profiles module: a 2.1.1 target's endpoint of that name gets no probe.
 * Configuration modules (credentials, versions, hubclientinfo) have their own rules and are left out. The probes with
 * `body` carry the registration's token, so without --allow-commands they leave out the Receivers that act on chargers
 * (DESIGN §7); the probes without a body carry a token the target must refuse, so they go to every module.
 */
export function moduleProbes(t: CaseContext, { body }: { body: boolean }): ModuleProbe[] {
  const probes: ModuleProbe[] = [];
  for (const endpoint of t.get('endpoints')) {
    const role = (endpoint.role ?? '').toUpperCase();
    if (body && !t.settings.allowCommands && role === 'RECEIVER' && CHARGER_MODULES.includes(endpoint.identifier)) continue;
    if (t.version === '2.1.1' && endpoint.identifier === 'chargingprofiles') continue;
    // The URL exactly as declared: a server may redirect any other form of it.
    const probe = probeFor(t, endpoint.identifier, role, endpoint.url, body);
    if (probe) probes.push({ module: `${endpoint.identifier} ${role}`, request: probe });
  }
  return probes;
}

function probeFor(t: CaseContext, module: string, role: string, url: string, body: boolean): ModuleRequest | undefined {
  const owned = endpointUrl(url, 'ZZ', 'OCT', PROBE_ID);
  if (role === 'SENDER' && ['locations', 'tariffs', 'sessions', 'cdrs', 'tokens'].includes(module)) {
    // The Tokens Sender takes a body on its authorize route; the lists take none.
    if (body) return module === 'tokens' ? { method: 'POST', url: endpointUrl(url, PROBE_ID, 'authorize') } : undefined;
    return { method: 'GET', url };
  }
  // A PTP's Payments Sender (2.3.0): its Terminals list; its requests with a body (PUT, PATCH, activation) change
  // real terminals, so none is a probe (spec-notes P4).
  if (role === 'SENDER' && module === 'payments') return body ? undefined : { method: 'GET', url: endpointUrl(url, 'terminals') };
  if (role !== 'RECEIVER') return undefined;
  if (['tokens', 'locations', 'tariffs', 'sessions'].includes(module)) return { method: body ? 'PUT' : 'GET', url: owned };
  // The CDRs Receiver has no URL of its own to GET: a POST is its probe. Its body is valid JSON (an empty object), so a
  // server that parses before it authenticates has no malformed body to answer 400 to (status codes: 400 is for that).
  if (module === 'cdrs') return body ? { method: 'POST', url } : { method: 'POST', url, body: {} };
  // Without a body: a command that can only cancel what does not exist, so a target that wrongly lets it through
  // still leaves every charger as it was.
  if (module === 'commands') {
    if (body) return { method: 'POST', url: endpointUrl(url, 'START_SESSION') };
    return t.version === '2.1.1'
      ? { method: 'POST', url: endpointUrl(url, 'STOP_SESSION'), body: { response_url: t.peer.resultUrl('probe'), session_id: PROBE_ID } }
      : { method: 'POST', url: endpointUrl(url, 'CANCEL_RESERVATION'), body: { response_url: t.peer.resultUrl('probe'), reservation_id: PROBE_ID } };
  }
  if (module === 'chargingprofiles') {
    const session = endpointUrl(url, PROBE_ID);
    return body ? { method: 'PUT', url: session } : { method: 'GET', url: withQuery(session, { duration: '60', response_url: t.peer.resultUrl('probe') }) };
  }
  return undefined;
}
