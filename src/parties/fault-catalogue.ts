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
  /** The --deadline a run needs to see the fault (a wait for a result the target promised), when the default 3 s is short. */
  readonly deadlineMs?: number;
  /** Flags a run needs to see the fault, e.g. a crawl bound lower than its default (added after the fault's own). */
  readonly runFlags?: readonly string[];
  /**
   * The case that fails, the check among its failures, and the exact text of that failure (see failure-text.ts);
   * `status: 'warn'` for a fault that a check reports as a warning (the run still passes); `single` for a fault whose
   * one root cause must give exactly one failing finding (the checks that read a payload stay silent without one).
   */
  readonly expect: { readonly case: string; readonly check: string; readonly text: string; readonly status?: 'warn'; readonly single?: boolean };
}

const BOTH: readonly PartyRole[] = ['cpo', 'emsp'];

function fault(name: string, description: string, handshake: HandshakeMode, expectCase: string, check: string, text: string, roles: readonly PartyRole[] = BOTH): Fault {
  return Object.freeze({ name, description, roles, handshake, expect: Object.freeze({ case: expectCase, check, text }) });
}

/** A fault of the reference CPO's functional modules, seen in a run with the default handshake. */
function cpoFault(name: string, description: string, expectCase: string, check: string, text: string): Fault {
  return fault(name, description, 'register', expectCase, check, text, ['cpo']);
}

/** A fault of the reference eMSP's functional modules, seen in a run with the default handshake. */
function emspFault(name: string, description: string, expectCase: string, check: string, text: string): Fault {
  return fault(name, description, 'register', expectCase, check, text, ['emsp']);
}

/**
 * A fault of the reference eMSP that serves one object wrapped in a list: the schema check says so, and no check that
 * reads the object's fields may add a second failure for the same root cause.
 */
function emspRootCauseFault(name: string, description: string, expectCase: string): Fault {
  const base = emspFault(name, description, expectCase, 'schema.response', '/data: {value} is not of type object');
  return Object.freeze({ ...base, expect: Object.freeze({ ...base.expect, single: true }) });
}

/** The same fault, reported as a warning by its check (a rule whose breach may have a legitimate cause). */
function warnsIn(fault: Fault): Fault {
  return Object.freeze({ ...fault, expect: Object.freeze({ ...fault.expect, status: 'warn' as const }) });
}

/** A fault of what both reference parties' functional modules share (authorization, request bodies). */
function moduleFault(name: string, description: string, expectCase: string, check: string, text: string): Fault {
  return fault(name, description, 'register', expectCase, check, text, BOTH);
}

/** Every fault the reference parties know, in the order `--list-faults` prints them. */
export const FAULTS: readonly Fault[] = Object.freeze([
  fault('versions-html-page', 'the versions endpoint serves an HTML page instead of JSON', 'register', 'VER-01', 'envelope.json-body',
    'the response is not JSON (text/html, a body starting "<!DOCTYPE html><html><body><h1>Welcome</") from GET {url}'),
  fault('versions-empty-list', 'the versions list is empty', 'register', 'VER-01', 'schema.response',
    '/data: list has 0 items; at least 1 required'),
  fault('versions-no-timestamp', 'the versions response envelope has no timestamp', 'register', 'VER-01', 'schema.envelope',
    '/timestamp: required field "timestamp" is missing'),
  fault('versions-status-2000', 'the versions list comes with status_code 2000', 'register', 'VER-01', 'envelope.status-code',
    'expected status_code 1000, got 2000'),
  fault('versions-without-2.2.1', 'the versions list offers only OCPI 2.1.1', 'register', 'VER-01', 'versions.mutual-version',
    'the versions list does not offer OCPI 2.2.1 with a url (offered: 2.1.1)'),
  fault('details-server-error', 'the version details endpoint answers HTTP 500', 'register', 'VER-02', 'http.status',
    'expected HTTP 200, got 500 from GET {url}'),
  Object.freeze({
    name: 'details-redirect',
    description: 'the versions list names an old version details URL that answers 307 to the current one',
    roles: BOTH,
    handshake: 'register',
    expect: Object.freeze({ case: 'VER-02', check: 'http.redirected', status: 'warn', text: 'GET {url} was redirected (307 to {location}): the tester followed it on the same origin, with its token; a partner may not, so use and declare the URLs the target answers' }),
  }),
  fault('details-wrong-version', 'the version details name another version than the one listed', 'register', 'VER-02', 'versions.details-version',
    'the version details say version "2.2", but the versions list gave this URL for 2.2.1'),
  fault('details-no-role', 'an endpoint in the version details has no role', 'register', 'VER-02', 'schema.response',
    '/data/endpoints/0/role: required field "role" is missing'),
  fault('details-no-credentials', 'the version details do not list the credentials module', 'register', 'VER-02', 'versions.credentials-endpoint',
    'the version details do not declare the credentials module (declared: {declared})'),
  fault('no-request-id-echo', 'responses of the versions and credentials endpoints do not echo X-Request-ID', 'register', 'VER-03', 'headers.request-id-echoed',
    'the response has no X-Request-ID: every response must carry the request\'s X-Request-ID'),
  fault('no-correlation-id-echo', 'responses of the versions and credentials endpoints do not echo X-Correlation-ID', 'register', 'VER-03', 'headers.correlation-id-echoed',
    'the response has no X-Correlation-ID: every response must carry the request\'s X-Correlation-ID'),
  fault('accepts-unknown-token', 'an unknown credentials token is accepted on the versions endpoint', 'register', 'VER-04', 'auth.unknown-token-refused',
    'expected HTTP 401, got 200 from GET {url}: a token the target never issued must be refused'),
  fault('accepts-missing-token', 'a request without Authorization header is accepted on the versions endpoint', 'register', 'VER-05', 'auth.missing-token-refused',
    'expected HTTP 401, got 200 from GET {url}: a request without credentials must be refused'),
  fault('registration-ignores-callback-failure', 'registration succeeds although the GETs back to the registering party fail', 'register', 'CRED-01', 'credentials.callback-failure-3001',
    'expected status_code 3001, got 1000: our versions endpoint failed, so the target cannot have our endpoints'),
  fault('registration-skips-callbacks', 'registration answers without GETting the registering party\'s versions and details', 'register', 'CRED-02', 'credentials.callbacks-with-token-b',
    'while handling the POST, the target must GET our versions and version details with Token B; missing: GET /ocpi/versions, GET /ocpi/2.2.1; it made no request to the tester'),
  fault('registration-callbacks-with-token-a', 'the GETs back during registration use Token A instead of Token B', 'register', 'CRED-02', 'credentials.callbacks-with-token-b',
    'while handling the POST, the target must GET our versions and version details with Token B; missing: GET /ocpi/versions, GET /ocpi/2.2.1; it made: GET /ocpi/versions (unknown, HTTP 401)'),
  fault('registration-returns-token-a', 'registration returns Token A as Token C', 'register', 'CRED-02', 'credentials.token-c-new',
    'Token C is the same as Token A: a new token must be issued'),
  fault('registration-response-no-roles', 'the credentials returned by registration have no roles', 'register', 'CRED-02', 'schema.response',
    '/data/roles: required field "roles" is missing'),
  fault('credentials-get-stale-token', 'GET credentials returns Token A instead of the current token', 'register', 'CRED-03', 'credentials.get-current-token',
    'the token in the returned credentials is not the current token'),
  fault('second-post-reregisters', 'a second registration by a registered party registers it anew: a new token, and the one in use revoked', 'register', 'CRED-04', 'credentials.second-post-refused',
    'expected HTTP 405, got 200 from POST {url}: the tester is already registered'),
  fault('second-post-accepted', 'a second registration by a registered party is answered with success', 'register', 'CRED-04', 'credentials.second-post-refused',
    'expected HTTP 405, got 200 from POST {url}: the tester is already registered'),
  warnsIn(fault('rotation-keeps-old-token', 'after a PUT the previous token still works', 'register', 'CRED-05', 'auth.old-token-refused',
    'expected HTTP 401, got 200 from GET {url}: the token replaced by the PUT should no longer work')),
  fault('rotation-same-token', 'a PUT answers with the token already in use', 'register', 'CRED-05', 'credentials.token-rotated',
    'the token returned by the PUT is the same as the token in use: a new token must be issued'),
  fault('rotation-returns-unstored-token', 'a PUT answers with a new token that the party does not accept afterwards', 'register', 'CRED-05', 'auth.new-token-accepted',
    'expected HTTP 200, got 401 from GET {url}: the token returned by the PUT must work'),
  fault('rotation-skips-callbacks', 'a PUT answers without GETting the registering party\'s versions and details again', 'register', 'CRED-05', 'credentials.callbacks-with-token-b',
    'while handling the PUT, the target must GET our versions and version details again with the new token we gave it; missing: GET /ocpi/versions, GET /ocpi/2.2.1; it made no request to the tester'),
  fault('unregister-keeps-token', 'after a DELETE the token still works', 'register', 'CRED-06', 'auth.old-token-refused',
    'expected HTTP 401, got 200 from GET {url}: the token of an unregistered party must no longer work'),
  fault('unregister-refused', 'a DELETE by the registered party is answered with 405', 'register', 'CRED-06', 'credentials.unregistered',
    'expected HTTP 200, got 405 from DELETE {url}: a registered party may unregister'),
  fault('register-without-discovery', 'when it registers, the party POSTs its credentials without GETting versions and details first', 'await', 'CRED-07', 'credentials.sender-discovered',
    'before POSTing its credentials, the target must GET our versions and version details with Token A; missing: GET /ocpi/versions, GET /ocpi/2.2.1; it made no request to the tester'),
  fault('register-token-b-equals-a', 'when it registers, the party sends Token A back as its Token B', 'await', 'CRED-07', 'credentials.token-b-new',
    'Token B is the same as Token A: a new token must be issued'),
  fault('register-raw-authorization', 'when it registers, the party sends its token raw instead of Base64-encoded', 'await', 'CRED-07', 'auth.token-base64-encoded',
    'the Authorization header must carry the token Base64-encoded; 3 request(s) sent it raw: GET /ocpi/versions, GET /ocpi/2.2.1, POST /ocpi/2.2.1/credentials'),
  fault('register-invalid-credentials', 'when it registers, the party sends credentials with an empty roles list', 'await', 'CRED-07', 'schema.request',
    '/roles: list has 0 items; at least 1 required'),
  fault('register-refuses-own-token-b', 'when it registers, the party refuses its own Token B when the tester GETs its versions back', 'await', 'CRED-07', 'credentials.registration-completed',
    'the tester could not complete the registration: unable to use the target\'s API: versions endpoint answered HTTP 401'),
  fault('credentials-get-no-url', 'GET credentials returns credentials without url', 'none', 'CRED-08', 'schema.response',
    '/data/url: required field "url" is missing'),
  moduleFault('modules-accept-missing-token', 'the functional modules answer requests without Authorization header', 'AUTH-01', 'auth.missing-token-refused',
    'expected HTTP 401, got {status} from GET {url}: locations {interface}: a request without credentials must be refused'),
  moduleFault('modules-accept-unknown-token', 'the functional modules accept a token they never issued', 'AUTH-02', 'auth.unknown-token-refused',
    'expected HTTP 401, got {status} from GET {url}: locations {interface}: a token the target never issued must be refused'),
  moduleFault('modules-accept-token-a', 'the functional modules accept Token A after the registration', 'AUTH-03', 'auth.token-a-refused',
    'expected HTTP 401, got {status} from GET {url}: locations {interface}: Token A only opens the versions and credentials modules'),
  moduleFault('modules-accept-malformed-json', 'the functional modules answer a body that is not JSON with success', 'AUTH-04', 'transport.malformed-json-refused',
    '{module} RECEIVER: a body that is not JSON got HTTP 200 with status_code 1000; expected HTTP 400 (or 200 with 2001)'),
  cpoFault('locations-invalid-object', 'the last Location in the list has no address', 'LOC-01', 'schema.response',
    '/data/1/address: required field "address" is missing'),
  cpoFault('locations-duplicate-across-pages', 'each page of Locations after the first repeats the last object of the page before', 'LOC-01', 'pagination.no-duplicates',
    'NL/RCP/LOC0010 was already returned on an earlier page: pages must neither overlap nor repeat objects'),
  cpoFault('locations-page-exceeds-x-limit', 'unlimited Location pages hold one object more than their X-Limit says', 'LOC-01', 'pagination.page-size',
    'the page holds 10 objects, more than its own X-Limit of 9'),
  warnsIn(cpoFault('locations-link-drops-filters', 'the next Link of the Locations list drops date_from and date_to', 'LOC-03', 'pagination.link-keeps-filters',
    'the next Link ({url}) drops or changes date_from: a Link should repeat the filters of the original request')),
  cpoFault('locations-link-other-scheme', 'the next Link of the unfiltered Locations list says https on an http server', 'LOC-01', 'pagination.link-next',
    'the next Link ({url}) points to another origin than the list ({origin}): a Link leads to the next page of the same list, and the tester sends its token nowhere else'),
  cpoFault('location-detail-differs', 'an EVSE fetched on its own has another status than in the list, with the same last_updated', 'LOC-04', 'locations.object-matches-list',
    'EVSE LOC0001-1 differs from the same object in the list, with the same last_updated: a single GET and the list serve one truth'),
  cpoFault('unknown-location-200', 'an unknown Location id is answered with HTTP 200 (and status_code 2003)', 'LOC-05', 'http.unknown-object-404',
    'expected HTTP 404, got 200 from GET {url}: a Location that does not exist is not found (a 2003 status_code may come with the 404)'),
  cpoFault('tariffs-no-total-count', 'Tariff pages carry no X-Total-Count', 'TAR-01', 'pagination.total-count',
    'the page has no X-Total-Count header: every paginated response carries the number of objects matching the request'),
  // The tariffs digest TAR-02 and TAR-03 need comes only from a complete crawl, so they are skipped, not warned.
  Object.freeze({
    ...warnsIn(cpoFault('tariffs-links-never-end', 'every page of Tariffs links to a next one, past the last object, with empty pages', 'TAR-01', 'pagination.crawl-bounded',
      'the crawl stopped at 4 pages (--max-pages 4) with the list going on: the case judged the {objects} objects it saw; raise the bound to crawl further')),
    runFlags: Object.freeze(['--max-pages', '4']),
  }),
  cpoFault('tariffs-date-from-exclusive', 'the Tariffs list treats date_from as exclusive', 'TAR-02', 'pagination.date-filter',
    'NL/RCP/TAR03 (last_updated {last_updated}) is inside date_from={date_from} date_to={date_to} but was not returned (date_from is inclusive)'),
  cpoFault('tariffs-ignore-limit', 'the Tariffs list ignores the limit the client asks for', 'TAR-03', 'pagination.limit-honoured',
    'limit=2 gave 6 objects: a server may return fewer objects than asked for, never more'),
  cpoFault('sessions-no-x-limit', 'Session pages carry no X-Limit', 'SES-01', 'pagination.limit-header',
    'the page has no X-Limit header: every paginated response carries the most objects the server returns per page'),
  cpoFault('sessions-skip-objects', 'the next Link of the Sessions list skips one object', 'SES-01', 'pagination.complete',
    'the crawl received 28 distinct objects but X-Total-Count says 30: objects were skipped between pages'),
  cpoFault('cdrs-no-link', 'CDR pages carry no Link to the next page', 'CDR-01', 'pagination.link-next',
    'the page at {url} has no Link rel="next", but only 10 of 26 objects (X-Total-Count) were received: every page but the last links to the next'),
  cpoFault('cdrs-link-loop', 'the last page of CDRs links back to the first', 'CDR-01', 'pagination.terminates',
    'the crawl would never end: its Link rel="next" points back to {url}, a page already fetched'),
  cpoFault('cdrs-routing-not-mirrored', 'responses of the CDRs module name the CPO itself in OCPI-to instead of the requester', 'CDR-01', 'headers.routing',
    'OCPI-to names NL/RCP, not the requester ZZ/OCT: a response is addressed back to whoever sent the request'),
  cpoFault('token-put-drops-field', 'a pushed Token is stored without its visual_number', 'TOK-01', 'tokens.stored-as-put',
    'the Token read back differs from the one PUT in 1 place: a Receiver stores the object as sent'),
  cpoFault('token-patch-ignored', 'a Token PATCH is answered with success but not applied', 'TOK-02', 'tokens.patch-applied',
    'the Token read back does not have the values the PATCH set'),
  cpoFault('token-patch-without-last-updated-accepted', 'a Token PATCH without last_updated is accepted', 'TOK-03', 'tokens.patch-needs-last-updated',
    'expected status_code 2001, got 1000: a PATCH without last_updated is invalid'),
  cpoFault('token-url-body-mismatch-accepted', 'a Token whose body names another uid than its URL is accepted', 'TOK-04', 'tokens.url-matches-body',
    'expected status_code 2001, got 1000: the body names uid {uid} while the URL names {url_uid}'),
  cpoFault('unknown-token-200', 'an unknown Token is answered with HTTP 200 (and status_code 2004)', 'TOK-05', 'http.unknown-object-404',
    'expected HTTP 404, got 200 from GET {url}: a Token that was never pushed is not found'),
  cpoFault('unknown-location-accepted', 'a START_SESSION on an unknown Location is ACCEPTED', 'CMD-06', 'commands.unknown-location-rejected',
    'answered with status_code 1000 and result ACCEPTED: a command for an unknown Location is answered with 2003 or REJECTED'),
  cpoFault('reserve-result-invalid', 'the RESERVE_NOW result is not a valid CommandResult', 'CMD-03', 'schema.request',
    '/result: "OK" is not a CommandResultType (expected one of ACCEPTED, CANCELED_RESERVATION, EVSE_OCCUPIED, EVSE_INOPERATIVE, FAILED, NOT_SUPPORTED, REJECTED, TIMEOUT, UNKNOWN_RESERVATION)'),
  cpoFault('cancel-reservation-response-invalid', 'the CANCEL_RESERVATION CommandResponse has no timeout', 'CMD-04', 'schema.response',
    '/data/timeout: required field "timeout" is missing'),
  warnsIn(cpoFault('start-session-no-session', 'a START_SESSION is ACCEPTED but no session starts', 'CMD-01', 'commands.session-started',
    'no session with authorization_reference {authorization_reference} or token {uid} appeared in the Sessions list within {ms} ms of an ACCEPTED START_SESSION result; with an EV plugged in, one should')),
  cpoFault('stop-session-keeps-active', 'a STOP_SESSION is ACCEPTED but the session stays ACTIVE', 'CMD-02', 'commands.session-stopped',
    'session {session} did not show status COMPLETED (with a new last_updated) in the Sessions list within {ms} ms of an ACCEPTED STOP_SESSION result'),
  cpoFault('start-session-response-invalid', 'START_SESSION is answered ACCEPTED without timeout, and the session starts', 'CMD-01', 'schema.response',
    '/data/timeout: required field "timeout" is missing'),
  { ...cpoFault('unlock-result-never-sent', 'the UNLOCK_CONNECTOR result is never POSTed', 'CMD-05', 'async.result-received',
    'no CommandResult arrived at the response_url within {ms} ms (the target announced a timeout of 1 s, plus {margin} ms margin)'), deadlineMs: 8000 },
  { ...cpoFault('set-profile-result-never-sent', 'the result of setting a charging profile is never POSTed', 'CPR-01', 'async.result-received',
    'no ChargingProfileResult arrived at the response_url within {ms} ms (the target announced a timeout of 1 s, plus {margin} ms margin)'), deadlineMs: 8000 },
  cpoFault('active-profile-result-invalid', 'the active charging profile result lacks charging_rate_unit', 'CPR-02', 'schema.request',
    '/profile/charging_profile/charging_rate_unit: required field "charging_rate_unit" is missing'),
  cpoFault('clear-profile-response-invalid', 'the response to clearing a charging profile has result DONE', 'CPR-03', 'schema.response',
    '/data/result: "DONE" is not a ChargingProfileResponseType (expected one of ACCEPTED, NOT_SUPPORTED, REJECTED, TOO_OFTEN, UNKNOWN_SESSION)'),
  cpoFault('unknown-session-accepted', 'a charging profile for an unknown session is ACCEPTED', 'CPR-04', 'chargingprofiles.unknown-session',
    'result ACCEPTED: a request for a session the CPO does not know is answered with UNKNOWN_SESSION'),
  moduleFault('revokes-token-mid-run', 'the credentials token stops working after eight requests to functional modules, though the tester neither changed nor deleted it', 'CRED-09', 'auth.session-token-accepted',
    'the target stopped accepting the credentials token during {case} ({request} answered 401; it had accepted it until then, last in {last}): a token stays valid until the credentials are updated or deleted; the cases that needed it were skipped'),
  emspFault('location-put-drops-field', 'a pushed Location is stored without the max_electric_power of its connectors', 'LOC-PUSH-01', 'locations.stored-as-put',
    'the Location read back differs from the one PUT in {places}: a Receiver stores the object as sent'),
  emspFault('location-patch-ignored', 'a Location PATCH is answered with success but not applied', 'LOC-PUSH-02', 'locations.patch-applied',
    'the Location read back does not have the values the PATCH set'),
  emspFault('evse-patch-keeps-location-last-updated', 'an EVSE PATCH leaves the Location\'s last_updated as it was', 'LOC-PUSH-03', 'locations.parents-updated',
    'the Location read back does not carry the PATCH\'s last_updated: a Receiver sets it on the parents of a patched EVSE or Connector'),
  emspFault('connector-patch-ignored', 'a Connector PATCH is answered with success but not applied', 'LOC-PUSH-04', 'locations.patch-applied',
    'the Connector read back does not have the values the PATCH set'),
  emspRootCauseFault('connector-get-wrapped-in-list', 'a Connector is served wrapped in a list ([connector]) instead of as the object', 'LOC-PUSH-04'),
  emspFault('location-patch-without-last-updated-accepted', 'a Location PATCH without last_updated is accepted', 'LOC-PUSH-05', 'locations.patch-needs-last-updated',
    'expected status_code 2001, got 1000: a PATCH without last_updated is invalid'),
  emspFault('location-url-body-mismatch-accepted', 'a Location whose id differs from its URL is accepted', 'LOC-PUSH-06', 'locations.url-matches-body',
    'expected status_code 2001, got 1000: the body names id {id} while the URL names {url_id}'),
  emspFault('removed-evse-deleted', 'an EVSE set to REMOVED is deleted instead of kept with its status', 'LOC-PUSH-07', 'locations.evse-removed',
    'the EVSE set to REMOVED is answered with HTTP 404: an EVSE is never deleted, REMOVED is a status it keeps'),
  emspFault('tariff-put-drops-field', 'a pushed Tariff is stored without its tariff_alt_text', 'TAR-PUSH-01', 'tariffs.stored-as-put',
    'the Tariff read back differs from the one PUT in 1 place: a Receiver stores the object as sent'),
  emspFault('tariff-delete-ignored', 'a Tariff DELETE is answered with success but the Tariff stays', 'TAR-PUSH-02', 'tariffs.deleted',
    'the eMSP still serves the Tariff after answering its DELETE with success'),
  emspFault('session-put-drops-field', 'a pushed Session is stored without its meter_id', 'SES-PUSH-01', 'sessions.stored-as-put',
    'the Session read back differs from the one PUT in 1 place: a Receiver stores the object as sent'),
  emspFault('session-patch-replaces-periods', 'a Session PATCH with charging_periods replaces the stored periods instead of adding to them', 'SES-PUSH-02', 'sessions.charging-periods-appended',
    'the Session read back has 1 charging periods instead of the one PUT followed by the one PATCHed: a PATCH adds its charging_periods to the stored list'),
  emspFault('cdr-post-no-location-header', 'a POSTed CDR is answered without a Location header', 'CDR-PUSH-01', 'cdrs.location-header',
    'the response has no Location header: the eMSP answers a POSTed CDR with the URL where the CPO can GET it'),
  emspFault('cdr-stored-without-field', 'a POSTed CDR is stored without its remark', 'CDR-PUSH-01', 'cdrs.stored-as-posted',
    'the CDR read back differs from the one POSTed in 1 place: a Receiver stores the object as sent'),
  emspFault('credit-cdr-refused', 'a credit CDR is refused with status_code 2001', 'CDR-PUSH-02', 'cdrs.credit-accepted',
    'the eMSP refused the credit CDR {credit_cdr} for CDR {cdr}: a credit CDR is a CDR like any other'),
  emspFault('tokens-list-invalid-object', 'the last Token in the list has no contract_id', 'TOK-PULL-01', 'schema.response',
    '/data/4/contract_id: required field "contract_id" is missing'),
  emspFault('tokens-date-to-inclusive', 'the Tokens list treats date_to as inclusive', 'TOK-PULL-02', 'pagination.date-filter',
    'NL/REM/32F15351F6FFE1/RFID (last_updated {last_updated}) is outside date_from={date_from} date_to={date_to} (date_to is exclusive)'),
  warnsIn(emspFault('tokens-link-drops-filters', 'the next Link of the Tokens list drops date_from and date_to', 'TOK-PULL-03', 'pagination.link-keeps-filters',
    'the next Link ({url}) drops or changes date_from: a Link should repeat the filters of the original request')),
  warnsIn(emspFault('authorize-valid-token-not-allowed', 'real-time authorization at a Location answers NOT_ALLOWED for a valid token', 'TOK-AUTH-01', 'tokens.authorize-allowed',
    'expected allowed to be ALLOWED, got "NOT_ALLOWED": the token is valid in the eMSP\'s own Tokens list (an eMSP may still refuse it at a Location or for credit, hence a warning)')),
  emspFault('authorize-without-location-2001', 'real-time authorization without LocationReferences is answered with status_code 2001', 'TOK-AUTH-02', 'tokens.authorize-without-location',
    'expected status_code 1000 or 2002, got 2001 ("LocationReferences are missing"): LocationReferences are optional: the eMSP decides on the token alone, or answers 2002 when it needs a Location'),
  emspRootCauseFault('authorize-info-wrapped-in-list', 'real-time authorization answers with the AuthorizationInfo wrapped in a list', 'TOK-AUTH-01'),
  emspFault('authorize-ignores-validity', 'real-time authorization answers ALLOWED for a token that is not valid', 'TOK-AUTH-03', 'tokens.authorize-refused',
    'expected allowed to be other than ALLOWED, got "ALLOWED": the token is valid: false in the eMSP\'s own Tokens list'),
  emspFault('authorize-unknown-token-answered', 'real-time authorization for an unknown token answers HTTP 200, status_code 1000 and NOT_ALLOWED', 'TOK-AUTH-04', 'tokens.authorize-unknown',
    'the unknown token is answered with HTTP 200 instead of 404, status_code 1000 instead of 2004, a data field, where there should be none: an eMSP answers a token it never issued with HTTP 404 and status_code 2004, without data'),
  emspFault('pull-routing-to-itself', 'the eMSP pulls the tester\'s Locations with OCPI-to naming the eMSP itself', 'PEER-01', 'headers.request-routing',
    'OCPI-to names NL/REM, not the tester ZZ/OCT: a request to a party\'s own endpoint is addressed to that party'),
  emspFault('pull-with-own-token', 'the eMSP pulls the tester\'s Locations with the token it issued (Token C) instead of the one it was given', 'PEER-01', 'peer.request-authorized',
    'GET {url} carried a token the tester never gave it and was refused with HTTP 401: the target must call the tester with the token the tester gave it in the credentials exchange'),
]);

/** The fault of that name, or undefined. */
export function findFault(name: string): Fault | undefined {
  return FAULTS.find((candidate) => candidate.name === name);
}
