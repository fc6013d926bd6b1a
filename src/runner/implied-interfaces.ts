import type { EndpointEntry } from '../model/endpoint-entry.js';

// 2.1.1 names a module's "CPO interface" and "eMSP interface" where 2.2 names SENDER and RECEIVER (spec-notes X2):
// the data owner's side is the Sender. These modules have the CPO as data owner; the others (tokens, commands) the eMSP's
// side sends (Tokens) or asks (Commands) and the CPO's side receives.
const CPO_SENDS = new Set(['locations', 'sessions', 'cdrs', 'tariffs']);
const CPO_RECEIVES = new Set(['tokens', 'commands']);

/**
 * The endpoints of a 2.1.1 target, each with the interface role 2.2 would name: a 2.1.1 party of `targetRole` declares
 * its own interface of each module, which is the Sender of the modules whose data it owns and the Receiver of the
 * others. Endpoints that name a role keep it; credentials and modules 2.1.1 does not have are left as they are.
 */
export function impliedInterfaces(endpoints: readonly EndpointEntry[], targetRole: 'cpo' | 'emsp'): EndpointEntry[] {
  return endpoints.map((endpoint) => {
    if (endpoint.role !== undefined) return endpoint;
    const module = endpoint.identifier.toLowerCase();
    const cpoSide = CPO_SENDS.has(module) ? 'SENDER' : CPO_RECEIVES.has(module) ? 'RECEIVER' : undefined;
    if (cpoSide === undefined) return endpoint;
    const role = targetRole === 'cpo' ? cpoSide : cpoSide === 'SENDER' ? 'RECEIVER' : 'SENDER';
    return { ...endpoint, role };
  });
}
