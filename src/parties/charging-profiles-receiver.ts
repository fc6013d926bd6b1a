import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import { recipientOf, type AsyncResults } from './async-results.js';
import type { CpoStore } from './cpo-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import type { PartyContext } from './party-context.js';

type Body = Record<string, unknown>;

// Seconds the sender should wait for the result; ours arrives within milliseconds.
const TIMEOUT = 30;

// With no profile set, the active profile is the EVSE's maximum (the reference EVSEs deliver 11 kW).
const EVSE_MAXIMUM: Body = { charging_rate_unit: 'W', charging_profile_period: [{ start_period: 0, limit: 11000 }] };

/** Everything a method handler needs. */
interface ProfileContext {
  readonly party: PartyContext;
  readonly store: CpoStore;
  readonly results: AsyncResults;
  readonly request: ServerRequest;
  readonly sessionId: string;
}

const isRecord = (value: unknown): value is Body => value !== null && typeof value === 'object' && !Array.isArray(value);
const invalid = (message: string): ServerResponseSpec => ({ status: 200, body: envelope(undefined, 2001, message) });
const respond = (result: string): ServerResponseSpec => ({ status: 200, body: envelope({ result, timeout: TIMEOUT }) });

/** UNKNOWN_SESSION unless the session exists and is charging; a fault lets any session id through. */
function refuseSession(context: ProfileContext): ServerResponseSpec | undefined {
  const session = context.store.session(context.sessionId);
  if (session?.status === 'ACTIVE' || context.party.faults.has('unknown-session-accepted')) return undefined;
  return respond('UNKNOWN_SESSION');
}

function postResult(context: ProfileContext, responseUrl: string, result: unknown): void {
  context.results.post({ responseUrl, result, to: recipientOf(context.request) });
}

function setProfile(context: ProfileContext): ServerResponseSpec {
  const body = isRecord(context.request.body) ? context.request.body : undefined;
  if (!isRecord(body?.['charging_profile'])) return invalid('charging_profile is required (a ChargingProfile object)');
  const responseUrl = body['response_url'];
  if (typeof responseUrl !== 'string') return invalid('response_url is required');
  const refused = refuseSession(context);
  if (refused) return refused;
  context.store.profiles.set(context.sessionId, { chargingProfile: body['charging_profile'], since: context.store.now() });
  // Under the fault the CPO promises a result within a second and never sends it.
  if (context.party.faults.has('set-profile-result-never-sent')) return { status: 200, body: envelope({ result: 'ACCEPTED', timeout: 1 }) };
  postResult(context, responseUrl, { result: 'ACCEPTED' });
  return respond('ACCEPTED');
}

/** The ActiveChargingProfile for a session: what was set, or the EVSE's maximum, for the requested duration. */
function activeProfile(context: ProfileContext, duration: number): Body {
  const stored = context.store.profiles.get(context.sessionId)?.chargingProfile;
  const chargingProfile: Body = { ...(isRecord(stored) ? stored : EVSE_MAXIMUM), duration };
  if (context.party.faults.has('active-profile-result-invalid')) delete chargingProfile['charging_rate_unit'];
  return { start_date_time: context.store.now(), charging_profile: chargingProfile };
}

function getProfile(context: ProfileContext): ServerResponseSpec {
  const { query } = context.request;
  const duration = query.get('duration') ?? '';
  if (!/^\d+$/.test(duration)) return invalid('duration is required (an integer number of seconds)');
  const responseUrl = query.get('response_url');
  if (!responseUrl) return invalid('response_url is required');
  const refused = refuseSession(context);
  if (refused) return refused;
  postResult(context, responseUrl, { result: 'ACCEPTED', profile: activeProfile(context, Number(duration)) });
  return respond('ACCEPTED');
}

function clearProfile(context: ProfileContext): ServerResponseSpec {
  const responseUrl = context.request.query.get('response_url');
  if (!responseUrl) return invalid('response_url is required');
  const refused = refuseSession(context);
  if (refused) return refused;
  context.store.profiles.delete(context.sessionId);
  postResult(context, responseUrl, { result: 'ACCEPTED' });
  return respond(context.party.faults.has('clear-profile-response-invalid') ? 'DONE' : 'ACCEPTED');
}

/**
 * The CPO's Charging Profiles Receiver interface: `GET|PUT|DELETE {url}/{session_id}` answer a
 * ChargingProfileResponse at once and POST the matching result (ActiveChargingProfileResult, ChargingProfileResult,
 * ClearProfileResult) to the `response_url` a moment later. Authorization and routing headers are the caller's
 * `functionalHandler`'s job.
 */
export function chargingProfilesRoutes(party: PartyContext, store: CpoStore, results: AsyncResults): ModuleRoute[] {
  const path = '/:session_id';
  const route = (method: ModuleRoute['method'], act: (context: ProfileContext) => ServerResponseSpec): ModuleRoute => ({
    method,
    path,
    handler: (request) => act({ party, store, results, request, sessionId: request.params['session_id'] ?? '' }),
  });
  return [route('GET', getProfile), route('PUT', setProfile), route('DELETE', clearProfile)];
}
