import { checkBase64Authorization, checkCallbacks } from '../../src/checks/credentials.js';
import { checkOcpiResponse } from '../../src/checks/ocpi-response.js';
import type { Secret } from '../../src/config/secret.js';
import type { CaseContext, OcpiResponse } from '../../src/runner/case-context.js';
import type { PartyIdentity } from '../../src/model/party-identity.js';

/** The target's credentials endpoint URL, or a skip when it declared none (VER-02 reports that as a failure). */
export function credentialsUrl(t: CaseContext): string {
  const endpoint = t.get('endpoints').find((e) => e.identifier === 'credentials');
  return endpoint?.url ?? t.skip('the target declares no credentials endpoint');
}

/** The compensation key of the run's own registration: ended by CRED-06, or at teardown. */
export const REGISTRATION = 'registration';

/**
 * Registers the run's registration for teardown: unless CRED-06 unregisters (or --keep-registration), the run DELETEs
 * its credentials at the end with the token it holds then, also under --only, --grep and after an interrupt.
 */
export function unregisterAtTeardown(t: CaseContext): void {
  if (t.settings.keepRegistration || t.settings.handshake !== 'register') return;
  const url = credentialsUrl(t);
  t.compensate(REGISTRATION, 'unregister: DELETE the tester\'s credentials at the target', async (sender) => {
    const response = await sender.send({ method: 'DELETE', url }, { routing: false });
    if (response.status !== 200) throw new Error(`the DELETE answered HTTP ${response.status}; the tester may still be registered`);
    return 'unregistered (HTTP 200)';
  }, { last: true });
}

/** Which of the peer's token labels the target holds for calling the tester, by handshake mode. */
export function ourTokenLabel(t: CaseContext): 'token-b' | 'token-c' {
  return t.settings.handshake === 'await' ? 'token-c' : 'token-b';
}

/** The data of a JSON response, when it is an object. */
export function dataObject(body: unknown): Record<string, unknown> | undefined {
  const data = (body as { data?: unknown } | undefined)?.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/**
 * The parties a Credentials object names (for addressing requests with the OCPI-to headers): those of its roles, or,
 * in the flat 2.1.1 object that has no roles, its one top-level party_id and country_code (spec-notes X3).
 */
export function partnerIdentities(credentials: unknown): PartyIdentity[] {
  const object = (credentials ?? {}) as { roles?: unknown; country_code?: unknown; party_id?: unknown };
  if (!Array.isArray(object.roles)) return identityOf(object);
  return object.roles.flatMap((role: unknown) => identityOf((role ?? {}) as Record<string, unknown>));
}

function identityOf({ country_code: countryCode, party_id: partyId, role: name }: { country_code?: unknown; party_id?: unknown; role?: unknown }): PartyIdentity[] {
  return typeof countryCode === 'string' && typeof partyId === 'string' ? [{ countryCode, partyId, ...(typeof name === 'string' ? { role: name } : {}) }] : [];
}

/** What the target must do with credentials the tester sends (POST to register, PUT to update). */
export interface CredentialsExchange {
  readonly method: 'POST' | 'PUT';
  /** The token the tester calls the target with. */
  readonly token: Secret;
  /** The token the tester gives the target; the target must GET the tester's versions and details with it. */
  readonly ourToken: Secret;
  /** How the peer labels `ourToken`. */
  readonly caller: 'token-b' | 'token-c';
  /** The rule, as a failure message states it. */
  readonly rule: string;
  /** A reason to skip the case, judged on the response before any check, when the answer says the case cannot apply. */
  readonly skipIf?: (response: OcpiResponse) => string | undefined;
}

/**
 * Sends the tester's credentials and judges what the registration rules require of the answer: the GETs back with
 * our new token while the request was under way (they become evidence), and a valid Credentials response.
 */
export async function sendCredentials(t: CaseContext, exchange: CredentialsExchange): Promise<OcpiResponse> {
  t.peer.accept(exchange.ourToken, exchange.caller);
  const mark = t.peer.inbound.position;
  const response = await t.request({ method: exchange.method, url: credentialsUrl(t), token: exchange.token, body: t.peer.credentials(exchange.ourToken) });
  const callbacks = t.peer.inbound.since(mark);
  t.attach(...callbacks.map((record) => record.exchange));
  const skip = exchange.skipIf?.(response);
  if (skip) t.skip(skip);
  // 3001 is the answer the spec gives a server that cannot use the client's API: with no request of the target seen
  // at all, the tester's endpoint was out of its reach (a --peer-url problem), which judges the tester's set-up, not
  // the target (the run also says so on its own line).
  const statusCode = (response.body as { status_code?: unknown } | undefined)?.status_code;
  if (statusCode === 3001 && callbacks.length === 0 && t.peer.inbound.position === mark) {
    throw new Error(`the target answered status_code 3001 (unable to use the client's API) and made no request to the tester's endpoint (${t.peer.versionsUrl}): it cannot reach that address, so the registration could not be tested; give one it can reach with --peer-url`);
  }
  // A registration creates the partner's credentials, and a new object may be answered with 201 (status codes).
  t.check(checkOcpiResponse(response.exchange, t.version, { data: 'Credentials', status: exchange.method === 'POST' ? [200, 201] : 200 }));
  t.check(checkCallbacks({
    observed: callbacks,
    urls: [t.peer.versionsUrl, t.peer.detailsUrl],
    caller: exchange.caller,
    check: 'credentials.callbacks-with-token-b',
    rule: exchange.rule,
  }));
  // The GETs back are requests of the target like any other: from 2.2 on, the token travels Base64-encoded. Pulls of
  // the tester's lists made meanwhile are PEER-01's to judge (one root cause, one failure), a PTP's POSTs PAY-11's, a
  // CPO's Terminal requests PAY-04's.
  const posts = new Set([...t.peer.paymentsPosts(), ...t.peer.terminalsRequests()].map((post) => post.record));
  const own = callbacks.filter((record) => t.peer.senderModuleOf(record) === undefined && !posts.has(record));
  if (own.length > 0) t.check(checkBase64Authorization(own, t.version));
  return response;
}
