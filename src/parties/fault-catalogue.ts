/** The handshake modes of a run (DESIGN §2.4). */
export type HandshakeMode = 'register' | 'await' | 'none';

/** The two reference parties. */
export type PartyRole = 'cpo' | 'emsp';

/**
 * One named, deliberate deviation from the spec that a reference party can be started with. Each fault must make
 * exactly one case fail, with the named check among its failures, in a run with the given handshake mode.
 */
export interface Fault {
  readonly name: string;
  readonly description: string;
  readonly roles: readonly PartyRole[];
  readonly handshake: HandshakeMode;
  readonly expect: { readonly case: string; readonly check: string };
}

const BOTH: readonly PartyRole[] = ['cpo', 'emsp'];

function fault(name: string, description: string, handshake: HandshakeMode, expectCase: string, check: string): Fault {
  return Object.freeze({ name, description, roles: BOTH, handshake, expect: Object.freeze({ case: expectCase, check }) });
}

/** Every fault the reference parties know, in the order `--list-faults` prints them. */
export const FAULTS: readonly Fault[] = Object.freeze([
  fault('versions-html-page', 'the versions endpoint serves an HTML page instead of JSON', 'register', 'VER-01', 'envelope.json-body'),
  fault('versions-empty-list', 'the versions list is empty', 'register', 'VER-01', 'schema.response'),
  fault('versions-no-timestamp', 'the versions response envelope has no timestamp', 'register', 'VER-01', 'schema.envelope'),
  fault('versions-status-2000', 'the versions list comes with status_code 2000', 'register', 'VER-01', 'envelope.status-code'),
  fault('versions-without-2.2.1', 'the versions list offers only OCPI 2.1.1', 'register', 'VER-01', 'versions.mutual-version'),
  fault('details-server-error', 'the version details endpoint answers HTTP 500', 'register', 'VER-02', 'http.status'),
  fault('details-wrong-version', 'the version details name another version than the one listed', 'register', 'VER-02', 'versions.details-version'),
  fault('details-no-role', 'an endpoint in the version details has no role', 'register', 'VER-02', 'schema.response'),
  fault('details-no-credentials', 'the version details do not list the credentials module', 'register', 'VER-02', 'versions.credentials-endpoint'),
  fault('no-request-id-echo', 'responses do not echo X-Request-ID', 'register', 'VER-03', 'headers.request-id-echoed'),
  fault('no-correlation-id-echo', 'responses do not echo X-Correlation-ID', 'register', 'VER-03', 'headers.correlation-id-echoed'),
  fault('accepts-unknown-token', 'an unknown credentials token is accepted on the versions endpoint', 'register', 'VER-04', 'auth.unknown-token-refused'),
  fault('accepts-missing-token', 'a request without Authorization header is accepted on the versions endpoint', 'register', 'VER-05', 'auth.missing-token-refused'),
  fault('registration-ignores-callback-failure', 'registration succeeds although the GETs back to the registering party fail', 'register', 'CRED-01', 'credentials.callback-failure-3001'),
  fault('registration-skips-callbacks', 'registration answers without GETting the registering party\'s versions and details', 'register', 'CRED-02', 'credentials.callbacks-with-token-b'),
  fault('registration-callbacks-with-token-a', 'the GETs back during registration use Token A instead of Token B', 'register', 'CRED-02', 'credentials.callbacks-with-token-b'),
  fault('registration-returns-token-a', 'registration returns Token A as Token C', 'register', 'CRED-02', 'credentials.token-c-new'),
  fault('registration-response-no-roles', 'the credentials returned by registration have no roles', 'register', 'CRED-02', 'schema.response'),
  fault('credentials-get-stale-token', 'GET credentials returns Token A instead of the current token', 'register', 'CRED-03', 'credentials.get-current-token'),
  fault('second-post-accepted', 'a second registration by a registered party is answered with success', 'register', 'CRED-04', 'credentials.second-post-refused'),
  fault('rotation-keeps-old-token', 'after a PUT the previous token still works', 'register', 'CRED-05', 'auth.old-token-refused'),
  fault('rotation-same-token', 'a PUT answers with the token already in use', 'register', 'CRED-05', 'credentials.token-rotated'),
  fault('rotation-returns-unstored-token', 'a PUT answers with a new token that the party does not accept afterwards', 'register', 'CRED-05', 'auth.new-token-accepted'),
  fault('rotation-skips-callbacks', 'a PUT answers without GETting the registering party\'s versions and details again', 'register', 'CRED-05', 'credentials.callbacks-with-token-b'),
  fault('unregister-keeps-token', 'after a DELETE the token still works', 'register', 'CRED-06', 'auth.old-token-refused'),
  fault('unregister-refused', 'a DELETE by the registered party is answered with 405', 'register', 'CRED-06', 'credentials.unregistered'),
  fault('register-without-discovery', 'when it registers, the party POSTs its credentials without GETting versions and details first', 'await', 'CRED-07', 'credentials.sender-discovered'),
  fault('register-token-b-equals-a', 'when it registers, the party sends Token A back as its Token B', 'await', 'CRED-07', 'credentials.token-b-new'),
  fault('register-raw-authorization', 'when it registers, the party sends its token raw instead of Base64-encoded', 'await', 'CRED-07', 'auth.token-base64-encoded'),
  fault('register-invalid-credentials', 'when it registers, the party sends credentials with an empty roles list', 'await', 'CRED-07', 'schema.request'),
  fault('register-refuses-own-token-b', 'when it registers, the party refuses its own Token B when the tester GETs its versions back', 'await', 'CRED-07', 'credentials.registration-completed'),
  fault('credentials-get-no-url', 'GET credentials returns credentials without url', 'none', 'CRED-08', 'schema.response'),
]);

/** The fault of that name, or undefined. */
export function findFault(name: string): Fault | undefined {
  return FAULTS.find((candidate) => candidate.name === name);
}
