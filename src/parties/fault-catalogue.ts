import type { HandshakeMode } from '../model/handshake-mode.js';
import type { PartyRole } from '../model/party-role.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';

/** What a fault does to one case: the check that reports it, with the exact text of its finding (see failure-text.ts). */
export interface FaultExpectation {
  readonly case: string;
  readonly check: string;
  readonly text: string;
  /** `warn` for a check that reports the fault as a warning (the case still passes). */
  readonly status?: 'warn';
  /** The fault's one root cause must give exactly one failing finding in this case (checks that read a payload stay silent without one). */
  readonly single?: boolean;
  /** The failure text in a version whose check words it otherwise (`text` in the others). */
  readonly textIn?: { readonly [V in OcpiVersion]?: string };
  /** The versions in which the check reports the fault as a warning only (a rule that version words more weakly, spec-notes X1). */
  readonly warnIn?: readonly OcpiVersion[];
  /** The versions whose rule the fault does not break in this case, though it trips the others there (2.1.1 asks only for a 404). */
  readonly notIn?: readonly OcpiVersion[];
}

/**
 * One named, deliberate deviation from the spec that a reference party can be started with, realistic in its reach (a
 * server that forgets the X-Request-ID echo forgets it everywhere). In a run with the given handshake mode it fails
 * every case it names, with the named check among that case's failures (or warns, for warn expectations), and no other case.
 */
export interface Fault {
  readonly name: string;
  readonly description: string;
  readonly roles: readonly PartyRole[];
  readonly handshake: HandshakeMode;
  /** The --deadline a run needs to see the fault (a wait for a result the target promised), when the default 3 s is short. */
  readonly deadlineMs?: number;
  /** Run settings a run needs to see the fault, as `run` flags (e.g. a crawl bound lower than its default). */
  readonly runFlags?: Readonly<Record<string, number>>;
  /**
   * The fault shows only when the parties negotiate among several versions: its run leaves --ocpi-version out (with
   * --handshake await the embedded party then offers every version it speaks and picks one), once, not per version.
   */
  readonly negotiated?: boolean;
  /**
   * The fault shows only when the whole catalogue runs (it counts requests across every module), so the fault loop
   * never narrows its run to the modules it names.
   */
  readonly wholeRun?: boolean;
  /** Every case the fault trips, at least one; a case may appear once per check it trips. */
  readonly expects: readonly FaultExpectation[];
  /**
   * The OCPI versions in which it trips what it names, when not every version its cases cover: a fault whose check is
   * not made in a version, or judges the opposite there (2.1.1 sends tokens raw, names no interface roles, has flat
   * credentials), leaves that version out. Absent: every version each named case covers.
   */
  readonly versions?: readonly OcpiVersion[];
}

// A Location the CPO pushes when triggered (IN-LOC-01) carries the DateTimes it writes.
const PUSHED_OBJECT_DATETIME_TEXT = '{path} is not a valid DateTime {rest}';
const BOTH: readonly PartyRole[] = ['cpo', 'emsp'];

function fault(name: string, description: string, handshake: HandshakeMode, expectCase: string, check: string, text: string, roles: readonly PartyRole[] = BOTH): Fault {
  return Object.freeze({ name, description, roles, handshake, expects: Object.freeze([Object.freeze({ case: expectCase, check, text })]) });
}

/** A fault of the reference CPO's functional modules, seen in a run with the default handshake. */
function cpoFault(name: string, description: string, expectCase: string, check: string, text: string): Fault {
  return fault(name, description, 'register', expectCase, check, text, ['cpo']);
}

/** A fault of the reference PTP's Payments Sender (OCPI 2.3.0 only), seen in a run with the default handshake. */
function ptpFault(name: string, description: string, expectCase: string, check: string, text: string): Fault {
  return fault(name, description, 'register', expectCase, check, text, ['ptp']);
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
  return single(emspFault(name, description, expectCase, 'schema.response', '/data: {value} is not of type object'));
}

/** The same fault, reported as a warning by its check (a rule whose breach may have a legitimate cause). */
function warnsIn(fault: Fault): Fault {
  return Object.freeze({ ...fault, expects: Object.freeze(fault.expects.map((e) => Object.freeze({ ...e, status: 'warn' as const }))) });
}

/** The same fault, tripping what it names only in these versions (its check is not made, or judges otherwise, in the others). */
function onlyIn(versions: readonly OcpiVersion[], fault: Fault): Fault {
  return Object.freeze({ ...fault, versions: Object.freeze([...versions]) });
}

/** The same fault, each expectation of it a warning in these versions (a rule that version states only in a diagram, X1). */
function warnsOnlyIn(versions: readonly OcpiVersion[], fault: Fault): Fault {
  return Object.freeze({ ...fault, expects: Object.freeze(fault.expects.map((e) => Object.freeze({ ...e, warnIn: Object.freeze([...versions]) }))) });
}

/** The same fault, each expectation's text changed in `version` (a check whose words name that version's rule). */
function textIn(version: OcpiVersion, fault: Fault, change: (text: string) => string): Fault {
  return Object.freeze({ ...fault, expects: Object.freeze(fault.expects.map((e) => Object.freeze({ ...e, textIn: Object.freeze({ ...e.textIn, [version]: change(e.text) }) }))) });
}

/** The same fault, which does not trip `caseId` in these versions (their rule allows what it does there). */
function notInCase(caseId: string, versions: readonly OcpiVersion[], fault: Fault): Fault {
  return Object.freeze({ ...fault, expects: Object.freeze(fault.expects.map((e) => (e.case === caseId ? Object.freeze({ ...e, notIn: Object.freeze([...versions]) }) : e))) });
}

// The 2.1.1 result of a command is a second CommandResponse, whose type has five values.
const RESPONSE_TYPE_211 = 'is not a CommandResponseType (expected one of NOT_SUPPORTED, REJECTED, ACCEPTED, TIMEOUT, UNKNOWN_SESSION)';
/** A result-type failure text as 2.1.1 words it: the value checked against CommandResponseType. */
const asResponseType211 = (text: string): string => text.replace(/is not a CommandResultType \(expected one of [A-Z_, ]+\)/, RESPONSE_TYPE_211);
/** A result failure text as 2.1.1 words it: the result is a CommandResponse, and no timeout was announced. */
const asResult211 = (text: string): string => text
  .replace('a CommandResult POSTed', 'a CommandResponse POSTed')
  .replace(/^no CommandResult arrived at the response_url within \{ms\} ms .*$/, 'no CommandResponse arrived at the response_url within {ms} ms; OCPI 2.1.1 sets no timeout, but a result of an ACCEPTED request is expected to follow');

/** Versions whose messages carry the token Base64-encoded, interface roles and credentials roles: 2.2 on. */
const FROM_22: readonly OcpiVersion[] = ['2.2.1', '2.3.0'];

/**
 * The same fault, seen in a run where the parties negotiate the version (see Fault.negotiated), with a deadline that
 * leaves a loaded machine time for the registration the whole run depends on.
 */
function negotiated(fault: Fault): Fault {
  return Object.freeze({ ...fault, negotiated: true, deadlineMs: 6000 });
}

/** The same fault, whose one root cause gives exactly one failing finding in each case it names. */
function single(fault: Fault): Fault {
  return Object.freeze({ ...fault, expects: Object.freeze(fault.expects.map((e) => Object.freeze({ ...e, single: true }))) });
}

/** The same fault, which the rules of these versions allow (e.g. either date edge in 2.1.1): it trips only in the others. */
function conformantIn(fault: Fault, ...versions: readonly OcpiVersion[]): Fault {
  return onlyIn(OCPI_VERSIONS.filter((version) => !versions.includes(version)), fault);
}

/** The same fault, which also trips these cases (a realistic fault reaches every case that meets what it breaks). */
function alsoIn(fault: Fault, ...more: readonly FaultExpectation[]): Fault {
  return Object.freeze({ ...fault, expects: Object.freeze([...fault.expects, ...more.map((e) => Object.freeze({ ...e }))]) });
}

/** One expectation per case: the same check and text in each of them. */
function inEach(cases: readonly string[], check: string, text: string, status?: 'warn'): FaultExpectation[] {
  return cases.map((c) => Object.freeze(status ? { case: c, check, text, status } : { case: c, check, text }));
}

/**
 * A fault as wide as the code it breaks (a paging helper, a serializer, the client that posts results): the same check
 * and text in each case named, plus any other expectations; each party runs the cases of its role.
 */
function wideFault(name: string, description: string, check: string, text: string, cases: readonly string[],
  { roles = BOTH, more = [] }: { roles?: readonly PartyRole[]; more?: readonly FaultExpectation[] } = {}): Fault {
  const [first, ...rest] = cases;
  return alsoIn(fault(name, description, 'register', first as string, check, text, roles), ...inEach(rest, check, text), ...more);
}

/** A fault of what both reference parties' functional modules share (authorization, request bodies). */
function moduleFault(name: string, description: string, expectCase: string, check: string, text: string): Fault {
  return fault(name, description, 'register', expectCase, check, text, BOTH);
}

/** The cases that crawl a whole list (of each party), those whose list has more than one page, and the date-filter cases. */
const CRAWLS = ['LOC-01', 'TAR-01', 'SES-01', 'CDR-01', 'TOK-PULL-01'];
const MULTI_PAGE_CRAWLS = CRAWLS.filter((c) => c !== 'TAR-01');
const DATE_FILTER_CASES = ['LOC-02', 'TAR-02', 'SES-02', 'CDR-02', 'TOK-PULL-02'];

/** The cases of a default run against either party that judge the envelopes of the target's answers. */
const CONNECT_CASES = ['VER-01', 'VER-02', 'CRED-02', 'CRED-03', 'CRED-05'];
const CPO_ENVELOPE_CASES = ['LOC-01', 'LOC-02', 'LOC-03', 'LOC-04', 'TAR-01', 'TAR-02', 'TAR-03', 'SES-01', 'SES-02', 'SES-03', 'CDR-01', 'CDR-02', 'CDR-03',
  'TOK-01', 'TOK-02', 'CMD-01', 'CMD-02', 'CMD-03', 'CMD-04', 'CMD-05', 'CPR-01', 'CPR-02', 'CPR-03', 'PAY-01', 'PAY-02'];
const EMSP_ENVELOPE_CASES = ['TOK-PULL-01', 'TOK-PULL-02', 'TOK-PULL-03', 'LOC-PUSH-01', 'LOC-PUSH-02', 'LOC-PUSH-03', 'LOC-PUSH-04', 'TAR-PUSH-01', 'TAR-PUSH-02',
  'SES-PUSH-01', 'SES-PUSH-02', 'CDR-PUSH-01', 'CDR-PUSH-02', 'TOK-AUTH-01', 'TOK-AUTH-02', 'TOK-AUTH-03'];
/** The Hub Client Info cases (2.2.1, 2.3.0), which both parties run: their envelopes are judged like the rest. */
const HUB_CLIENT_INFO_CASES = ['HCI-01', 'HCI-02'];
const DATETIME_RULE = '(UTC date and time such as 2015-06-29T20:39:09Z or 2015-06-29T20:39:09.123; offsets like +00:00 are not allowed)';
/** How PAY-04 reports the DateTime faults on the CPO's Terminal activation (a request body, 2.3.0). */
const ACTIVATION_DATETIME_TEXT = `/last_updated: {value} is not a valid DateTime ${DATETIME_RULE}`;
const DATETIME_OFFSET_TEXT = `/timestamp: "{date}T{time}+00:00" is not a valid DateTime ${DATETIME_RULE}`;
// 2.1.1 DateTime: whole seconds, Z optional, no offset, at most 25 characters (spec-notes, OCPI 2.1.1 reading 1).
const in211DateTime = (text: string): string => text.replace(DATETIME_RULE, '(UTC date and time such as 2015-06-29T20:39:09Z, at most 25 characters)');
const DATETIME_SPACE_TEXT = `/timestamp: "{date} {time}Z" is not a valid DateTime ${DATETIME_RULE}`;

const RESULT_LOWERCASE_TEXT = '/result: "accepted" is not a CommandResultType (expected one of ACCEPTED, CANCELED_RESERVATION, EVSE_OCCUPIED, EVSE_INOPERATIVE, FAILED, NOT_SUPPORTED, REJECTED, TIMEOUT, UNKNOWN_RESERVATION)';

const RESULT_NEVER_SENT_TEXT = 'no CommandResult arrived at the response_url within {ms} ms (the target announced a timeout of 1 s, plus {margin} ms margin)';

const RESULT_CASES = ['CMD-01', 'CMD-02', 'CMD-03', 'CMD-04', 'CMD-05', 'CPR-01', 'CPR-02', 'CPR-03'];
const RESULT_RAW_TOKEN_TEXT = 'the Authorization header must carry the token Base64-encoded; 1 request(s) sent it raw: POST /ocpi/{version}/results/{kind}/{ref}';
const RESULT_ROUTED_TEXT = 'OCPI-to names NL/RCP, not the tester ZZ/OCT: a request to a party\'s own endpoint is addressed to that party';

/**
 * TOK-06 and LOC-PUSH-08 (2.1.1) make the flow of TOK-02 and LOC-PUSH-02 with a PATCH that has no last_updated: a fault
 * that trips the one trips the other, with the same check and words (in the versions each case covers). TAR-PUSH-03
 * (2.1.1) is the same flow on a Tariff.
 */
const PATCH_TWINS: Readonly<Record<string, string>> = { 'TOK-02': 'TOK-06', 'LOC-PUSH-02': 'LOC-PUSH-08' };

function withPatchTwins(faults: readonly Fault[]): Fault[] {
  return faults.map((fault) => {
    const named = (id: string): boolean => fault.expects.some((other) => other.case === id);
    const twins = fault.expects
      .filter((e) => PATCH_TWINS[e.case] !== undefined && !named(PATCH_TWINS[e.case] as string))
      .map((e) => Object.freeze({ ...e, case: PATCH_TWINS[e.case] as string }));
    // A fault as wide as the Receivers (it names LOC-PUSH-02 and TAR-PUSH-01 alike) also trips TAR-PUSH-03, LOC-PUSH-02's
    // PATCH flow on a Tariff, with LOC-PUSH-02's check and words.
    const tariffPatch = named('TAR-PUSH-01') && !named('TAR-PUSH-03') ? fault.expects.filter((e) => e.case === 'LOC-PUSH-02').map((e) => Object.freeze({ ...e, case: 'TAR-PUSH-03' })) : [];
    if (twins.length + tariffPatch.length === 0) return fault;
    return Object.freeze({ ...fault, expects: Object.freeze([...fault.expects, ...twins, ...tariffPatch]) });
  });
}

/** Every fault the reference parties know, in the order `--list-faults` prints them. */
export const FAULTS: readonly Fault[] = Object.freeze(withPatchTwins([
  fault('versions-html-page', 'the versions endpoint serves an HTML page instead of JSON', 'register', 'VER-01', 'envelope.json-body',
    'the response is not JSON (text/html, a body starting "<!DOCTYPE html><html><body><h1>Welcome</") from GET {url}'),
  fault('versions-empty-list', 'the versions list is empty', 'register', 'VER-01', 'schema.response',
    '/data: list has 0 items; at least 1 required'),
  fault('versions-no-timestamp', 'the versions response envelope has no timestamp', 'register', 'VER-01', 'schema.envelope',
    '/timestamp: required field "timestamp" is missing'),
  fault('versions-status-2000', 'the versions list comes with status_code 2000', 'register', 'VER-01', 'envelope.status-code',
    'expected status_code 1000, got 2000'),
  // The node out of date offers 2.1.1 alone, or 2.0 when 2.1.1 is the version under test.
  textIn('2.1.1', fault('versions-inconsistent', 'the versions list names the version under test on the first GET only (one node of a cluster out of date)', 'register', 'VER-01', 'versions.mutual-version',
    'the versions list does not offer OCPI {version} with a url (offered: 2.1.1)'), (text) => text.replace('(offered: 2.1.1)', '(offered: 2.0)')),
  fault('details-server-error', 'the version details endpoint answers HTTP 500', 'register', 'VER-02', 'http.status',
    'expected HTTP 200, got 500 from GET {url}'),
  Object.freeze({
    name: 'details-redirect',
    description: 'the versions list names an old version details URL that answers 307 to the current one',
    roles: BOTH,
    handshake: 'register',
    expects: Object.freeze([{ case: 'VER-02', check: 'http.redirected', status: 'warn' as const, text: 'GET {url} was redirected (307 to {location}): the tester followed it on the same origin, with its token; a partner may not, so use and declare the URLs the target answers' }]),
  }),
  fault('details-wrong-version', 'the version details name another version than the one listed', 'register', 'VER-02', 'versions.details-version',
    'the version details say version "2.2", but the versions list gave this URL for {version}'),
  // 2.1.1 endpoints have no role.
  onlyIn(FROM_22, fault('details-no-role', 'an endpoint in the version details has no role', 'register', 'VER-02', 'schema.response',
    '/data/endpoints/0/role: required field "role" is missing')),
  fault('details-no-endpoints', 'the version details list no endpoints', 'register', 'VER-02', 'schema.response',
    '/data/endpoints: list has 0 items; at least 1 required'),
  fault('details-no-credentials', 'the version details do not list the credentials module', 'register', 'VER-02', 'versions.credentials-endpoint',
    'the version details do not declare the credentials module (declared: {declared})'),
  // 2.1.1 has no request ids (X5): its cases neither send nor judge them.
  ...[wideFault('no-request-id-echo', 'no response echoes the X-Request-ID of its request', 'headers.request-id-echoed',
    'the response has no X-Request-ID: every response must carry the request\'s X-Request-ID', ['VER-03', ...CRAWLS]),
  wideFault('no-correlation-id-echo', 'no response echoes the X-Correlation-ID of its request', 'headers.correlation-id-echoed',
    'the response has no X-Correlation-ID: every response must carry the request\'s X-Correlation-ID', ['VER-03', ...CRAWLS])].map((f) => onlyIn(FROM_22, f)),
  fault('accepts-unknown-token', 'an unknown credentials token is accepted on the versions endpoint', 'register', 'VER-04', 'auth.unknown-token-refused',
    'expected HTTP 401, got 200 from GET {url}: a token the target never issued must be refused'),
  fault('accepts-missing-token', 'a request without Authorization header is accepted on the versions endpoint', 'register', 'VER-05', 'auth.missing-token-refused',
    'expected HTTP 401, got 200 from GET {url}: a request without credentials must be refused'),
  fault('registration-ignores-callback-failure', 'registration succeeds although the GETs back to the registering party fail', 'register', 'CRED-01', 'credentials.callback-failure-3001',
    'expected status_code 3001, got 1000: our versions endpoint failed, so the target cannot have our endpoints'),
  fault('registration-skips-callbacks', 'registration answers without GETting the registering party\'s versions and details', 'register', 'CRED-02', 'credentials.callbacks-with-token-b',
    'while handling the POST, the target must GET our versions and version details with Token B; missing: GET /ocpi/versions, GET /ocpi/{version}; it made no request to the tester'),
  fault('registration-callbacks-with-token-a', 'the GETs back during registration use Token A instead of Token B', 'register', 'CRED-02', 'credentials.callbacks-with-token-b',
    'while handling the POST, the target must GET our versions and version details with Token B; missing: GET /ocpi/versions, GET /ocpi/{version}; it made: GET /ocpi/versions (unknown, HTTP 401)'),
  // 2.1.1 sends the token raw (X6): there the fault is the Base64 form.
  onlyIn(FROM_22, fault('registration-callbacks-raw-token', 'the GETs back during registration carry Token B raw instead of Base64-encoded', 'register', 'CRED-02', 'auth.token-base64-encoded',
    'the Authorization header must carry the token Base64-encoded; 2 request(s) sent it raw: GET /ocpi/versions, GET /ocpi/{version}')),
  onlyIn(['2.1.1'], fault('registration-callbacks-base64-token', 'the GETs back during registration carry Token B Base64-encoded, as 2.2 does, instead of as issued', 'register', 'CRED-02', 'auth.token-base64-encoded',
    'in OCPI 2.1.1 the Authorization header carries the token as issued, not Base64-encoded; 2 request(s) encoded it: GET /ocpi/versions, GET /ocpi/{version}')),
  fault('registration-returns-token-a', 'registration returns Token A as Token C', 'register', 'CRED-02', 'credentials.token-c-new',
    'Token C is the same as Token A: a new token must be issued'),
  // 2.1.1 credentials are flat: one party_id and country_code, no roles (X3).
  onlyIn(FROM_22, fault('registration-response-no-roles', 'the credentials returned by registration have no roles', 'register', 'CRED-02', 'schema.response',
    '/data/roles: required field "roles" is missing')),
  onlyIn(['2.1.1'], fault('registration-response-no-party-id', 'the credentials returned by registration have no party_id', 'register', 'CRED-02', 'schema.response',
    '/data/party_id: required field "party_id" is missing')),
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
    'while handling the PUT, the target must GET our versions and version details again with the new token we gave it; missing: GET /ocpi/versions, GET /ocpi/{version}; it made no request to the tester'),
  fault('unregister-keeps-token', 'after a DELETE the token still works', 'register', 'CRED-06', 'auth.old-token-refused',
    'expected HTTP 401, got 200 from GET {url}: the token of an unregistered party must no longer work'),
  fault('unregister-status-2000', 'a DELETE by the registered party unregisters it, but is answered with status_code 2000', 'register', 'CRED-06', 'envelope.status-code',
    'expected status_code 1000, got 2000 ("deleted"): a DELETE that unregistered is answered with success'),
  fault('unregister-refused', 'a DELETE by the registered party is answered with 405', 'register', 'CRED-06', 'credentials.unregistered',
    'expected HTTP 200, got 405 from DELETE {url}: a registered party may unregister'),
  // 2.1.1 shows the discovery and the new Token B only in its registration diagram: warnings there (X1).
  warnsOnlyIn(['2.1.1'], fault('register-without-discovery', 'when it registers, the party POSTs its credentials without GETting versions and details first', 'await', 'CRED-07', 'credentials.sender-discovered',
    'before POSTing its credentials, the target must GET our versions and version details with Token A; missing: GET /ocpi/versions, GET /ocpi/{version}; it made no request to the tester')),
  warnsOnlyIn(['2.1.1'], fault('register-token-b-equals-a', 'when it registers, the party sends Token A back as its Token B', 'await', 'CRED-07', 'credentials.token-b-new',
    'Token B is the same as Token A: a new token must be issued')),
  onlyIn(FROM_22, fault('register-raw-authorization', 'when it registers, the party sends its token raw instead of Base64-encoded', 'await', 'CRED-07', 'auth.token-base64-encoded',
    'the Authorization header must carry the token Base64-encoded; 3 request(s) sent it raw: GET /ocpi/versions, GET /ocpi/{version}, POST /ocpi/{version}/credentials')),
  onlyIn(['2.1.1'], fault('register-base64-authorization', 'when it registers in 2.1.1, the party sends its token Base64-encoded, as 2.2 does, instead of as issued', 'await', 'CRED-07', 'auth.token-base64-encoded',
    'in OCPI 2.1.1 the Authorization header carries the token as issued, not Base64-encoded; {count} request(s) encoded it: {requests}')),
  onlyIn(FROM_22, fault('register-invalid-credentials', 'when it registers, the party sends credentials with an empty roles list', 'await', 'CRED-07', 'schema.request',
    '/roles: list has 0 items; at least 1 required')),
  onlyIn(['2.1.1'], fault('register-credentials-no-party-id', 'when it registers, the party sends credentials without party_id', 'await', 'CRED-07', 'schema.request',
    '/party_id: required field "party_id" is missing')),
  fault('register-refuses-own-token-b', 'when it registers, the party refuses its own Token B when the tester GETs its versions back', 'await', 'CRED-07', 'credentials.registration-completed',
    'the tester could not complete the registration: unable to use the target\'s API: versions endpoint answered HTTP 401'),
  negotiated(warnsIn(fault('register-lower-version', 'when it registers, the party picks the version below the highest one both parties offer', 'await', 'VER-06', 'versions.registered-highest',
    'the target registered in OCPI {version}, but both parties offer OCPI {highest} (the tester offers {tester}, the target {target}): a party registers in the highest version both implement'))),
  negotiated(alsoIn(fault('switch-ignored', 'a PUT to the credentials endpoint of another version leaves the registration in its version: the party GETs back the details of that one and its modules stay there', 'await', 'VER-07', 'versions.switch-callbacks',
    'while handling a PUT to its OCPI {version} credentials endpoint, the target must GET our versions and our OCPI {version} version details with the new token we gave it; missing: GET /ocpi/{version}; it made: {requests}'),
  { case: 'VER-07', check: 'versions.switch-token-works', text: 'expected HTTP 200, got 401 from GET {url}: the token answered to a PUT to the OCPI {version} credentials endpoint must work on that version\'s modules' },
  { case: 'VER-08', check: 'versions.calls-registered-version', status: 'warn', text: 'GET /ocpi/{other} addressed the tester\'s OCPI {other} endpoints with the token of a registration in OCPI {version}: a partner uses the version it registered in, and moves to another with a PUT to that version\'s credentials endpoint' })),
  negotiated(fault('switch-keeps-version', 'after a PUT to the credentials endpoint of another version the party GETs back that version\'s details, but its modules still take the token only in the old version', 'await', 'VER-07', 'versions.switch-token-works',
    'expected HTTP 200, got 401 from GET {url}: the token answered to a PUT to the OCPI {version} credentials endpoint must work on that version\'s modules')),
  negotiated(warnsIn(fault('pull-other-version', 'the eMSP, registered in one version, pulls the tester\'s Locations at the endpoint of another version', 'await', 'VER-08', 'versions.calls-registered-version',
    'GET /ocpi/{other}/locations addressed the tester\'s OCPI {other} endpoints with the token of a registration in OCPI {version}: a partner uses the version it registered in, and moves to another with a PUT to that version\'s credentials endpoint', ['emsp']))),
  fault('credentials-get-no-url', 'GET credentials returns credentials without url', 'none', 'CRED-08', 'schema.response',
    '/data/url: required field "url" is missing'),
  // Python's isoformat() and many serializers write UTC as +00:00; 2.2.1 allows no offset. Every envelope says so, first.
  // The CPO's requests include its 2.3.0 Terminal activation (PAY-04).
  alsoIn(textIn('2.1.1', wideFault('datetimes-with-offset', 'every DateTime it writes, in responses and requests, carries a +00:00 offset instead of Z', 'schema.envelope', DATETIME_OFFSET_TEXT,
    [...CONNECT_CASES, ...CPO_ENVELOPE_CASES, 'IN-LOC-02', ...EMSP_ENVELOPE_CASES, 'IN-CPR-01', ...HUB_CLIENT_INFO_CASES]), in211DateTime), { case: 'PAY-04', check: 'schema.request', text: ACTIVATION_DATETIME_TEXT }, { case: 'IN-LOC-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }, { case: 'IN-CMD-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }, { case: 'IN-SES-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }, { case: 'IN-TAR-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }, { case: 'IN-TOK-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }),
  alsoIn(textIn('2.1.1', wideFault('datetimes-space-separator', 'every DateTime it writes, in responses and requests, has a space instead of the T', 'schema.envelope', DATETIME_SPACE_TEXT,
    [...CONNECT_CASES, ...CPO_ENVELOPE_CASES, 'IN-LOC-02', ...EMSP_ENVELOPE_CASES, 'IN-CPR-01', ...HUB_CLIENT_INFO_CASES]), in211DateTime), { case: 'PAY-04', check: 'schema.request', text: ACTIVATION_DATETIME_TEXT }, { case: 'IN-LOC-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }, { case: 'IN-CMD-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }, { case: 'IN-SES-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }, { case: 'IN-TAR-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }, { case: 'IN-TOK-01', check: 'schema.request', text: PUSHED_OBJECT_DATETIME_TEXT }),
  // 403 Forbidden for a request without valid credentials: the spec asks for 401 Unauthorized, everywhere.
  alsoIn(fault('forbidden-instead-of-unauthorized', 'every request it refuses for its token is answered HTTP 403 instead of 401', 'register', 'VER-04', 'auth.unknown-token-refused',
    'expected HTTP 401, got 403 from GET {url}: a token the target never issued must be refused'),
  { case: 'VER-05', check: 'auth.missing-token-refused', text: 'expected HTTP 401, got 403 from GET {url}: a request without credentials must be refused' },
  { case: 'AUTH-01', check: 'auth.missing-token-refused', text: 'expected HTTP 401, got 403 from {method} {url}: {module} {interface}: a request without credentials must be refused' },
  { case: 'AUTH-02', check: 'auth.unknown-token-refused', text: 'expected HTTP 401, got 403 from {method} {url}: {module} {interface}: a token the target never issued must be refused' },
  { case: 'AUTH-03', check: 'auth.token-a-refused', text: 'expected HTTP 401, got 403 from {method} {url}: {module} {interface}: Token A only opens the versions and credentials modules' },
  { case: 'CRED-05', check: 'auth.old-token-refused', status: 'warn', text: 'expected HTTP 401, got 403 from GET {url}: the token replaced by the PUT should no longer work' },
  { case: 'CRED-06', check: 'auth.old-token-refused', text: 'expected HTTP 401, got 403 from GET {url}: the token of an unregistered party must no longer work' }),
  // The functional modules are often a service of their own, behind the one that did the handshake.
  // 2.1.1 judges only the 404 of an unknown token's authorization, which stays.
  notInCase('TOK-AUTH-04', ['2.1.1'], wideFault('modules-json-with-bom', 'the functional modules start every JSON body with a UTF-8 byte order mark', 'envelope.json-body',
    'the response is not JSON (application/json, a body starting {start}) from {method} {url}',
    ['LOC-01', 'TAR-01', 'SES-01', 'CDR-01', 'TOK-01', 'TOK-02', 'CMD-06', 'TOK-PULL-01', 'LOC-PUSH-01', 'LOC-PUSH-02', 'LOC-PUSH-03', 'LOC-PUSH-04', 'TAR-PUSH-01', 'TAR-PUSH-02',
      'SES-PUSH-01', 'SES-PUSH-02', 'CDR-PUSH-01', 'CDR-PUSH-02', 'PAY-01', 'PAY-02', 'IN-CMD-01', 'IN-CPR-01', ...HUB_CLIENT_INFO_CASES], { more: [{ case: 'TOK-AUTH-04', check: 'tokens.authorize-unknown',
      text: 'the unknown token is answered with a body that is not the OCPI response format (application/json, starting {start}): an eMSP answers a token it never issued with HTTP 404 and status_code 2004, without data; a 404 without status_code 2004 cannot be told from a path the eMSP does not serve' }] })),
  wideFault('modules-status-code-as-string', 'the functional modules write status_code as a string ("1000")', 'schema.envelope',
    '/status_code: "{code}" is not of type integer', ['LOC-01', 'LOC-02', 'LOC-03', 'LOC-04', 'IN-LOC-01', 'IN-LOC-02', 'TAR-01', 'TAR-02', 'TAR-03', 'SES-01', 'SES-02', 'SES-03',
      'CDR-01', 'CDR-02', 'CDR-03', 'TOK-01', 'TOK-02', 'CMD-01', 'CMD-02', 'CMD-03', 'CMD-04', 'CMD-05', 'CPR-01', 'CPR-02', 'CPR-03', 'PAY-01', 'PAY-02',
      ...EMSP_ENVELOPE_CASES, 'IN-CMD-01', 'IN-CPR-01', ...HUB_CLIENT_INFO_CASES]),
  wideFault('single-objects-wrapped-in-list', 'every object a GET asks for is served wrapped in a list ([object])', 'schema.response', '/data: {value} is not of type object',
    ['LOC-04', 'TOK-01', 'TOK-02', 'CPR-02', 'IN-LOC-01', 'IN-LOC-02', 'LOC-PUSH-01', 'LOC-PUSH-02', 'LOC-PUSH-03', 'LOC-PUSH-04', 'TAR-PUSH-01', 'SES-PUSH-01', 'SES-PUSH-02', 'CDR-PUSH-01', 'CDR-PUSH-02', 'PAY-01', 'PAY-02', ...HUB_CLIENT_INFO_CASES]),
  onlyIn(FROM_22, wideFault('command-responses-without-timeout', 'every CommandResponse comes without its timeout', 'schema.response', '/data/timeout: required field "timeout" is missing', ['CMD-01', 'CMD-02', 'CMD-03', 'CMD-04', 'CMD-05'], { roles: ['cpo'] })),
  wideFault('writes-answer-204', 'the functional modules answer every PUT, PATCH or DELETE that returns no data with 204 No Content', 'http.status',
    'expected HTTP {expected}, got 204 from {method} {url}', ['TOK-01', 'TOK-02', 'LOC-PUSH-01', 'LOC-PUSH-02', 'LOC-PUSH-03', 'LOC-PUSH-04', 'TAR-PUSH-01', 'TAR-PUSH-02', 'SES-PUSH-01', 'SES-PUSH-02', ...HUB_CLIENT_INFO_CASES]),
  textIn('2.1.1', wideFault('results-in-lowercase', 'every CommandResult it POSTs writes its result in lower case ("accepted")', 'schema.request', RESULT_LOWERCASE_TEXT, ['CMD-01', 'CMD-03', 'CMD-05'], { roles: ['cpo'] }), asResponseType211),
  // 2.1.1 gives no timeout to wait for: a result that never comes warns there.
  warnsOnlyIn(['2.1.1'], textIn('2.1.1', { ...wideFault('results-never-sent', 'no command result is ever POSTed, though every answer promises one within a second', 'async.result-received', RESULT_NEVER_SENT_TEXT, ['CMD-01', 'CMD-03', 'CMD-04', 'CMD-05'], { roles: ['cpo'] }), deadlineMs: 8000 }, asResult211)),
  // One client posts every asynchronous result of a real CPO: its slips show in every command and profile case.
  onlyIn(FROM_22, wideFault('results-raw-token', 'every command and charging profile result is POSTed with the token raw instead of Base64-encoded', 'auth.token-base64-encoded', RESULT_RAW_TOKEN_TEXT, RESULT_CASES, { roles: ['cpo'] })),
  onlyIn(['2.1.1'], wideFault('results-base64-token', 'every command result is POSTed with the token Base64-encoded, as 2.2 does, instead of as issued', 'auth.token-base64-encoded',
    'in OCPI 2.1.1 the Authorization header carries the token as issued, not Base64-encoded; 1 request(s) encoded it: POST /ocpi/{version}/results/CommandResponse/{ref}', ['CMD-01', 'CMD-02', 'CMD-03', 'CMD-05'], { roles: ['cpo'] })),
  // A 2.1.1 CPO written before 2.1.1-d2, whose command answers are the bare result string rather than a CommandResponse object.
  onlyIn(['2.1.1'], wideFault('command-responses-bare-string', 'every command is answered with the bare result ("ACCEPTED") as data instead of a CommandResponse object', 'schema.response',
    '/data: "{result}" is not of type object', ['CMD-01', 'CMD-03', 'CMD-05'], { roles: ['cpo'] })),
  onlyIn(FROM_22, wideFault('results-routed-to-itself', 'every command and charging profile result is POSTed with OCPI-to naming the CPO itself', 'headers.request-routing', RESULT_ROUTED_TEXT, RESULT_CASES, { roles: ['cpo'] })),
  // A paging helper whose "more pages" test is always true: every list runs on with empty pages, until the crawl bound.
  Object.freeze({
    ...warnsIn(wideFault('lists-links-never-end', 'every list links to a next page past its last object, with empty pages', 'pagination.crawl-bounded',
      'the crawl stopped at 4 pages (--max-pages 4) with the list going on: the case judged the {objects} objects it saw; raise the bound to crawl further', [...CRAWLS, ...DATE_FILTER_CASES])),
    runFlags: Object.freeze({ maxPages: 4 }),
  }),
  // A gateway in front of the OCPI service answers every HTTP error with its own text: a warning wherever an error is the
  // expected answer, and a failure where only status_code 2004 tells an unknown token from a path not served (T142).
  notInCase('TOK-AUTH-04', ['2.1.1'], alsoIn(warnsIn(wideFault('errors-in-plain-text', 'every HTTP error is answered in plain text ("HTTP 404") instead of the OCPI response format', 'envelope.error-format',
    'the HTTP {status} answer to {method} {url} is not in the OCPI response format (text/plain, a body starting "HTTP {code}"): an error on the HTTP layer should come with the response format (status_code, timestamp) to say more',
    ['VER-04', 'VER-05', 'CRED-04', 'CRED-05', 'AUTH-01', 'AUTH-02', 'AUTH-03', 'AUTH-04', 'LOC-05', 'TOK-05', 'TAR-PUSH-02', 'PAY-03'])),
  { case: 'TOK-AUTH-04', check: 'tokens.authorize-unknown', text: 'the unknown token is answered with a body that is not the OCPI response format (text/plain, starting "HTTP 404"): an eMSP answers a token it never issued with HTTP 404 and status_code 2004, without data; a 404 without status_code 2004 cannot be told from a path the eMSP does not serve' })),
  moduleFault('modules-accept-missing-token', 'the functional modules answer requests without Authorization header', 'AUTH-01', 'auth.missing-token-refused',
    'expected HTTP 401, got {status} from GET {url}: locations {interface}: a request without credentials must be refused'),
  cpoFault('commands-accept-missing-token', 'the Commands Receiver answers requests without Authorization header (its other modules refuse them)', 'AUTH-01', 'auth.missing-token-refused',
    'expected HTTP 401, got {status} from POST {url}: commands RECEIVER: a request without credentials must be refused'),
  warnsIn(moduleFault('modules-401-empty-body', 'the functional modules refuse wrong credentials with a bare 401 and an empty body', 'AUTH-01', 'envelope.error-format',
    'the HTTP 401 answer to GET {url} is not in the OCPI response format (no content-type, an empty body): an error on the HTTP layer should come with the response format (status_code, timestamp) to say more')),
  moduleFault('modules-accept-unknown-token', 'the functional modules accept a token they never issued', 'AUTH-02', 'auth.unknown-token-refused',
    'expected HTTP 401, got {status} from GET {url}: locations {interface}: a token the target never issued must be refused'),
  moduleFault('modules-accept-token-a', 'the functional modules accept Token A after the registration', 'AUTH-03', 'auth.token-a-refused',
    'expected HTTP 401, got {status} from GET {url}: locations {interface}: Token A only opens the versions and credentials modules'),
  moduleFault('modules-accept-malformed-json', 'the functional modules answer a body that is not JSON with success', 'AUTH-04', 'transport.malformed-json-refused',
    'expected HTTP 400, got 200 from {method} {url}: {module} RECEIVER: a body that is not JSON is answered with HTTP 400 (the answer came with status_code 1000)'),
  moduleFault('modules-malformed-json-2001', 'the functional modules answer a body that is not JSON with HTTP 200 and status_code 2001', 'AUTH-04', 'transport.malformed-json-refused',
    'expected HTTP 400, got 200 from {method} {url}: {module} RECEIVER: a body that is not JSON is answered with HTTP 400 (the answer came with status_code 2001)'),
  // One paging helper serves every list of a real implementation: its bugs show in every list, each in the cases that meet them.
  wideFault('lists-ignore-limit', 'every list ignores the limit the client asks for', 'pagination.limit-honoured',
    'limit=2 gave {count} objects: a server may return fewer objects than asked for, never more', ['LOC-03', 'TAR-03', 'SES-03', 'CDR-03', 'TOK-PULL-03']),
  wideFault('lists-duplicate-across-pages', 'each page of every list after the first repeats the last object of the page before', 'pagination.no-duplicates',
    '{id} was already returned on an earlier page: pages must neither overlap nor repeat objects', MULTI_PAGE_CRAWLS),
  wideFault('lists-skip-objects', 'the next Link of every list skips one object', 'pagination.complete',
    'the crawl received {count} distinct objects but X-Total-Count says {total}: objects were skipped between pages', MULTI_PAGE_CRAWLS),
  wideFault('lists-no-total-count', 'no page of any list carries X-Total-Count', 'pagination.total-count',
    'the page has no X-Total-Count header: every paginated response carries the number of objects matching the request', CRAWLS),
  wideFault('lists-no-x-limit', 'no page of any list carries X-Limit', 'pagination.limit-header',
    'the page has no X-Limit header: every paginated response carries the most objects the server returns per page', CRAWLS),
  wideFault('lists-page-exceeds-x-limit', 'unlimited pages of every list hold one object more than their X-Limit says', 'pagination.page-size',
    'the page holds {count} objects, more than its own X-Limit of {limit}', CRAWLS),
  wideFault('lists-no-link', 'no page of any list carries a Link to the next page', 'pagination.link-next',
    'the page at {url} has no Link rel="next", but only {count} of {total} objects (X-Total-Count) were received: every page but the last links to the next', MULTI_PAGE_CRAWLS),
  wideFault('lists-link-loop', 'the last page of every list links back to the first', 'pagination.terminates',
    'the crawl would never end: its Link rel="next" points back to {url}, a page already fetched', MULTI_PAGE_CRAWLS),
  wideFault('lists-data-under-module-name', 'every list puts its objects under the module\'s name ("locations": [...]) instead of data', 'schema.response',
    'data is missing, not a list: a list endpoint answers with an array', CRAWLS),
  // 2.1.1 leaves both edges open: either may come or not.
  // 2.1.1 leaves both edges open: either may come or not.
  conformantIn(wideFault('lists-date-from-exclusive', 'every list treats date_from as exclusive', 'pagination.date-filter',
    '{id} (last_updated {last_updated}) is inside date_from={date_from} date_to={date_to} but was not returned (date_from is inclusive)', DATE_FILTER_CASES), '2.1.1'),
  conformantIn(wideFault('lists-date-to-inclusive', 'every list treats date_to as inclusive', 'pagination.date-filter',
    '{id} (last_updated {last_updated}) is outside date_from={date_from} date_to={date_to} (date_to is exclusive)', DATE_FILTER_CASES), '2.1.1'),
  warnsIn(wideFault('lists-link-drops-filters', 'the next Link of every list drops date_from and date_to', 'pagination.link-keeps-filters',
    'the next Link ({url}) drops or changes date_from: a Link should repeat the filters of the original request', ['LOC-03', 'TAR-03', 'SES-01', 'SES-03', 'CDR-03', 'TOK-PULL-03'])),
  cpoFault('locations-invalid-object', 'the last Location in the list has no address', 'LOC-01', 'schema.response',
    '/data/1/address: required field "address" is missing'),
  // The parking places of 2.3.0 Locations (LOC-06, LOC-07): a rule of 2.3.0 alone.
  onlyIn(['2.3.0'], cpoFault('locations-parking-duplicate-id', 'each Location lists its first parking place twice', 'LOC-06', 'locations.parking-id-unique',
    'Location {id} has Parking id P1 twice{more}: a Parking id must be unique among the parking places of its Location')),
  onlyIn(['2.3.0'], cpoFault('locations-evse-parking-dangling', 'the first EVSE of each Location names a parking place its Location does not list', 'LOC-06', 'locations.evse-parking-resolves',
    'Location {id}, EVSE {uid} names Parking P-REMOVED, which the Location does not list{more}: an EVSE\'s parking_id refers to a Parking in the parking_places of the Location that contains it')),
  onlyIn(['2.3.0'], cpoFault('locations-large-parking-undimensioned', 'parking places for other vehicles than cars and motorcycles (disabled drivers\' included) give none of their limits and dimensions', 'LOC-07', 'locations.parking-dimensions',
    'Location {id}, Parking {parking} (for {types}) gives no max_vehicle_weight, max_vehicle_height, max_vehicle_length, max_vehicle_width, parking_space_length, parking_space_width, dangerous_goods_allowed{more}: these values should be given unless the vehicle types are only PERSONAL_VEHICLE or MOTORCYCLE')),
  onlyIn(['2.3.0'], cpoFault('locations-disabled-parking-no-photo', 'a parking place for disabled drivers has no photo', 'LOC-07', 'locations.parking-disabled-photo',
    'Location {id}, Parking PD1 (for DISABLED) has no photo{more}: at least one photo should be given of a parking place for DISABLED vehicles')),
  // 2.3.0 forbids refusing a request for a field the specification does not define (EXT-01); earlier versions are silent.
  onlyIn(['2.3.0'], cpoFault('tokens-unknown-field-refused', 'the Tokens Receiver refuses a Token carrying a field it does not know (status_code 2001)', 'EXT-01', 'extensions.unknown-field-accepted',
    'the Token with the field conformance_note (not defined by the specification) was refused (HTTP 200, status_code 2001), while one without it was accepted: a field a Receiver does not know must not make it reject the request')),
  onlyIn(['2.3.0'], emspFault('locations-unknown-field-refused', 'the Locations Receiver refuses a Location, EVSE or Connector carrying a field it does not know (status_code 2001)', 'EXT-02', 'extensions.unknown-field-accepted',
    'the Location with the field conformance_note (not defined by the specification) on it and on an EVSE was refused (HTTP 200, status_code 2001), while one without it was accepted: a field a Receiver does not know must not make it reject the request')),
  // An OpenEnum value beyond the listed ones is valid (2.3.0); keeping it is what the type implies, not a rule (EXT-03, EXT-04).
  onlyIn(['2.3.0'], warnsIn(cpoFault('tokens-unlisted-type-refused', 'the Tokens Receiver refuses a Token whose type is not one the specification lists (status_code 2001)', 'EXT-03', 'extensions.open-enum-accepted',
    'the Token with the type OCPI_CONFORMANCE_TEST (an OpenEnum value the specification does not list) was refused (HTTP 200, status_code 2001), while one without it was accepted: TokenType is an OpenEnum, whose values beyond the listed ones are valid'))),
  onlyIn(['2.3.0'], warnsIn(emspFault('locations-unlisted-capability-dropped', 'the Locations Receiver drops EVSE capabilities the specification does not list from what it stores', 'EXT-04', 'extensions.open-enum-accepted',
    'the Location with the Connector standard and EVSE capability OCPI_CONFORMANCE_TEST was accepted but reads back without it at /data/evses/0/capabilities: an OpenEnum value beyond the listed ones is valid, and a Receiver should keep it'))),
  cpoFault('locations-duplicate-across-pages', 'each page of Locations after the first repeats the last object of the page before', 'LOC-01', 'pagination.no-duplicates',
    '{key} was already returned on an earlier page: pages must neither overlap nor repeat objects'),
  cpoFault('locations-page-exceeds-x-limit', 'unlimited Location pages hold one object more than their X-Limit says', 'LOC-01', 'pagination.page-size',
    'the page holds 10 objects, more than its own X-Limit of 9'),
  warnsIn(cpoFault('locations-link-drops-filters', 'the next Link of the Locations list drops date_from and date_to', 'LOC-03', 'pagination.link-keeps-filters',
    'the next Link ({url}) drops or changes date_from: a Link should repeat the filters of the original request')),
  cpoFault('locations-link-other-scheme', 'the next Link of the unfiltered Locations list says https on an http server', 'LOC-01', 'pagination.link-next',
    'the next Link ({url}) points to another origin than the list ({origin}): a Link leads to the next page of the same list, and the tester sends its token nowhere else'),
  cpoFault('locations-link-other-module', 'the next Link of the unfiltered Locations list leads to the Tariffs module', 'LOC-01', 'pagination.link-next',
    'the next Link header "{header}" leads to /ocpi/cpo/{version}/tariffs, not to the list at /ocpi/cpo/{version}/locations: a Link leads to the next page of the same list'),
  cpoFault('location-detail-differs', 'an EVSE fetched on its own has another status than in the list, with the same last_updated', 'LOC-04', 'locations.object-matches-list',
    'EVSE LOC0001-1 differs from the same object in the list, with the same last_updated: a single GET and the list serve one truth'),
  cpoFault('location-detail-stamps-now', 'a Location, EVSE or Connector fetched on its own carries the moment it was served as last_updated, and the EVSE another status than in the list', 'LOC-04', 'locations.object-matches-list',
    'EVSE LOC0001-1 was served with last_updated {first}, and again {ms} ms later with {second}, nothing else changed: last_updated says when the object changed, not when it was served, so its difference from the list is unexplained'),
  cpoFault('unknown-location-200', 'an unknown Location id is answered with HTTP 200 (and status_code 2003)', 'LOC-05', 'http.unknown-object-404',
    'expected HTTP 404, got 200 from GET {url}: a Location that does not exist is not found (a 2003 status_code may come with the 404)'),
  cpoFault('unknown-location-framework-404', 'an unknown Location id is answered with HTTP 404 and the web framework\'s {"detail": "Not found."}', 'LOC-05', 'envelope.error-format',
    'the HTTP 404 answer to GET {url} is not in the OCPI response format (/status_code: required field "status_code" is missing): an error on the HTTP layer should come with the response format (status_code, timestamp) to say more'),
  cpoFault('unknown-location-2004', 'an unknown Location id is answered with HTTP 404 and status_code 2004 (unknown Token)', 'LOC-05', 'envelope.unknown-object-status-code',
    'expected status_code 2003 or 2000, got 2004 ("unknown Location"): the status_code of an unknown Location is 2003 (unknown Location) or the generic 2000'),
  cpoFault('tariffs-no-total-count', 'Tariff pages carry no X-Total-Count', 'TAR-01', 'pagination.total-count',
    'the page has no X-Total-Count header: every paginated response carries the number of objects matching the request'),
  // The tariffs digest TAR-02 and TAR-03 need comes only from a complete crawl, so they are skipped, not warned.
  Object.freeze({
    ...warnsIn(cpoFault('tariffs-links-never-end', 'every page of Tariffs links to a next one, past the last object, with empty pages', 'TAR-01', 'pagination.crawl-bounded',
      'the crawl stopped at 4 pages (--max-pages 4) with the list going on: the case judged the {objects} objects it saw; raise the bound to crawl further')),
    runFlags: Object.freeze({ maxPages: 4 }),
  }),
  conformantIn(cpoFault('tariffs-date-from-exclusive', 'the Tariffs list treats date_from as exclusive', 'TAR-02', 'pagination.date-filter',
    'NL/RCP/TAR03 (last_updated {last_updated}) is inside date_from={date_from} date_to={date_to} but was not returned (date_from is inclusive)'), '2.1.1'),
  cpoFault('tariffs-ignore-limit', 'the Tariffs list ignores the limit the client asks for', 'TAR-03', 'pagination.limit-honoured',
    'limit=2 gave 6 objects: a server may return fewer objects than asked for, never more'),
  cpoFault('sessions-no-x-limit', 'Session pages carry no X-Limit', 'SES-01', 'pagination.limit-header',
    'the page has no X-Limit header: every paginated response carries the most objects the server returns per page'),
  alsoIn(cpoFault('sessions-link-date-to-none', 'the next Link of the Sessions list carries date_to=None when the request had no date_to', 'SES-01', 'pagination.link-next',
    'the next Link header "{header}" is no usable request of the list: date_to=None is not a DateTime'),
  { case: 'SES-03', check: 'pagination.link-next', text: 'the next Link header "{header}" is no usable request of the list: date_to=None is not a DateTime' }),
  cpoFault('sessions-skip-objects', 'the next Link of the Sessions list skips one object', 'SES-01', 'pagination.complete',
    'the crawl received 28 distinct objects but X-Total-Count says 30: objects were skipped between pages'),
  cpoFault('cdrs-no-link', 'CDR pages carry no Link to the next page', 'CDR-01', 'pagination.link-next',
    'the page at {url} has no Link rel="next", but only 10 of 26 objects (X-Total-Count) were received: every page but the last links to the next'),
  cpoFault('cdrs-link-loop', 'the last page of CDRs links back to the first', 'CDR-01', 'pagination.terminates',
    'the crawl would never end: its Link rel="next" points back to {url}, a page already fetched'),
  // 2.1.1 has no routing headers.
  conformantIn(wideFault('routing-not-mirrored', 'responses of every functional module name the party itself in OCPI-to instead of the requester', 'headers.routing',
    'OCPI-to names {party}, not the requester ZZ/OCT: a response is addressed back to whoever sent the request', CRAWLS), '2.1.1'),
  alsoIn(cpoFault('cdrs-ignore-filters', 'the CDRs list never reads its query (date_from, date_to, offset and limit ignored: every request gets the first page, its Link and the full X-Total-Count), and the second CDR on it has no auth_method', 'CDR-02', 'pagination.date-filter',
    '{key} (last_updated {last_updated}) is outside date_from={date_from} date_to={date_to}'),
  { case: 'CDR-01', check: 'schema.response', text: '/data/1/auth_method: required field "auth_method" is missing' },
  { case: 'CDR-01', check: 'pagination.terminates', text: 'the crawl would never end: its Link rel="next" points back to {url}, a page already fetched' },
  { case: 'CDR-03', check: 'pagination.limit-honoured', text: 'limit=2 gave {count} objects: a server may return fewer objects than asked for, never more' }),
  cpoFault('token-put-drops-field', 'a pushed Token is stored without its visual_number', 'TOK-01', 'tokens.stored-as-put',
    'the Token read back differs from the one PUT in 1 place: a Receiver stores the object as sent'),
  cpoFault('token-patch-ignored', 'a Token PATCH is answered with success but not applied', 'TOK-02', 'tokens.patch-applied',
    'the Token read back does not have the values the PATCH set'),
  warnsIn(cpoFault('token-patch-without-last-updated-accepted', 'a Token PATCH without last_updated is accepted', 'TOK-03', 'tokens.patch-needs-last-updated',
    'expected status_code 2001, got 1000: a PATCH without last_updated is invalid')),
  cpoFault('token-patch-without-last-updated-400', 'a Token PATCH without last_updated is refused with status_code 2001, but with HTTP 400', 'TOK-03', 'http.ocpi-layer-status',
    'PATCH {url} answered HTTP 400 with status_code 2001: a request that reached the OCPI layer (valid JSON, an existing resource, an authorized sender) {must} not get an HTTP error status; the status_code says what went wrong'),
  // The 2.2 rule kept in a 2.1.1 Receiver: a 2.1.1 sender's PATCH without last_updated is refused.
  onlyIn(['2.1.1'], cpoFault('token-patch-requires-last-updated', 'a Token PATCH without last_updated is refused with status_code 2001, as 2.2 requires, though 2.1.1 does not', 'TOK-06', 'envelope.status-code',
    'expected status_code 1000, got 2001 ("PATCH must contain last_updated")')),
  cpoFault('token-url-body-mismatch-accepted', 'a Token whose body names another uid than its URL is accepted', 'TOK-04', 'tokens.url-matches-body',
    'expected status_code 2001, got 1000: the body names uid {uid} while the URL names {url_uid}'),
  // The Payments Receiver of OCPI 2.3.0 (its cases run in 2.3.0 only, so these faults show there only).
  cpoFault('terminal-post-drops-field', 'a POSTed Terminal is stored without its customer_reference', 'PAY-01', 'payments.terminal-stored-as-posted',
    'the Terminal read back differs from the one POSTed in 1 place: a Receiver stores the object as sent'),
  cpoFault('fac-post-drops-field', 'a POSTed Financial Advice Confirmation is stored without its capture_status_message', 'PAY-02', 'payments.confirmation-stored-as-posted',
    'the FinancialAdviceConfirmation read back differs from the one POSTed in 1 place: a Receiver stores the object as sent'),
  cpoFault('terminal-coordinates-refused', 'a POSTed Terminal with coordinates is refused with status_code 2001 (its parser wants numbers, the spec gives strings)', 'PAY-01', 'envelope.status-code',
    'expected status_code 1000, got 2001 ("coordinates must be numbers")'),
  cpoFault('fac-taxes-400', 'a POSTed Financial Advice Confirmation whose total_costs lists taxes is refused with HTTP 400 (its model has the 2.2.1 Price)', 'PAY-02', 'http.status',
    'expected HTTP 200 or 201, got 400 from POST {url}'),
  cpoFault('unknown-terminal-200', 'an unknown Terminal id is answered with HTTP 200 (and status_code 2000)', 'PAY-03', 'http.unknown-object-404',
    'expected HTTP 404, got 200 from GET {url}: a Terminal that was never POSTed is not found'),
  cpoFault('unknown-token-200', 'an unknown Token is answered with HTTP 200 (and status_code 2004)', 'TOK-05', 'http.unknown-object-404',
    'expected HTTP 404, got 200 from GET {url}: a Token that was never pushed is not found'),
  warnsIn(cpoFault('unknown-location-accepted', 'a START_SESSION on an unknown Location is ACCEPTED', 'CMD-06', 'commands.unknown-location-rejected',
    'answered with status_code 1000 and result ACCEPTED: a command for an unknown Location is answered with 2003 or REJECTED')),
  cpoFault('unknown-location-command-404', 'a START_SESSION on an unknown Location is answered REJECTED with status_code 2003, but with HTTP 404', 'CMD-06', 'http.ocpi-layer-status',
    'POST {url} answered HTTP 404 with status_code 2003: a request that reached the OCPI layer (valid JSON, an existing resource, an authorized sender) {must} not get an HTTP error status; the status_code says what went wrong'),
  textIn('2.1.1', cpoFault('reserve-result-invalid', 'the RESERVE_NOW result is not a valid CommandResult', 'CMD-03', 'schema.request',
    '/result: "OK" is not a CommandResultType (expected one of ACCEPTED, CANCELED_RESERVATION, EVSE_OCCUPIED, EVSE_INOPERATIVE, FAILED, NOT_SUPPORTED, REJECTED, TIMEOUT, UNKNOWN_RESERVATION)'), asResponseType211),
  textIn('2.1.1', cpoFault('reserve-result-with-token-a', 'the RESERVE_NOW result is POSTed with the CPO\'s Token A instead of the token the tester gave it', 'CMD-03', 'async.result-received',
    'the RESERVE_NOW result (a CommandResult POSTed to the response_url) came with a token the tester never gave it: a result is sent with the credentials token the receiver of the command gave at registration'), asResult211),
  onlyIn(FROM_22, cpoFault('cancel-result-routed-to-itself', 'the CANCEL_RESERVATION result is POSTed with OCPI-to naming the CPO itself', 'CMD-04', 'headers.request-routing',
    'OCPI-to names NL/RCP, not the tester ZZ/OCT: a request to a party\'s own endpoint is addressed to that party')),
  onlyIn(FROM_22, cpoFault('unlock-result-raw-token', 'the UNLOCK_CONNECTOR result is POSTed with the token raw instead of Base64-encoded', 'CMD-05', 'auth.token-base64-encoded',
    'the Authorization header must carry the token Base64-encoded; 1 request(s) sent it raw: POST /ocpi/{version}/results/CommandResult/{ref}')),
  cpoFault('cancel-reservation-response-invalid', 'the CANCEL_RESERVATION CommandResponse has no timeout', 'CMD-04', 'schema.response',
    '/data/timeout: required field "timeout" is missing'),
  warnsIn(cpoFault('start-session-no-session', 'a START_SESSION is ACCEPTED but no session starts', 'CMD-01', 'commands.session-started',
    'no session with {sought} appeared in the Sessions list within {ms} ms of an ACCEPTED START_SESSION result; with an EV plugged in, one should')),
  cpoFault('start-session-completed', 'a START_SESSION is ACCEPTED and the session it starts shows COMPLETED in the Sessions list', 'CMD-01', 'commands.session-started',
    'session {session} of the ACCEPTED START_SESSION is COMPLETED in the Sessions list, though nothing stopped it: a session the command started is ACTIVE (or PENDING) until it is stopped'),
  cpoFault('stop-session-keeps-active', 'a STOP_SESSION is ACCEPTED but the session stays ACTIVE', 'CMD-02', 'commands.session-stopped',
    'session {session} did not show status COMPLETED (with a new last_updated) in the Sessions list within {ms} ms of an ACCEPTED STOP_SESSION result'),
  // A 2.1.1 CommandResponse has no timeout.
  onlyIn(FROM_22, cpoFault('start-session-response-invalid', 'START_SESSION is answered ACCEPTED without timeout, and the session starts', 'CMD-01', 'schema.response',
    '/data/timeout: required field "timeout" is missing')),
  warnsOnlyIn(['2.1.1'], textIn('2.1.1', { ...cpoFault('unlock-result-never-sent', 'the UNLOCK_CONNECTOR result is never POSTed', 'CMD-05', 'async.result-received',
    'no CommandResult arrived at the response_url within {ms} ms (the target announced a timeout of 1 s, plus {margin} ms margin)'), deadlineMs: 8000 }, asResult211)),
  { ...cpoFault('set-profile-result-never-sent', 'the result of setting a charging profile is never POSTed', 'CPR-01', 'async.result-received',
    'no ChargingProfileResult arrived at the response_url within {ms} ms (the target announced a timeout of 1 s, plus {margin} ms margin)'), deadlineMs: 8000 },
  cpoFault('active-profile-result-invalid', 'the active charging profile result lacks charging_rate_unit', 'CPR-02', 'schema.request',
    '/profile/charging_profile/charging_rate_unit: required field "charging_rate_unit" is missing'),
  cpoFault('clear-profile-response-invalid', 'the response to clearing a charging profile has result DONE', 'CPR-03', 'schema.response',
    '/data/result: "DONE" is not a ChargingProfileResponseType (expected one of ACCEPTED, NOT_SUPPORTED, REJECTED, TOO_OFTEN, UNKNOWN_SESSION)'),
  cpoFault('unknown-session-accepted', 'a charging profile for an unknown session is ACCEPTED', 'CPR-04', 'chargingprofiles.unknown-session',
    'result ACCEPTED: a request for a session the CPO does not know is answered with UNKNOWN_SESSION'),
  Object.freeze({ ...moduleFault('revokes-token-mid-run', 'the credentials token stops working after eight requests to functional modules, though the tester neither changed nor deleted it', 'CRED-09', 'auth.session-token-accepted',
    'the target stopped accepting the credentials token during {case} ({request} answered 401; it had accepted it until then, last in {last}): a token stays valid until the credentials are updated or deleted; the cases that needed it were skipped'), wholeRun: true }),
  emspFault('location-put-drops-field', 'a pushed Location is stored without the max_electric_power of its connectors (in 2.1.1, which has none: their tariff_id)', 'LOC-PUSH-01', 'locations.stored-as-put',
    'the Location read back differs from the one PUT in {places}: a Receiver stores the object as sent'),
  emspFault('location-patch-ignored', 'a Location PATCH is answered with success but not applied', 'LOC-PUSH-02', 'locations.patch-applied',
    'the Location read back does not have the values the PATCH set'),
  emspFault('location-patch-drops-field', 'a Location PATCH is applied, but the stored Location loses its opening_times', 'LOC-PUSH-02', 'locations.patch-applied',
    'the Location read back differs from the one stored before the PATCH, with the PATCH applied in 1 place: a PATCH changes the fields it carries and leaves the others as they were'),
  // 2.1.1 names no value for the parents' last_updated: one older than the PATCH warns there.
  warnsOnlyIn(['2.1.1'], textIn('2.1.1', emspFault('evse-patch-keeps-location-last-updated', 'an EVSE PATCH leaves the Location\'s last_updated as it was', 'LOC-PUSH-03', 'locations.parents-updated',
    'the Location read back does not carry the PATCH\'s last_updated: a Receiver sets it on the parents of a patched EVSE or Connector'),
  () => 'the Location read back has a last_updated older than the PATCH\'s: a Location\'s last_updated covers its EVSEs and Connectors')),
  emspFault('connector-patch-ignored', 'a Connector PATCH is answered with success but not applied', 'LOC-PUSH-04', 'locations.patch-applied',
    'the Connector read back does not have the values the PATCH set'),
  emspRootCauseFault('connector-get-wrapped-in-list', 'a Connector is served wrapped in a list ([connector]) instead of as the object', 'LOC-PUSH-04'),
  warnsIn(emspFault('location-patch-without-last-updated-accepted', 'a Location PATCH without last_updated is accepted', 'LOC-PUSH-05', 'locations.patch-needs-last-updated',
    'expected status_code 2001, got 1000: a PATCH without last_updated is invalid')),
  emspFault('location-patch-without-last-updated-400', 'a Location PATCH without last_updated is refused with status_code 2001, but with HTTP 400', 'LOC-PUSH-05', 'http.ocpi-layer-status',
    'PATCH {url} answered HTTP 400 with status_code 2001: a request that reached the OCPI layer (valid JSON, an existing resource, an authorized sender) {must} not get an HTTP error status; the status_code says what went wrong'),
  // The 2.2 rule kept in a 2.1.1 Receiver: a 2.1.1 sender's PATCH without last_updated is refused.
  onlyIn(['2.1.1'], emspFault('location-patch-requires-last-updated', 'a Location PATCH without last_updated is refused with status_code 2001, as 2.2 requires, though 2.1.1 does not', 'LOC-PUSH-08', 'envelope.status-code',
    'expected status_code 1000, got 2001 ("PATCH must contain last_updated")')),
  emspFault('location-url-body-mismatch-accepted', 'a Location whose id differs from its URL is accepted', 'LOC-PUSH-06', 'locations.url-matches-body',
    'expected status_code 2001, got 1000: the body names id {id} while the URL names {url_id}'),
  emspFault('removed-evse-deleted', 'an EVSE set to REMOVED is deleted instead of kept with its status', 'LOC-PUSH-07', 'locations.evse-removed',
    'the EVSE set to REMOVED is answered with HTTP 404: an EVSE is never deleted, REMOVED is a status it keeps'),
  emspFault('tariff-put-drops-field', 'a pushed Tariff is stored without its tariff_alt_text', 'TAR-PUSH-01', 'tariffs.stored-as-put',
    'the Tariff read back differs from the one PUT in 1 place: a Receiver stores the object as sent'),
  emspFault('tariff-patch-ignored', 'a Tariff PATCH (2.1.1) is answered with success but not applied', 'TAR-PUSH-03', 'tariffs.patch-applied',
    'the Tariff read back does not have the values the PATCH set'),
  emspFault('tariff-delete-ignored', 'a Tariff DELETE is answered with success but the Tariff stays', 'TAR-PUSH-02', 'tariffs.deleted',
    'the eMSP still serves the Tariff after answering its DELETE with success'),
  emspFault('session-put-drops-field', 'a pushed Session is stored without its meter_id', 'SES-PUSH-01', 'sessions.stored-as-put',
    'the Session read back differs from the one PUT in 1 place: a Receiver stores the object as sent'),
  emspFault('session-patch-replaces-periods', 'a Session PATCH with charging_periods replaces the stored periods instead of adding to them', 'SES-PUSH-02', 'sessions.charging-periods-appended',
    'the Session read back has 1 charging periods instead of the ones stored before the PATCH followed by the one PATCHed: a PATCH adds its charging_periods to the stored list'),
  emspFault('cdr-post-no-location-header', 'a POSTed CDR is answered without a Location header', 'CDR-PUSH-01', 'cdrs.location-header',
    'the response has no Location header: the eMSP answers a POSTed CDR with the URL where the CPO can GET it'),
  emspFault('cdr-stored-without-field', 'a POSTed CDR is stored without its remark', 'CDR-PUSH-01', 'cdrs.stored-as-posted',
    'the CDR read back differs from the one POSTed in 1 place: a Receiver stores the object as sent'),
  emspFault('credit-cdr-refused', 'a credit CDR is refused with status_code 2001', 'CDR-PUSH-02', 'cdrs.credit-accepted',
    'the eMSP refused the credit CDR {credit_cdr} for CDR {cdr}: a credit CDR is a CDR like any other'),
  emspFault('tokens-list-invalid-object', 'the last Token in the list has no contract_id', 'TOK-PULL-01', 'schema.response',
    '/data/4/{field}: required field "{field}" is missing'),
  conformantIn(emspFault('tokens-date-to-inclusive', 'the Tokens list treats date_to as inclusive', 'TOK-PULL-02', 'pagination.date-filter',
    'NL/REM/32F15351F6FFE1/RFID (last_updated {last_updated}) is outside date_from={date_from} date_to={date_to} (date_to is exclusive)'), '2.1.1'),
  warnsIn(emspFault('tokens-link-drops-filters', 'the next Link of the Tokens list drops date_from and date_to', 'TOK-PULL-03', 'pagination.link-keeps-filters',
    'the next Link ({url}) drops or changes date_from: a Link should repeat the filters of the original request')),
  warnsIn(emspFault('authorize-valid-token-not-allowed', 'real-time authorization at a Location answers NOT_ALLOWED for a valid token', 'TOK-AUTH-01', 'tokens.authorize-allowed',
    'expected allowed to be ALLOWED, got "NOT_ALLOWED": the token is valid in the eMSP\'s own Tokens list (an eMSP may still refuse it at a Location or for credit, hence a warning)')),
  emspFault('authorize-without-location-2001', 'real-time authorization without LocationReferences is answered with status_code 2001', 'TOK-AUTH-02', 'tokens.authorize-without-location',
    'expected status_code 1000 or 2002, got 2001 ("LocationReferences are missing"): LocationReferences are optional: the eMSP decides on the token alone, or answers 2002 when it needs a Location'),
  emspFault('authorize-without-location-2002-http-400', 'real-time authorization without LocationReferences is answered with status_code 2002, but with HTTP 400', 'TOK-AUTH-02', 'http.ocpi-layer-status',
    'POST {url} answered HTTP 400 with status_code 2002: a request that reached the OCPI layer (valid JSON, an existing resource, an authorized sender) {must} not get an HTTP error status; the status_code says what went wrong'),
  emspRootCauseFault('authorize-info-wrapped-in-list', 'real-time authorization answers with the AuthorizationInfo wrapped in a list', 'TOK-AUTH-01'),
  emspFault('authorize-ignores-validity', 'real-time authorization answers ALLOWED for a token that is not valid', 'TOK-AUTH-03', 'tokens.authorize-refused',
    'expected allowed to be other than ALLOWED, got "ALLOWED": the token is valid: false in the eMSP\'s own Tokens list'),
  // 2.1.1 judges the HTTP status alone (it has no 2004).
  textIn('2.1.1', emspFault('authorize-unknown-token-answered', 'real-time authorization for an unknown token answers HTTP 200, status_code 1000 and NOT_ALLOWED', 'TOK-AUTH-04', 'tokens.authorize-unknown',
    'the unknown token is answered with HTTP 200 instead of 404, status_code 1000 instead of 2004, a data field, where there should be none: an eMSP answers a token it never issued with HTTP 404 and status_code 2004, without data'),
  () => 'the unknown token is answered with HTTP 200 instead of 404: a request about something that does not exist should get HTTP 404'),
  // 2.1.1 asks only for a 404 for an unknown token, which the framework's answer is.
  notInCase('TOK-AUTH-04', ['2.1.1'], single(alsoIn(emspFault('authorize-at-other-path', 'real-time authorization is served at {tokens}/authorize/{token_uid}; the spec\'s {tokens}/{token_uid}/authorize answers the framework\'s plain-text 404', 'TOK-AUTH-04', 'tokens.authorize-unknown',
    'the unknown token is answered with a body that is not the OCPI response format (text/plain; charset=utf-8, starting "Cannot POST {path}"): an eMSP answers a token it never issued with HTTP 404 and status_code 2004, without data; a 404 without status_code 2004 cannot be told from a path the eMSP does not serve'),
  ...inEach(['TOK-AUTH-01', 'TOK-AUTH-02', 'TOK-AUTH-03'], 'http.status', 'expected HTTP 200, got 404 from POST {url}')))),
  // The pull each reference party makes once registered: the eMSP of the tester's Locations, the CPO of its Tokens (PEER-01).
  onlyIn(FROM_22, fault('pull-routing-to-itself', 'the party pulls the tester\'s list (an eMSP its Locations, a CPO its Tokens) with OCPI-to naming the party itself', 'register', 'PEER-01', 'headers.request-routing',
    'OCPI-to names {self}, not the tester ZZ/OCT: a request to a party\'s own endpoint is addressed to that party', BOTH)),
  onlyIn(FROM_22, fault('pull-raw-token', 'the party pulls the tester\'s list (an eMSP its Locations, a CPO its Tokens) with the token raw instead of Base64-encoded', 'register', 'PEER-01', 'auth.token-base64-encoded',
    'the Authorization header must carry the token Base64-encoded; {count} request(s) sent it raw: GET /ocpi/{version}/{list}{more}', BOTH)),
  fault('pull-with-own-token', 'the party pulls the tester\'s list (an eMSP its Locations, a CPO its Tokens) with the token it issued instead of the one it was given', 'register', 'PEER-01', 'peer.request-authorized',
    'GET {url} carried a token the tester never gave it and was refused with HTTP 401: the target must call the tester with the token the tester gave it in the credentials exchange', BOTH),
  // How a reference party pages through its partner's list (PEER-02).
  fault('pull-date-from-with-offset', 'the party pulls the tester\'s list (an eMSP its Locations, a CPO its Tokens) with date_from in local time with an offset (+01:00), which an OCPI DateTime does not allow', 'register', 'PEER-02', 'peer.paging-parameters',
    'date_from=2020-01-01T01:00:00+01:00 is not an OCPI {version} DateTime ({form}) (in {count} list requests; the first is shown): a list request\'s paging parameters have the types the spec gives them', BOTH),
  warnsIn(fault('pull-offset-by-limit', 'the party pages through the tester\'s list by the limit it asked for (20), not by the objects each page held (the tester gives at most 10), so it skips objects', 'register', 'PEER-02', 'peer.pages-continued',
    'GET {url} asked for offset 20, but the pages the target got of this list ended at 10: the {count} objects from offset 10 on were never read (the next page starts after the objects the previous page returned, as its Link says)', BOTH)),
  // What a reference party sends on its own when triggered, through one pushToPartner (IN-LOC-01, IN-LOC-02, IN-SES-01; IN-CMD-01).
  onlyIn(FROM_22, wideFault('push-routing-to-itself', 'what the party sends when triggered (Locations, EVSE statuses, Tariffs, Sessions, CDRs, authorizations, commands, Tokens) carries OCPI-to naming the party itself', 'headers.request-routing',
    'OCPI-to names {self}, not the tester ZZ/OCT: a request to a party\'s own endpoint is addressed to that party', ['IN-LOC-01', 'IN-LOC-02', 'IN-TAR-01', 'IN-SES-01', 'IN-AUTH-01', 'IN-CMD-01', 'IN-CPR-01', 'IN-TOK-01'])),
  onlyIn(FROM_22, wideFault('push-raw-token', 'what the party sends when triggered carries the token as issued instead of Base64-encoded', 'auth.token-base64-encoded',
    'the Authorization header must carry the token Base64-encoded; {count} request(s) sent it raw: {requests}', ['IN-LOC-01', 'IN-LOC-02', 'IN-TAR-01', 'IN-SES-01', 'IN-AUTH-01', 'IN-CMD-01', 'IN-CPR-01', 'IN-TOK-01'])),
  onlyIn(FROM_22, cpoFault('push-location-foreign-owner', 'the CPO pushes a Location under its partner\'s country_code and party_id, in the URL and the body', 'IN-LOC-01', 'inbound.object-owner',
    'the pushed Location {id} names ZZ/OCT as its owner, which is not a party of the target\'s credentials (NL/RCP): a party pushes the objects it owns')),
  onlyIn(FROM_22, cpoFault('push-tariff-differs', 'the Tariff the CPO pushes when triggered has another currency than its own list serves, with the same last_updated', 'IN-TAR-01', 'inbound.push-reads-back',
    'Tariff {id} differs from the same object in the list, with the same last_updated: a single GET and the list serve one truth')),
  onlyIn(FROM_22, cpoFault('evse-status-patch-without-last-updated', 'the CPO PATCHes an EVSE status change without last_updated', 'IN-LOC-02', 'inbound.patch-last-updated',
    'the EVSE PATCH {path} carries no last_updated: every PATCH must carry it')),
  onlyIn(FROM_22, cpoFault('evse-status-not-applied', 'the CPO pushes an EVSE status change its own Locations Sender never shows', 'IN-LOC-02', 'inbound.push-reads-back',
    'the CPO pushed EVSE {evse} as INOPERATIVE, but its own GET shows AVAILABLE: what a CPO pushes is what it serves')),
  // The reference CPO's driver session when triggered (start-session, stop-session; 2.2.1 and 2.3.0: IN-SES-01).
  onlyIn(FROM_22, cpoFault('session-push-with-own-token', 'the CPO pushes a driver\'s new Session with the token it issued to the eMSP instead of the one it was given', 'IN-SES-01', 'peer.request-authorized',
    'PUT /ocpi/{version}/sessions/{path} (the push) carried a token the tester never gave it, not the token the tester gave the target')),
  onlyIn(FROM_22, cpoFault('session-patch-without-last-updated', 'the CPO PATCHes a Session\'s completion without last_updated', 'IN-SES-01', 'inbound.patch-last-updated',
    'the Session PATCH {path} carries no last_updated: every PATCH must carry it')),
  onlyIn(FROM_22, cpoFault('session-completion-not-pushed', 'the CPO never pushes a stopped Session\'s completion (it only POSTs the CDR)', 'IN-SES-01', 'inbound.session-completed',
    'no PUT or PATCH of session {id} set its status to COMPLETED after it was stopped, by {ms} ms after its CDR: a CPO sends every change of a Session to its eMSP')),
  onlyIn(FROM_22, warnsIn(cpoFault('session-never-closed-by-cdr', 'the CPO completes a stopped Session but never POSTs its CDR', 'IN-SES-01', 'inbound.session-closed-by-cdr',
    'no CDR for session {id} arrived within {ms} ms of asking for it to stop: a CPO POSTs the CDR of an ended session to its eMSP (no time is set, so a later CDR is allowed; raise --deadline to wait longer)'))),
  onlyIn(FROM_22, warnsIn(cpoFault('cdr-energy-differs', 'the CPO\'s CDR has 1 kWh more than the Session it closes', 'IN-SES-01', 'inbound.cdr-matches-session',
    'the CDR of session {id} differs from the Session as last pushed: total_energy 8.5 against the Session\'s kwh 7.5: a CDR closes the Session it describes, so its totals should agree'))),
  onlyIn(FROM_22, cpoFault('cdr-to-undeclared-url', 'the CPO POSTs CDRs to {version}/cdr, a URL of its own making, not the declared CDRs Receiver', 'IN-SES-01', 'inbound.declared-endpoint',
    'the CDR was POSTed to /ocpi/{version}/cdr, not to /ocpi/{version}/cdrs: a CDR goes to the CDRs Receiver URL the eMSP declared')),
  fault('pull-undeclared-module', 'the party, once registered, also GETs its partner\'s hubclientinfo list at a URL of its own making, which the partner never declared', 'register', 'IN-ALL-01', 'inbound.declared-endpoint',
    'GET /ocpi/{version}/hubclientinfo is not a URL the tester declared (its versions URL, a version\'s details or an endpoint in them): a party calls its partner only at the URLs its version details give', BOTH),
  onlyIn(FROM_22, emspFault('profile-to-undeclared-url', 'the eMSP PUTs a ChargingProfile with the CPO\'s country_code and party_id after the declared ChargingProfiles URL, as the Sessions module addresses a Session', 'IN-CPR-01', 'inbound.declared-endpoint',
    'the ChargingProfile was PUT to {path}, not to {declared}: a ChargingProfile goes to {chargingprofiles}/{session_id} of the ChargingProfiles Receiver URL the CPO declared')),
  onlyIn(FROM_22, emspFault('profile-with-own-token', 'the eMSP sends a ChargingProfile with the token it issued to the CPO instead of the one it was given', 'IN-CPR-01', 'peer.request-authorized',
    'PUT /ocpi/{version}/chargingprofiles/{session} (the ChargingProfile) carried a token the tester never gave it, not the token the tester gave the target')),
  onlyIn(FROM_22, emspFault('profile-without-response-url', 'the eMSP sends a ChargingProfile without response_url', 'IN-CPR-01', 'schema.request',
    '/response_url: required field "response_url" is missing')),
  onlyIn(FROM_22, emspFault('profile-response-url-unserved', 'the eMSP does not serve the response_url it gave with a ChargingProfile: the result is answered 404', 'IN-CPR-01', 'http.status',
    'expected HTTP 200, got 404 from POST {url}')),
  onlyIn(FROM_22, emspFault('command-result-only-accepted', 'the eMSP\'s response_url takes a CommandResult ACCEPTED and refuses any other result with status_code 2001', 'IN-CMD-02', 'commands.result-accepted',
    'the response_url refused a CommandResult REJECTED sent 500 ms after the command, within the 30 s timeout the tester gave (HTTP 200, status_code 2001), though it took an ACCEPTED one at once: a response_url takes every CommandResult the CPO sends within the timeout')),
  onlyIn(FROM_22, emspFault('command-response-url-expires', 'the eMSP forgets a command 250 ms after sending it: a later CommandResult is answered 404 with status_code 2000, whatever timeout the CPO gave', 'IN-CMD-02', 'commands.result-accepted',
    'the response_url refused a CommandResult REJECTED sent 500 ms after the command, within the 30 s timeout the tester gave (HTTP 404, status_code 2000), though it took an ACCEPTED one at once: a response_url takes every CommandResult the CPO sends within the timeout')),
  onlyIn(FROM_22, emspFault('push-token-differs', 'the Token the eMSP pushes when triggered has another whitelist than its own list serves, with the same last_updated', 'IN-TOK-01', 'inbound.push-reads-back',
    'Token {uid} differs from the same object in the list, with the same last_updated: a single GET and the list serve one truth')),
  onlyIn(FROM_22, cpoFault('no-real-time-authorization', 'the CPO starts a driver\'s session without asking real-time authorization, whatever the Token\'s whitelist', 'IN-AUTH-01', 'tokens.real-time-authorization',
    'no real-time authorization of Token {uid} (whitelist NEVER) reached the tester within {ms} ms of asking for a session with it: for such a Token the CPO shall ask its eMSP before it charges')),
  onlyIn(FROM_22, cpoFault('blocked-token-charges', 'the CPO asks real-time authorization but starts the session whatever the answer', 'IN-AUTH-01', 'inbound.blocked-token-refused',
    'the CPO pushed a Session for Token {uid}, which the tester answered BLOCKED: a Token whose authorization is not ALLOWED does not charge')),
  // The reference eMSP's START_SESSION when triggered (send-command; 2.2.1 and 2.3.0: IN-CMD-01).
  onlyIn(FROM_22, emspFault('command-without-response-url', 'the eMSP sends START_SESSION without a response_url', 'IN-CMD-01', 'schema.request',
    '/response_url: required field "response_url" is missing')),
  onlyIn(FROM_22, emspFault('command-response-url-unserved', 'the eMSP gives a response_url it answers with 404', 'IN-CMD-01', 'http.status',
    'expected HTTP 200, got 404 from POST {url}')),
  onlyIn(FROM_22, emspFault('command-with-own-token', 'the eMSP sends START_SESSION with the token it issued to the CPO instead of the one it was given', 'IN-CMD-01', 'peer.request-authorized',
    'POST /ocpi/{version}/commands/START_SESSION (the command) carried a token the tester never gave it, not the token the tester gave the target')),
  onlyIn(FROM_22, emspFault('command-to-undeclared-url', 'the eMSP sends START_SESSION to {version}/command/START_SESSION, a URL of its own making, not the declared Commands Receiver', 'IN-CMD-01', 'inbound.declared-endpoint',
    'the command was POSTed to /ocpi/{version}/command/START_SESSION, not to /ocpi/{version}/commands/START_SESSION: a command goes to {commands}/{command} of the Commands Receiver URL the CPO declared')),
  // The Hub Client Info Receiver of both parties (2.2.1 and 2.3.0; 2.1.1 has no such module).
  alsoIn(moduleFault('client-info-restamped', 'a ClientInfo pushed by a Hub is stored with the time of receipt as its last_updated', 'HCI-01', 'hubclientinfo.stored-as-put',
    'the ClientInfo read back differs from the one PUT in 1 place: a Receiver stores the object as sent'),
  { case: 'HCI-02', check: 'hubclientinfo.update-applied', text: 'the ClientInfo read back differs from the one PUT last in 1 place: a Receiver stores the object as sent' }),
  moduleFault('client-info-update-ignored', 'a PUT of a ClientInfo the party already holds is answered with success but not stored (the first version stays)', 'HCI-02', 'hubclientinfo.update-applied',
    'the ClientInfo read back has status "CONNECTED", not OFFLINE: a PUT of a ClientInfo the Receiver holds replaces it (it was CONNECTED)'),
  // The reference PTP's faults (OCPI 2.3.0; the fault loop runs them in 2.3.0 only).
  // What a CPO writes at the PTP (PAY-07..09, with --allow-terminal-changes; always in the embedded runs).
  ptpFault('terminal-patch-ignored', 'the PTP answers a PATCH of a Terminal with success and assigns nothing', 'PAY-07', 'payments.terminal-patch-applied',
    'the Terminal read back does not have the values the PATCH set'),
  ptpFault('terminal-put-ignored', 'the PTP answers a PUT of a Terminal with success and keeps what it had', 'PAY-08', 'payments.terminal-put-applied',
    'the Terminal read back differs from the one PUT in {places}: a Receiver stores the object as sent'),
  warnsIn(ptpFault('activation-no-terminal-posted', 'the PTP accepts an activation but never creates the Terminal at the CPO', 'PAY-09', 'payments.activation-creates-terminal',
    'no Terminal with the reference {reference} was POSTed to the tester\'s Payments Receiver within 5000 ms of the activation: after an activation the PTP should create the Terminal at the CPO')),
  ptpFault('terminals-coordinates-numbers', 'the last Terminal in the list has its coordinates as JSON numbers (they are strings)', 'TERM-01', 'schema.response',
    '/data/1/coordinates/latitude: {value} is not of type string'),
  ptpFault('terminals-date-to-inclusive', 'the Terminals list treats date_to as inclusive', 'TERM-02', 'pagination.date-filter',
    '{id} (last_updated {last_updated}) is outside date_from={date_from} date_to={date_to} (date_to is exclusive)'),
  ptpFault('terminals-ignore-limit', 'the Terminals list ignores the limit the client asks for', 'TERM-03', 'pagination.limit-honoured',
    'limit=2 gave 10 objects: a server may return fewer objects than asked for, never more'),
  alsoIn(ptpFault('confirmations-no-link', 'Financial Advice Confirmation pages carry no Link to the next page', 'FAC-01', 'pagination.link-next',
    'the page at {url} has no Link rel="next", but only 10 of 12 objects (X-Total-Count) were received: every page but the last links to the next'),
  { case: 'FAC-01', check: 'pagination.complete', text: 'the crawl received 10 distinct objects but X-Total-Count says 12: objects were skipped between pages' }),
  ptpFault('confirmations-date-from-exclusive', 'the Financial Advice Confirmations list treats date_from as exclusive', 'FAC-02', 'pagination.date-filter',
    '{id} (last_updated {last_updated}) is inside date_from={date_from} date_to={date_to} but was not returned (date_from is inclusive)'),
  ptpFault('confirmations-ignore-limit', 'the Financial Advice Confirmations list ignores the limit the client asks for', 'FAC-03', 'pagination.limit-honoured',
    'limit=2 gave 10 objects: a server may return fewer objects than asked for, never more'),
  ptpFault('terminal-detail-differs', 'a Terminal fetched on its own has another customer_reference than in the list, with the same last_updated (a stale cache)', 'PAY-05', 'payments.object-matches-list',
    'Terminal RPT-TERM-0001 differs from the same object in the list, with the same last_updated: a single GET and the list serve one truth'),
  ptpFault('confirmation-detail-older', 'a Financial Advice Confirmation fetched on its own has a last_updated a day older than in the list (the capture time)', 'PAY-06', 'payments.object-matches-list',
    'Financial Advice Confirmation RPT-FAC-0001 fetched on its own has last_updated {now}, older than the list\'s {was}: a single GET serves the object as it is now, never an older state'),
  ptpFault('unknown-ptp-terminal-200', 'the PTP answers an unknown Terminal id with HTTP 200 (and status_code 2000)', 'PAY-10', 'http.unknown-object-404',
    'expected HTTP 404, got 200 from GET {url}: a Terminal the PTP never issued is not found'),
  ptpFault('ptp-push-raw-token', 'the PTP POSTs its Terminal and confirmation to the CPO with the token raw instead of Base64-encoded', 'PAY-11', 'auth.token-base64-encoded',
    'the Authorization header must carry the token Base64-encoded; 2 request(s) sent it raw: POST /ocpi/2.3.0/payments/terminals, POST /ocpi/2.3.0/payments/financial-advice-confirmations'),
  ptpFault('ptp-push-routing-to-itself', 'the PTP POSTs to the CPO with OCPI-to naming the PTP itself', 'PAY-11', 'headers.request-routing',
    'OCPI-to names NL/RPT, not the tester ZZ/OCT: a request to a party\'s own endpoint is addressed to that party'),
  ptpFault('ptp-push-with-own-token', 'the PTP POSTs to the CPO with the token it issued (Token C) instead of the one it was given', 'PAY-11', 'peer.request-authorized',
    'POST {url} carried a token the tester never gave it and was refused with HTTP 401: the target must call the tester with the token the tester gave it in the credentials exchange'),
  ptpFault('ptp-push-coordinates-numbers', 'the Terminal the PTP POSTs to the CPO has its coordinates as JSON numbers (they are strings)', 'PAY-11', 'schema.request',
    '/coordinates/latitude: {value} is not of type string'),
  // The reference CPO asks a PTP partner (the tester, 2.3.0) to activate a terminal once registered: PAY-04.
  cpoFault('activation-raw-token', 'the CPO sends its Terminal activation to the PTP with the token raw instead of Base64-encoded', 'PAY-04', 'auth.token-base64-encoded',
    'the Authorization header must carry the token Base64-encoded; 1 request(s) sent it raw: POST /ocpi/2.3.0/payments/terminals/activate'),
  cpoFault('activation-routing-to-itself', 'the CPO sends its Terminal activation to the PTP with OCPI-to naming the CPO itself', 'PAY-04', 'headers.request-routing',
    'OCPI-to names NL/RCP, not the tester ZZ/OCT: a request to a party\'s own endpoint is addressed to that party'),
  cpoFault('activation-with-own-token', 'the CPO sends its Terminal activation to the PTP with the token it issued (Token C) instead of the one it was given', 'PAY-04', 'peer.request-authorized',
    'POST {url} carried a token the tester never gave it and was refused with HTTP 401: the target must call the tester with the token the tester gave it in the credentials exchange'),
  cpoFault('activation-without-last-updated', 'the CPO\'s Terminal activation has no last_updated', 'PAY-04', 'schema.request',
    '/last_updated: required field "last_updated" is missing'),
  // The reference CPO pushes a Location to the tester's Locations Receiver when triggered: IN-LOC-01.
  cpoFault('push-location-differs', 'the Location the CPO pushes when triggered is not the one its own GET serves (another name)', 'IN-LOC-01', 'inbound.push-reads-back',
    'Location {id} differs from the same object in the list, with the same last_updated: a single GET and the list serve one truth'),
  cpoFault('push-location-undeclared-url', 'the CPO pushes the Location to a URL the tester never declared (…/locations-v2/…)', 'IN-LOC-01', 'inbound.declared-endpoint',
    'PUT {path} is not under the Locations Receiver URL the tester declared ({declared}): a party calls only the endpoints its partner declared'),
  cpoFault('push-location-url-without-owner', 'the CPO pushes the Location to {url}/{location_id}, leaving out its country_code and party_id', 'IN-LOC-01', 'inbound.url-structure',
    'the URL must name the country_code, party_id and id of the pushed Location after the Receiver URL; it names {ids} and the body {owner}'),
]));

/** The fault of that name, or undefined. */
export function findFault(name: string): Fault | undefined {
  return FAULTS.find((candidate) => candidate.name === name);
}
