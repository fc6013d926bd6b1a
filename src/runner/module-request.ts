import type { PartyRole } from '../model/party-role.js';
import { TESTER_IDENTITY } from '../model/tester-identity.js';
import type { PartyIdentity } from '../model/party-identity.js';
import type { OcpiRequest, OcpiResponse } from '../transport/ocpi-client.js';
import type { CaseContext, RequestOptions } from './case-context.js';

/** A request to one of the target's functional modules; the token defaults to the session's. */
export type ModuleRequest = Omit<OcpiRequest, 'token'> & { readonly token?: OcpiRequest['token'] };

/**
 * The OCPI routing headers of a peer-to-peer request from the tester to the target: OCPI-to names the target's role
 * that owns the module (its CPO role for a CPO's modules), or its first role when none matches or the role is unknown.
 */
export function routingHeaders(target: readonly PartyIdentity[] | undefined, targetRole?: PartyRole): Record<string, string> {
  const to = target?.find((party) => targetRole !== undefined && party.role?.toUpperCase() === targetRole.toUpperCase()) ?? target?.[0];
  return {
    'ocpi-from-country-code': TESTER_IDENTITY.countryCode,
    'ocpi-from-party-id': TESTER_IDENTITY.partyId,
    ...(to ? { 'ocpi-to-country-code': to.countryCode, 'ocpi-to-party-id': to.partyId } : {}),
  };
}

/**
 * Sends a request to a functional module of the target: with the session's token unless told otherwise, and with the
 * OCPI-from/OCPI-to routing headers that functional modules require. The case must require `session`.
 */
export function moduleRequest(t: CaseContext, request: ModuleRequest, options: RequestOptions = {}): Promise<OcpiResponse> {
  const session = t.get('session');
  return t.request({
    ...request,
    token: request.token === undefined ? session.token : request.token,
    headers: { ...routingHeaders(session.partner, t.settings.targetRole), ...(request.headers ?? {}) },
  }, options);
}

/**
 * The URL of a declared module interface, exactly as declared (a trailing slash kept: servers may redirect any other
 * form); append object paths with `endpointUrl`. The executor skips cases whose interface is not declared.
 */
export function moduleUrl(t: CaseContext, module: string, role: 'SENDER' | 'RECEIVER'): string {
  const endpoint = t.get('endpoints').find((e) => e.identifier === module && (e.role ?? '').toUpperCase() === role);
  return endpoint ? endpoint.url : t.skip(`the target does not declare the ${module} ${role} interface`);
}
