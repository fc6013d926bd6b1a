import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { recipientOf, type AsyncResults } from './async-results.js';
import type { Connector, Evse, Location, Session } from '../ocpi-data/ocpi-objects.js';
import type { CpoStore } from './cpo-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import type { PartyContext } from './party-context.js';

/** The CommandType values. */
type CommandName = 'START_SESSION' | 'STOP_SESSION' | 'RESERVE_NOW' | 'CANCEL_RESERVATION' | 'UNLOCK_CONNECTOR';

type Body = Record<string, unknown>;

// Seconds the eMSP should wait for the CommandResult; ours arrives within milliseconds.
const TIMEOUT = 30;

/** What a field of a command's body must be: 'object' for the Token, 'string' or 'number' (an int) for the rest. */
type FieldKind = 'string' | 'object' | 'number';

// The required fields of each command's body besides response_url.
const REQUIRED: Readonly<Record<CommandName, Readonly<Record<string, FieldKind>>>> = {
  START_SESSION: { token: 'object', location_id: 'string' },
  STOP_SESSION: { session_id: 'string' },
  RESERVE_NOW: { token: 'object', expiry_date: 'string', reservation_id: 'string', location_id: 'string' },
  CANCEL_RESERVATION: { reservation_id: 'string' },
  UNLOCK_CONNECTOR: { location_id: 'string', evse_uid: 'string', connector_id: 'string' },
};

// OCPI 2.1.1 has four commands (no CANCEL_RESERVATION) and numbers its reservations with an int.
const REQUIRED_211: Readonly<Partial<Record<CommandName, Readonly<Record<string, FieldKind>>>>> = {
  START_SESSION: REQUIRED.START_SESSION,
  STOP_SESSION: REQUIRED.STOP_SESSION,
  RESERVE_NOW: { ...REQUIRED.RESERVE_NOW, reservation_id: 'number' },
  UNLOCK_CONNECTOR: REQUIRED.UNLOCK_CONNECTOR,
};

const requiredIn = (party: PartyContext): Readonly<Partial<Record<CommandName, Readonly<Record<string, FieldKind>>>>> => (party.version === '2.1.1' ? REQUIRED_211 : REQUIRED);

// The Token fields a session's cdr_token is built from; a 2.1.1 Token names its contract auth_id and no owner.
const CDR_TOKEN_FIELDS = ['country_code', 'party_id', 'uid', 'type', 'contract_id'] as const;
const TOKEN_FIELDS_211 = ['uid', 'type', 'auth_id'] as const;

/** Everything a command handler needs: the party, its data, the result poster, and the validated request. */
interface CommandContext {
  readonly party: PartyContext;
  readonly store: CpoStore;
  readonly results: AsyncResults;
  readonly request: ServerRequest;
  readonly command: CommandName;
  readonly body: Body;
  readonly responseUrl: string;
}

/** Where a location-based command acts; evse and connector are the requested ones, or the location's first. */
interface Target {
  readonly location: Location;
  readonly evse: Evse;
  readonly connector: Connector;
}

const isCommand = (party: PartyContext, name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(requiredIn(party), name);
const isRecord = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value);
const invalid = (message: string): ServerResponseSpec => ({ status: 200, body: envelope(undefined, 2001, message) });

/** A CommandResponse of the version: from 2.2 on with the timeout the result will come within; 2.1.1's has only a result. */
function commandResponse(party: PartyContext, result: string, reason?: string): Body {
  if (party.version === '2.1.1') return { result };
  return { result, timeout: TIMEOUT, ...(reason ? { message: [{ language: 'en', text: reason }] } : {}) };
}

const accepted = (party: PartyContext): ServerResponseSpec => ({ status: 200, body: envelope(commandResponse(party, 'ACCEPTED')) });

/** The spec's sequence diagram for an unknown location: CommandResponse REJECTED with status_code 2003 (a variant: 1000). */
function rejected(party: PartyContext, reason: string, statusCode = 2003): ServerResponseSpec {
  return { status: 200, body: envelope(commandResponse(party, 'REJECTED', reason), statusCode, reason) };
}

const KIND_WORDS: Readonly<Record<FieldKind, string>> = { object: 'a Token object', string: 'a string', number: 'an int' };

/** What is wrong with a command's body, or undefined when it has every required field. */
function bodyProblem(party: PartyContext, command: CommandName, body: Body | undefined): string | undefined {
  if (!body) return `the body must be a ${command} object`;
  if (typeof body['response_url'] !== 'string') return 'response_url is required';
  for (const [field, kind] of Object.entries(requiredIn(party)[command] ?? {})) {
    if (typeof body[field] !== kind || body[field] === null || (kind === 'number' && !Number.isInteger(body[field]))) return `${field} is required (${KIND_WORDS[kind]})`;
  }
  const token = body['token'];
  if (isRecord(token)) {
    const missing = (party.version === '2.1.1' ? TOKEN_FIELDS_211 : CDR_TOKEN_FIELDS).filter((field) => typeof token[field] !== 'string');
    if (missing.length > 0) return `the token lacks ${missing.join(', ')}`;
  }
  // StartSession: a connector can only be named together with its EVSE.
  if (body['connector_id'] !== undefined && body['evse_uid'] === undefined) return 'connector_id requires evse_uid';
  return undefined;
}

/** The EVSE and connector a command names on its location, or why there is none; a missing id means the first. */
function findTarget(location: Location, body: Body): Target | string {
  const evseUid = body['evse_uid'];
  const evse = evseUid === undefined ? location.evses?.[0] : location.evses?.find((candidate) => candidate.uid === evseUid);
  if (!evse) return evseUid === undefined ? 'the location has no EVSE' : 'unknown EVSE';
  const connectorId = body['connector_id'];
  const connector = connectorId === undefined ? evse.connectors[0] : evse.connectors.find((candidate) => candidate.id === connectorId);
  if (!connector) return connectorId === undefined ? 'the EVSE has no connector' : 'unknown connector';
  return { location, evse, connector };
}

// Faults of one command's result path each: the token raw, Token A, or the result addressed to the CPO itself.
const RESULT_SLIPS: ReadonlyArray<readonly [string, CommandName, 'raw-token' | 'token-a' | 'routed-to-itself']> = [
  ['unlock-result-raw-token', 'UNLOCK_CONNECTOR', 'raw-token'],
  ['reserve-result-with-token-a', 'RESERVE_NOW', 'token-a'],
  ['cancel-result-routed-to-itself', 'CANCEL_RESERVATION', 'routed-to-itself'],
];

function postResult(context: CommandContext, result: unknown): void {
  const { party } = context;
  const slip = RESULT_SLIPS.find(([fault, command]) => command === context.command && party.faults.has(fault))?.[2];
  const to = slip === 'routed-to-itself' ? { countryCode: party.countryCode, partyId: party.partyId } : recipientOf(context.request);
  context.results.post({ responseUrl: context.responseUrl, result, to, ...(slip === 'raw-token' || slip === 'token-a' ? { slip } : {}) });
}

/** Location-based commands: resolve the target, or answer REJECTED/2003 (a fault accepts unknown locations blindly). */
function withTarget(context: CommandContext, act: (target: Target) => void): ServerResponseSpec {
  const location = context.store.location(String(context.body['location_id']));
  if (!location && context.party.faults.has('unknown-location-accepted')) {
    postResult(context, { result: 'ACCEPTED' });
    return accepted(context.party);
  }
  if (!location) {
    const refusal = rejected(context.party, 'unknown location', context.party.variants.has('unknown-location-rejected-1000') ? 1000 : 2003);
    // unknown-location-command-404: the REJECTED/2003 answer, but with the HTTP status of a missing resource.
    return context.party.faults.has('unknown-location-command-404') ? { ...refusal, status: 404 } : refusal;
  }
  const target = findTarget(location, context.body);
  if (typeof target === 'string') return rejected(context.party, target);
  act(target);
  return accepted(context.party);
}

function newSession(context: CommandContext, target: Target): Session {
  const { store, party, body } = context;
  const token = body['token'] as Body;
  const now = store.now();
  const cdrToken = cdrTokenOf(party, token);
  const reference = body['authorization_reference'];
  return {
    country_code: party.countryCode,
    party_id: party.partyId,
    id: store.nextId('SES'),
    start_date_time: now,
    kwh: 0,
    cdr_token: cdrToken,
    auth_method: 'COMMAND',
    ...(typeof reference === 'string' ? { authorization_reference: reference } : {}),
    location_id: target.location.id,
    evse_uid: target.evse.uid,
    connector_id: target.connector.id,
    currency: 'EUR',
    charging_periods: [],
    // Under the fault the CPO's session record says COMPLETED from the start (a status mapping slip).
    status: party.faults.has('start-session-completed') ? 'COMPLETED' : 'ACTIVE',
    last_updated: now,
  };
}

/**
 * The session's cdr_token, from the command's Token. A 2.1.1 Token has no owner and no contract_id: its auth_id is the
 * contract, and the owner stays the CPO's own placeholder (a 2.1.1 Session, the only form a 2.1.1 partner sees, has none).
 */
function cdrTokenOf(party: PartyContext, token: Body): Session['cdr_token'] {
  if (party.version !== '2.1.1') return Object.fromEntries(CDR_TOKEN_FIELDS.map((field) => [field, String(token[field])])) as unknown as Session['cdr_token'];
  return { country_code: party.countryCode, party_id: party.partyId, uid: String(token['uid']), type: String(token['type']), contract_id: String(token['auth_id']) } as Session['cdr_token'];
}

function startSession(context: CommandContext): ServerResponseSpec {
  const answer = withTarget(context, (target) => {
    // The session exists before the eMSP hears ACCEPTED, so it can GET it right away.
    if (!context.party.faults.has('start-session-no-session')) context.store.sessions.push(newSession(context, target));
    postResult(context, { result: 'ACCEPTED' });
  });
  // The charger starts all the same: only the answer is wrong.
  const result = (answer.body as { data?: { result?: unknown } } | undefined)?.data?.result;
  if (context.party.faults.has('start-session-response-invalid') && result === 'ACCEPTED') return { status: 200, body: envelope({ result: 'ACCEPTED' }) };
  return answer;
}

function stopSession(context: CommandContext): ServerResponseSpec {
  const { store, party } = context;
  const session = store.session(String(context.body['session_id']));
  if (!session) return { status: 200, body: envelope(commandResponse(party, 'UNKNOWN_SESSION')) };
  if (session.status === 'ACTIVE' && !party.faults.has('stop-session-keeps-active')) {
    const now = store.now();
    store.updateSession({ ...session, status: 'COMPLETED', end_date_time: now, last_updated: now });
  }
  postResult(context, { result: 'ACCEPTED' });
  return accepted(party);
}

function reserveNow(context: CommandContext): ServerResponseSpec {
  return withTarget(context, (target) => {
    const evseUid = context.body['evse_uid'] === undefined ? {} : { evseUid: target.evse.uid };
    // Same reservation_id again replaces the reservation.
    context.store.reservations.set(String(context.body['reservation_id']), { locationId: target.location.id, ...evseUid });
    postResult(context, { result: context.party.faults.has('reserve-result-invalid') ? 'OK' : 'ACCEPTED' });
  });
}

function cancelReservation(context: CommandContext): ServerResponseSpec {
  const { store, party } = context;
  const reservationId = String(context.body['reservation_id']);
  const known = store.reservations.delete(reservationId);
  postResult(context, { result: known ? 'ACCEPTED' : 'UNKNOWN_RESERVATION' });
  if (party.faults.has('cancel-reservation-response-invalid')) return { status: 200, body: envelope({ result: 'ACCEPTED' }) };
  return accepted(party);
}

function unlockConnector(context: CommandContext): ServerResponseSpec {
  const answer = withTarget(context, () => {
    if (!context.party.faults.has('unlock-result-never-sent')) postResult(context, { result: 'ACCEPTED' });
  });
  // Under the fault the CPO promises a result within a second and never sends it.
  const result = (answer.body as { data?: { result?: unknown } } | undefined)?.data?.result;
  // (2.1.1 announces no timeout: the promise is the ACCEPTED alone.)
  const promise = context.party.version === '2.1.1' ? { result: 'ACCEPTED' } : { result: 'ACCEPTED', timeout: 1 };
  return context.party.faults.has('unlock-result-never-sent') && result === 'ACCEPTED' ? { status: 200, body: envelope(promise) } : answer;
}

const HANDLERS: Readonly<Record<CommandName, (context: CommandContext) => ServerResponseSpec>> = {
  START_SESSION: startSession,
  STOP_SESSION: stopSession,
  RESERVE_NOW: reserveNow,
  CANCEL_RESERVATION: cancelReservation,
  UNLOCK_CONNECTOR: unlockConnector,
};

/** Under command-responses-bare-string, the answer's CommandResponse as its bare result string (2.1.1 before d2). */
function bareUnderFault(party: PartyContext, response: ServerResponseSpec): ServerResponseSpec {
  const body = response.body as { data?: { result?: unknown } } | undefined;
  if (!party.faults.has('command-responses-bare-string') || typeof body?.data?.result !== 'string') return response;
  return { ...response, body: { ...body, data: body.data.result } };
}

/**
 * The CPO's Commands Receiver interface: `POST {url}/{command}` answers a CommandResponse at
 * once and, when ACCEPTED, POSTs the CommandResult to the body's `response_url` a moment later. Authorization and
 * routing headers are the caller's `functionalHandler`'s job.
 */
export function commandsRoutes(party: PartyContext, store: CpoStore, results: AsyncResults): ModuleRoute[] {
  const answer = (request: ServerRequest): ServerResponseSpec => {
    const command = request.params['command'];
    if (!isCommand(party, command)) return { status: 404, body: envelope(undefined, 2000, `unknown command ${command ?? ''}; expected one of ${Object.keys(requiredIn(party)).join(', ')}`) };
    const body = isRecord(request.body) ? request.body : undefined;
    const problem = bodyProblem(party, command, body);
    if (problem || !body) return invalid(problem ?? 'the body must be an object');
    return HANDLERS[command]({ party, store, results, request, command, body, responseUrl: String(body['response_url']) });
  };
  const handler = async (request: ServerRequest): Promise<ServerResponseSpec> => {
    const response = bareUnderFault(party, answer(request));
    // A CPO whose charger answers at once may POST the result before it has replied to the command itself.
    if (party.variants.has('command-result-before-response')) await results.settle();
    return response;
  };
  return [{ method: 'POST', path: '/:command', handler }];
}
