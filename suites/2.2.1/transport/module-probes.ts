import type { CaseContext } from '../../../src/runner/case-context.js';
import type { ModuleRequest } from '../../../src/runner/module-request.js';

/** One harmless request to one functional module of the target. */
export interface ModuleProbe {
  readonly module: string;
  readonly request: ModuleRequest;
}

// Ids no real object has, so a probe that gets through still changes nothing.
const PROBE_ID = 'OCT-PROBE-0';

/**
 * A harmless request to each functional module the target declared: a GET of each Sender list, and for the Receivers
 * a GET (or, with `body`, the module's PUT/POST) on an object that does not exist. Configuration modules
 * (credentials, versions, hubclientinfo) have their own rules and are left out.
 */
export function moduleProbes(t: CaseContext, { body }: { body: boolean }): ModuleProbe[] {
  const probes: ModuleProbe[] = [];
  for (const endpoint of t.get('endpoints')) {
    const url = endpoint.url.replace(/\/+$/, '');
    const role = (endpoint.role ?? '').toUpperCase();
    const probe = probeFor(t, endpoint.identifier, role, url, body);
    if (probe) probes.push({ module: `${endpoint.identifier} ${role}`, request: probe });
  }
  return probes;
}

function probeFor(t: CaseContext, module: string, role: string, url: string, body: boolean): ModuleRequest | undefined {
  const list = ['locations', 'tariffs', 'sessions', 'cdrs'].includes(module) && role === 'SENDER';
  if (list) return body ? undefined : { method: 'GET', url };
  if (module === 'tokens' && role === 'RECEIVER') return body ? { method: 'PUT', url: `${url}/ZZ/OCT/${PROBE_ID}` } : { method: 'GET', url: `${url}/ZZ/OCT/${PROBE_ID}` };
  if (module === 'commands' && role === 'RECEIVER') return body ? { method: 'POST', url: `${url}/START_SESSION` } : undefined;
  if (module === 'chargingprofiles' && role === 'RECEIVER') {
    const query = `?duration=60&response_url=${encodeURIComponent(t.peer.resultUrl('probe'))}`;
    return body ? { method: 'PUT', url: `${url}/${PROBE_ID}` } : { method: 'GET', url: `${url}/${PROBE_ID}${query}` };
  }
  return undefined;
}
