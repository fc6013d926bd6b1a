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

// The required fields of each command's body besides response_url: 'object' for the Token, 'string' for the rest.
const REQUIRED: Readonly<Record<CommandName, Readonly<Record<string, 'string' | 'object'>>>> = {
  START_SESSION: { token: 'object', location_id: 'string' },
  STOP_SESSION: { session_id: 'string' },
  RESERVE_NOW: { token: 'object', expiry_date: 'string', reservation_id: 'string', location_id: 'string' },
  CANCEL_RESERVATION: { reservation_id: 'string' },
  UNLOCK_CONNECTOR: { location_id: 'string', evse_uid: 'string', connector_id: 'string' },
};

// The Token fields a session's cdr_token is built from.
const CDR_TOKEN_FIELDS = ['country_code', 'party_id', 'uid', 'type', 'contract_id'] as const;

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

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(REQUIRED, name);
const isRecord = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value);
const invalid = (message: string): ServerResponseSpec => ({ status: 200, body: envelope(undefined, 2001, message) });
const accepted = (): ServerResponseSpec => ({ status: 200, body: envelope({ result: 'ACCEPTED', timeout: TIMEOUT }) });

/** The spec's sequence diagram for an unknown location: CommandResponse REJECTED with status_code 2003 (a variant: 1000). */
function rejected(reason: string, statusCode = 2003): ServerResponseSpec {
  return { status: 200, body: envelope({ result: 'REJECTED', timeout: TIMEOUT, message: [{ language: 'en', text: reason }] }, statusCode, reason) };
}

/** What is wrong with a command's body, or undefined when it has every required field. */
function bodyProblem(command: CommandName, body: Body | undefined): string | undefined {
  if (!body) return `the body must be a ${command} object`;
  if (typeof body['response_url'] !== 'string') return 'response_url is required';
  for (const [field, kind] of Object.entries(REQUIRED[command])) {
    if (typeof body[field] !== kind || body[field] === null) return `${field} is required (${kind === 'object' ? 'a Token object' : 'a string'})`;
  }
  const token = body['token'];
  if (isRecord(token)) {
    const missing = CDR_TOKEN_FIELDS.filter((field) => typeof token[field] !== 'string');
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
    return accepted();
  }
  if (!location) {
    const refusal = rejected('unknown location', context.party.variants.has('unknown-location-rejected-1000') ? 1000 : 2003);
    // unknown-location-command-404: the REJECTED/2003 answer, but with the HTTP status of a missing resource.
    return context.party.faults.has('unknown-location-command-404') ? { ...refusal, status: 404 } : refusal;
  }
  const target = findTarget(location, context.body);
  if (typeof target === 'string') return rejected(target);
  act(target);
  return accepted();
}

function newSession(context: CommandContext, target: Target): Session {
  const { store, party, body } = context;
  const token = body['token'] as Body;
  const now = store.now();
  const cdrToken = Object.fromEntries(CDR_TOKEN_FIELDS.map((field) => [field, String(token[field])])) as unknown as Session['cdr_token'];
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
  if (!session) return { status: 200, body: envelope({ result: 'UNKNOWN_SESSION', timeout: TIMEOUT }) };
  if (session.status === 'ACTIVE' && !party.faults.has('stop-session-keeps-active')) {
    const now = store.now();
    store.updateSession({ ...session, status: 'COMPLETED', end_date_time: now, last_updated: now });
  }
  postResult(context, { result: 'ACCEPTED' });
  return accepted();
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
  return accepted();
}

function unlockConnector(context: CommandContext): ServerResponseSpec {
  const answer = withTarget(context, () => {
    if (!context.party.faults.has('unlock-result-never-sent')) postResult(context, { result: 'ACCEPTED' });
  });
  // Under the fault the CPO promises a result within a second and never sends it.
  const result = (answer.body as { data?: { result?: unknown } } | undefined)?.data?.result;
  return context.party.faults.has('unlock-result-never-sent') && result === 'ACCEPTED' ? { status: 200, body: envelope({ result: 'ACCEPTED', timeout: 1 }) } : answer;
}

const HANDLERS: Readonly<Record<CommandName, (context: CommandContext) => ServerResponseSpec>> = {
  START_SESSION: startSession,
  STOP_SESSION: stopSession,
  RESERVE_NOW: reserveNow,
  CANCEL_RESERVATION: cancelReservation,
  UNLOCK_CONNECTOR: unlockConnector,
};

/**
 * The CPO's Commands Receiver interface: `POST {url}/{command}` answers a CommandResponse at
 * once and, when ACCEPTED, POSTs the CommandResult to the body's `response_url` a moment later. Authorization and
 * routing headers are the caller's `functionalHandler`'s job.
 */
export function commandsRoutes(party: PartyContext, store: CpoStore, results: AsyncResults): ModuleRoute[] {
  const answer = (request: ServerRequest): ServerResponseSpec => {
    const command = request.params['command'];
    if (!isCommand(command)) return { status: 404, body: envelope(undefined, 2000, `unknown command ${command ?? ''}; expected one of ${Object.keys(REQUIRED).join(', ')}`) };
    const body = isRecord(request.body) ? request.body : undefined;
    const problem = bodyProblem(command, body);
    if (problem || !body) return invalid(problem ?? 'the body must be an object');
    return HANDLERS[command]({ party, store, results, request, command, body, responseUrl: String(body['response_url']) });
  };
  const handler = async (request: ServerRequest): Promise<ServerResponseSpec> => {
    const response = answer(request);
    // A CPO whose charger answers at once may POST the result before it has replied to the command itself.
    if (party.variants.has('command-result-before-response')) await results.settle();
    return response;
  };
  return [{ method: 'POST', path: '/:command', handler }];
}
