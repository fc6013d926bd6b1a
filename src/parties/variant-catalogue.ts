import type { PartyRole } from '../model/party-role.js';
import type { OcpiVersion } from '../model/ocpi-version.js';

/**
 * One named behaviour the spec allows that differs from the reference party's own. A variant proves the other half of
 * a check (DESIGN §6): a conformant but different implementation must pass, so a run with any variant, alone or with
 * the others, must have no failure the plain party's run does not have.
 */
export interface Variant {
  readonly name: string;
  readonly description: string;
  readonly roles: readonly PartyRole[];
  /** The spec rule that allows it, in our own words, with the section it is in. */
  readonly rule: string;
  /** The versions whose rule allows it, when not all (2.1.1 DateTimes have whole seconds only, say). */
  readonly versions?: readonly OcpiVersion[];
  /**
   * The functional modules the party then leaves out of its version details (a party implements the modules it
   * chooses): the cases of those modules, and those that need what they establish, skip instead of passing.
   */
  readonly undeclares?: readonly string[];
  /** Set while the tester still fails this variant for a known defect being fixed elsewhere: the reason. */
  readonly pending?: string;
}

const BOTH: readonly PartyRole[] = ['cpo', 'emsp'];
const CPO: readonly PartyRole[] = ['cpo'];
const EMSP: readonly PartyRole[] = ['emsp'];
/** Both, and the Payment Terminal Provider (OCPI 2.3.0) whose lists and envelopes are the same machinery's. */
const BOTH_AND_PTP: readonly PartyRole[] = ['cpo', 'emsp', 'ptp'];

function variant(name: string, roles: readonly PartyRole[], description: string, rule: string, pending?: string): Variant {
  return Object.freeze({ name, description, roles, rule, ...(pending === undefined ? {} : { pending }) });
}


/** Every variant the reference parties know, in the order `--list-variants` prints them. */
export const VARIANTS: readonly Variant[] = Object.freeze([
  // 2.1.1 DateTimes have whole seconds (spec-notes, OCPI 2.1.1 reading 1).
  Object.freeze({ ...variant('datetime-milliseconds', BOTH_AND_PTP, 'every DateTime the party writes (responses and its own requests) has milliseconds, e.g. 2024-01-01T00:00:00.000Z',
    'Types, DateTime: fractional seconds may be used'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  variant('datetime-without-z', BOTH, 'every DateTime the party writes (responses and its own requests) has no Z, e.g. 2024-01-01T00:00:00',
    'Types, DateTime: all times are UTC, so a DateTime without a timezone designator is a UTC time'),
  // 2.3.0 forbids refusing a field the specification does not define, and requires nothing of keeping it (N6).
  Object.freeze({ ...variant('unknown-fields-dropped', BOTH, 'the Tokens and Locations Receivers store only the fields the specification defines, silently dropping any other',
    'Transport and format, Non-specified JSON fields (2.3.0): a platform must not reject a request for a field the specification does not define; nothing obliges it to store one'), versions: Object.freeze(['2.3.0'] as const) }),
  Object.freeze({ ...variant('command-required-fields-only', EMSP, 'the START_SESSION the eMSP sends when triggered carries only response_url, token and location_id (no evse_uid, no authorization_reference)',
    'Commands module, StartSession object: evse_uid and authorization_reference are optional'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  Object.freeze({ ...variant('response-url-with-query', EMSP, 'the response_url of each command and ChargingProfile the eMSP sends names the request in a query string (…/START_SESSION?request_id=…)',
    'Charging Profiles module, GET method: a response_url might contain a unique ID to tell requests apart, as in the spec\'s own ?request_id= example; a URL is any URL'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  Object.freeze({ ...variant('session-updates-by-put', CPO, 'the CPO sends a Session\'s changes (its completion) as a PUT of the whole Session instead of a PATCH',
    'Sessions module, Receiver interface: PUT sends a new or updated Session object; PATCH is one way, not the only one, to send a change'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  Object.freeze({ ...variant('evse-status-by-put', CPO, 'the CPO sends an EVSE status change as a PUT of the whole EVSE at its URL instead of a PATCH',
    'Locations module, Receiver interface: PUT at {location_id}/{evse_uid} sends a new or updated EVSE; PATCH is one way to send a change'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  Object.freeze({ ...variant('session-completed-after-cdr', CPO, 'the CPO POSTs a stopped session\'s CDR before it PATCHes the Session\'s completion',
    'Sessions and CDRs modules: a change of a Session is sent to the eMSP, and a CDR is POSTed when it is created; no order between the two is given'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  variant('status-message-always', BOTH_AND_PTP, 'every response envelope carries a status_message, successes included',
    'Transport and format, Response format: status_message is an optional string that may accompany any status_code'),
  variant('data-null', BOTH, 'a response that defines no data carries "data": null instead of leaving data out',
    'Transport and format, Response format: where a call defines no data, the receiver of the response is advised to accept data absent or present with any value'),
  variant('content-type-charset', BOTH, 'every JSON body the party sends is labelled application/json; charset=utf-8',
    'Transport and format, Request format: the Content-Type is application/json; a charset parameter names the encoding JSON has anyway (RFC 8259)'),
  variant('decimals-with-fraction', BOTH, 'decimal fields (prices, VAT, energy, times) with an integral value are written with a fraction on the wire, e.g. 5.0',
    'Types, number: a decimal value in JSON; 5 and 5.0 are the same JSON number'),
  variant('pages-smaller-than-asked', BOTH_AND_PTP, 'the party\'s lists have an X-Limit of 3 and answer a limit below that with one object fewer than asked (at least one)',
    'Transport and format, Pagination: limit is the most objects to return; the server may return fewer, and X-Limit states its own upper limit'),
  variant('link-params-reordered', BOTH_AND_PTP, 'the next Link puts offset and limit first and the filters after them',
    'Transport and format, Pagination: the Link is the URL of the next page with the request\'s filters; the order of query parameters is not prescribed'),
  variant('versions-older-offered', BOTH, 'the versions list offers 2.0, 2.1.1 and 2.2 besides 2.2.1 (their URLs answer 404)',
    'Version information endpoint: the list names every version the party supports, each a known VersionNumber; the partner picks the version they share'),
  variant('credentials-two-roles', BOTH, 'the party\'s credentials name two roles: its own and an NSP role of the same company',
    'Credentials, Credentials object: roles is a list of one or more CredentialsRole objects, one platform may act in several roles'),
  variant('business-details-full', BOTH, 'the business_details in the party\'s credentials have a website and a logo',
    'Credentials, CredentialsRole and Types, BusinessDetails: website and logo are optional fields'),
  variant('token-c-symbols', BOTH, 'the credentials token the party issues (Token C) contains printable symbols such as + / = ~ .',
    'Credentials, Credentials object: a token is up to 64 printable non-whitespace ASCII characters'),
  variant('created-200', BOTH, 'a Receiver answers a PUT or POST that creates an object with HTTP 200 instead of 201',
    'Status codes, HTTP status codes: 201 for a newly created object is a SHOULD, and 200 is a success all the same'),
  Object.freeze({ ...variant('parking-lowercase-references', CPO, 'the EVSEs of 2.3.0 Locations name their parking places in lower case (p1 for P1)',
    'Types, CiString: a Parking id and an EVSE\'s parking_id are case-insensitive strings, so P1 and p1 are the same id'), versions: Object.freeze(['2.3.0'] as const) }),
  variant('readback-reordered', EMSP, 'a Location read back from the eMSP lists its EVSEs and their Connectors in reverse order',
    'Locations, Location and EVSE objects: evses and connectors are lists whose order carries no meaning; each is identified by uid or id'),
  variant('readback-extra-fields', EMSP, 'objects read back from the eMSP carry fields the spec does not define',
    'Transport and format, unknown fields: a party may add fields; its partner ignores what it does not know'),
  // 2.1.1 types these ids as plain (case-sensitive) strings: lower-casing them changes them there.
  Object.freeze({ ...variant('readback-lowercase-ids', EMSP, 'the eMSP stores CiStrings (country_code, party_id, id, uid) in lower case, reads them back so, and matches URLs case-insensitively',
    'Types, CiString: a case-insensitive string, so ABC and abc are the same value'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  variant('readback-null-optionals', EMSP, 'objects read back from the eMSP carry null for the optional fields that were not sent',
    'Terminology, Cardinality: an optional field may be null or left out'),
  variant('authorize-without-location-2002', EMSP, 'real-time authorization without LocationReferences is answered with status_code 2002',
    'Tokens, POST authorize: when it needs a Location to decide, the eMSP answers 2002 (not enough information)'),
  variant('tariff-deleted-410', EMSP, 'a Tariff the CPO deleted is answered with HTTP 410 Gone (and status_code 2003) instead of 404',
    'Status codes, HTTP status codes: a GET of an object that does not exist SHOULD be answered 404, a recommendation, not a requirement'),
  variant('unknown-location-rejected-1000', CPO, 'a command (START_SESSION, RESERVE_NOW, …) for a Location the CPO does not know is answered REJECTED with status_code 1000',
    'Commands, CommandResponse: the CPO answers whether it can send the command; REJECTED with 1000 says so for a Location it cannot reach'),
  variant('command-result-before-response', CPO, 'the CPO POSTs the result of a command to the response_url before it sends the synchronous response',
    'Commands, response_url: the result is sent when the charger answers, which may be before the CPO has replied to the command'),
  variant('payments-lowercase-ids', ['cpo', 'ptp'], 'in OCPI 2.3.0, the CPO reads Terminals and Financial Advice Confirmations back, and the PTP serves them (lists and single objects) and POSTs the Terminals it creates, with their ids and references in lower case',
    'Types, CiString: terminal_id, id, reference, customer_reference and authorization_reference are case-insensitive strings, so ABC and abc are the same value'),
  variant('payments-post-echoes-object', CPO, 'in OCPI 2.3.0, the CPO answers a POSTed Terminal or Financial Advice Confirmation with the stored object as data',
    'Transport and format, Response format: where a call defines no data (the Payments POST methods define none), the receiver of the response is advised to accept any data'),
  variant('terminal-writes-echo-object', ['ptp'], 'in OCPI 2.3.0, the PTP answers a PUT, PATCH, activation or deactivation of a Terminal with the Terminal as data',
    'Transport and format, Response format: where a call defines no data (the Payments PUT, PATCH and activation methods define none), the receiver of the response is advised to accept any data'),
  variant('activation-terminal-later-by-id', ['ptp'], 'in OCPI 2.3.0, after an activation the PTP POSTs the new Terminal to the CPO 1.5 s later, with only its terminal_id and last_updated',
    'Payments module, Receiver interface, POST Terminal method: the object sent may be just the terminal id; the Terminal Activation flow gives no time'),
  variant('pull-pages-side-by-side', BOTH, 'the party pulls its partner\'s list (an eMSP the Locations, a CPO the Tokens) since a date with limit 4, then fetches all further pages at once at offsets it computes from X-Total-Count, without following Links',
    'Transport and format, Pagination: date_from and limit are the client\'s to choose; the next page starts after the objects the previous one returned, however the client finds its offset'),
  variant('null-optionals', BOTH, 'unset optional fields are written as null in every object the party sends (lists, single objects, credentials)',
    'Terminology, Cardinality: an optional field may be null or left out'),
  variant('token-a-single-use', BOTH, 'Token A is refused everywhere (401) once it served a registration, and is not re-armed when the partner unregisters',
    'Credentials, Registration: after the registration Token A may no longer be used'),
  Object.freeze({ ...variant('tariffs-not-offered', CPO, 'the CPO offers no Tariffs module: its version details declare none, and its Tariffs URLs answer 404',
    'Version information endpoint, Version details: a party lists the modules it implements; only Credentials is required of every party'), undeclares: Object.freeze(['tariffs']) }),
  variant('endpoints-trailing-slash', BOTH, 'the version details declare every module URL with a trailing slash, and the URL without it answers 404',
    'Version information endpoint, Endpoint: url is the URL of the endpoint, whatever its form; a client uses it as given'),
  // Hub Client Info has no Receiver in 2.1.1.
  Object.freeze({ ...variant('clientinfo-lowercase-ids', BOTH, 'the party reads a ClientInfo a Hub pushed back with its country_code and party_id in lower case',
    'Types, CiString: country_code and party_id of a ClientInfo are case-insensitive strings, so NL and nl are the same value'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  Object.freeze({ ...variant('clientinfo-put-echoes-object', BOTH, 'the party answers a PUT of a ClientInfo with the stored ClientInfo as data',
    'Transport and format, Response format: where a call defines no data (the Hub Client Info PUT defines none), the receiver of the response is advised to accept any data'), versions: Object.freeze(['2.2.1', '2.3.0'] as const) }),
  variant('push-location-later', CPO, 'asked to push a Location, the CPO says it has started and pushes it half a second later (a queued push)',
    'Locations module, Receiver interface: a CPO pushes a change when it happens in its own system; nothing ties the push to the moment it was asked for'),
]);

/** The variant of that name, or undefined. */
export function findVariant(name: string): Variant | undefined {
  return VARIANTS.find((candidate) => candidate.name === name);
}
