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

function fault(name: string, description: string, handshake: HandshakeMode, expectCase: string, check: string, roles: readonly PartyRole[] = BOTH): Fault {
  return Object.freeze({ name, description, roles, handshake, expect: Object.freeze({ case: expectCase, check }) });
}

/** A fault of the reference CPO's functional modules, seen in a run with the default handshake. */
function cpoFault(name: string, description: string, expectCase: string, check: string): Fault {
  return fault(name, description, 'register', expectCase, check, ['cpo']);
}

/** A fault of the reference eMSP's functional modules, seen in a run with the default handshake. */
function emspFault(name: string, description: string, expectCase: string, check: string): Fault {
  return fault(name, description, 'register', expectCase, check, ['emsp']);
}

/** A fault of what both reference parties' functional modules share (authorization, request bodies). */
function moduleFault(name: string, description: string, expectCase: string, check: string): Fault {
  return fault(name, description, 'register', expectCase, check, BOTH);
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
  fault('no-request-id-echo', 'responses of the versions and credentials endpoints do not echo X-Request-ID', 'register', 'VER-03', 'headers.request-id-echoed'),
  fault('no-correlation-id-echo', 'responses of the versions and credentials endpoints do not echo X-Correlation-ID', 'register', 'VER-03', 'headers.correlation-id-echoed'),
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
  moduleFault('modules-accept-missing-token', 'the functional modules answer requests without Authorization header', 'AUTH-01', 'auth.missing-token-refused'),
  moduleFault('modules-accept-unknown-token', 'the functional modules accept a token they never issued', 'AUTH-02', 'auth.unknown-token-refused'),
  moduleFault('modules-accept-token-a', 'the functional modules accept Token A after the registration', 'AUTH-03', 'auth.token-a-refused'),
  moduleFault('modules-accept-malformed-json', 'the functional modules answer a body that is not JSON with success', 'AUTH-04', 'transport.malformed-json-refused'),
  cpoFault('locations-invalid-object', 'the last Location in the list has no address', 'LOC-01', 'schema.response'),
  cpoFault('locations-duplicate-across-pages', 'each page of Locations after the first repeats the last object of the page before', 'LOC-01', 'pagination.no-duplicates'),
  cpoFault('locations-page-exceeds-x-limit', 'unlimited Location pages hold one object more than their X-Limit says', 'LOC-01', 'pagination.page-size'),
  cpoFault('locations-link-drops-filters', 'the next Link of the Locations list drops date_from and date_to', 'LOC-03', 'pagination.link-keeps-filters'),
  cpoFault('location-detail-differs', 'an EVSE fetched on its own has another status than in the list, with the same last_updated', 'LOC-04', 'locations.object-matches-list'),
  cpoFault('unknown-location-200', 'an unknown Location id is answered with HTTP 200 (and status_code 2003)', 'LOC-05', 'http.unknown-object-404'),
  cpoFault('tariffs-no-total-count', 'Tariff pages carry no X-Total-Count', 'TAR-01', 'pagination.total-count'),
  cpoFault('tariffs-date-from-exclusive', 'the Tariffs list treats date_from as exclusive', 'TAR-02', 'pagination.date-filter'),
  cpoFault('tariffs-ignore-limit', 'the Tariffs list ignores the limit the client asks for', 'TAR-03', 'pagination.limit-honoured'),
  cpoFault('sessions-no-x-limit', 'Session pages carry no X-Limit', 'SES-01', 'pagination.limit-header'),
  cpoFault('sessions-skip-objects', 'the next Link of the Sessions list skips one object', 'SES-01', 'pagination.complete'),
  cpoFault('cdrs-no-link', 'CDR pages carry no Link to the next page', 'CDR-01', 'pagination.link-next'),
  cpoFault('cdrs-link-loop', 'the last page of CDRs links back to the first', 'CDR-01', 'pagination.terminates'),
  cpoFault('cdrs-no-routing-headers', 'responses of the CDRs module carry no OCPI-from/OCPI-to headers', 'CDR-01', 'headers.routing'),
  cpoFault('token-put-drops-field', 'a pushed Token is stored without its visual_number', 'TOK-01', 'tokens.stored-as-put'),
  cpoFault('token-patch-ignored', 'a Token PATCH is answered with success but not applied', 'TOK-02', 'tokens.patch-applied'),
  cpoFault('token-patch-without-last-updated-accepted', 'a Token PATCH without last_updated is accepted', 'TOK-03', 'tokens.patch-needs-last-updated'),
  cpoFault('token-url-body-mismatch-accepted', 'a Token whose body names another party than its URL is accepted', 'TOK-04', 'tokens.url-matches-body'),
  cpoFault('unknown-token-200', 'an unknown Token is answered with HTTP 200 (and status_code 2004)', 'TOK-05', 'http.unknown-object-404'),
  cpoFault('unknown-location-accepted', 'a START_SESSION on an unknown Location is ACCEPTED', 'CMD-06', 'commands.unknown-location-rejected'),
  cpoFault('reserve-result-invalid', 'the RESERVE_NOW result is not a valid CommandResult', 'CMD-03', 'schema.request'),
  cpoFault('cancel-reservation-response-invalid', 'the CANCEL_RESERVATION CommandResponse has no timeout', 'CMD-04', 'schema.response'),
  cpoFault('start-session-no-session', 'a START_SESSION is ACCEPTED but no session starts', 'CMD-01', 'commands.session-started'),
  cpoFault('stop-session-keeps-active', 'a STOP_SESSION is ACCEPTED but the session stays ACTIVE', 'CMD-02', 'commands.session-stopped'),
  cpoFault('unlock-result-never-sent', 'the UNLOCK_CONNECTOR result is never POSTed', 'CMD-05', 'async.result-received'),
  cpoFault('set-profile-result-never-sent', 'the result of setting a charging profile is never POSTed', 'CPR-01', 'async.result-received'),
  cpoFault('active-profile-result-invalid', 'the active charging profile result lacks charging_rate_unit', 'CPR-02', 'schema.request'),
  cpoFault('clear-profile-response-invalid', 'the response to clearing a charging profile has result DONE', 'CPR-03', 'schema.response'),
  cpoFault('unknown-session-accepted', 'a charging profile for an unknown session is ACCEPTED', 'CPR-04', 'chargingprofiles.unknown-session'),
  emspFault('location-put-drops-field', 'a pushed Location is stored without the max_electric_power of its connectors', 'LOC-PUSH-01', 'locations.stored-as-put'),
  emspFault('location-patch-ignored', 'a Location PATCH is answered with success but not applied', 'LOC-PUSH-02', 'locations.patch-applied'),
  emspFault('evse-patch-keeps-location-last-updated', 'an EVSE PATCH leaves the Location\'s last_updated as it was', 'LOC-PUSH-03', 'locations.parents-updated'),
  emspFault('connector-patch-ignored', 'a Connector PATCH is answered with success but not applied', 'LOC-PUSH-04', 'locations.patch-applied'),
  emspFault('location-patch-without-last-updated-accepted', 'a Location PATCH without last_updated is accepted', 'LOC-PUSH-05', 'locations.patch-needs-last-updated'),
  emspFault('location-url-body-mismatch-accepted', 'a Location whose party_id differs from its URL is accepted', 'LOC-PUSH-06', 'locations.url-matches-body'),
  emspFault('removed-evse-deleted', 'an EVSE set to REMOVED is deleted instead of kept with its status', 'LOC-PUSH-07', 'locations.evse-removed'),
  emspFault('tariff-put-drops-field', 'a pushed Tariff is stored without its tariff_alt_text', 'TAR-PUSH-01', 'tariffs.stored-as-put'),
  emspFault('tariff-delete-ignored', 'a Tariff DELETE is answered with success but the Tariff stays', 'TAR-PUSH-02', 'tariffs.deleted'),
  emspFault('session-put-drops-field', 'a pushed Session is stored without its meter_id', 'SES-PUSH-01', 'sessions.stored-as-put'),
  emspFault('session-patch-replaces-periods', 'a Session PATCH with charging_periods replaces the stored periods instead of adding to them', 'SES-PUSH-02', 'sessions.charging-periods-appended'),
  emspFault('cdr-post-no-location-header', 'a POSTed CDR is answered without a Location header', 'CDR-PUSH-01', 'cdrs.location-header'),
  emspFault('cdr-stored-without-field', 'a POSTed CDR is stored without its remark', 'CDR-PUSH-01', 'cdrs.stored-as-posted'),
  emspFault('credit-cdr-refused', 'a credit CDR is refused with status_code 2001', 'CDR-PUSH-02', 'cdrs.credit-accepted'),
  emspFault('tokens-list-invalid-object', 'the last Token in the list has no contract_id', 'TOK-PULL-01', 'schema.response'),
  emspFault('tokens-date-to-inclusive', 'the Tokens list treats date_to as inclusive', 'TOK-PULL-02', 'pagination.date-filter'),
  emspFault('tokens-link-drops-filters', 'the next Link of the Tokens list drops date_from and date_to', 'TOK-PULL-03', 'pagination.link-keeps-filters'),
  emspFault('authorize-valid-token-not-allowed', 'real-time authorization at a Location answers NOT_ALLOWED for a valid token', 'TOK-AUTH-01', 'tokens.authorize-allowed'),
  emspFault('authorize-without-location-2001', 'real-time authorization without LocationReferences is answered with status_code 2001', 'TOK-AUTH-02', 'tokens.authorize-without-location'),
  emspFault('authorize-ignores-validity', 'real-time authorization answers ALLOWED for a token that is not valid', 'TOK-AUTH-03', 'tokens.authorize-refused'),
  emspFault('authorize-unknown-token-answered', 'real-time authorization for an unknown token answers HTTP 200, status_code 1000 and NOT_ALLOWED', 'TOK-AUTH-04', 'tokens.authorize-unknown'),
  emspFault('pull-without-routing-headers', 'the eMSP pulls the tester\'s Locations without OCPI-from/OCPI-to headers', 'PEER-01', 'headers.request-routing'),
  emspFault('pull-with-own-token', 'the eMSP pulls the tester\'s Locations with the token it issued (Token C) instead of the one it was given', 'PEER-01', 'peer.request-authorized'),
]);

/** The fault of that name, or undefined. */
export function findFault(name: string): Fault | undefined {
  return FAULTS.find((candidate) => candidate.name === name);
}
