import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

/** The CommandResults the reference eMSP received at the response_urls it gave, by command and id. */
export type CommandResultStore = Map<string, Record<string, unknown>>;

// How long the fault command-response-url-expires keeps a response_url after sending its command.
const EXPIRES_MS = 250;

/**
 * The eMSP's Commands Sender interface (2.2.1, 2.3.0): the response_url it gives with each command it sends, at
 * `{commands}/{command}/{uid}`, where the CPO POSTs the CommandResult. A body without a `result` is refused with 2001.
 * `sent` says when each command was sent, by uid (for a fault that forgets commands early). Its ChargingProfiles
 * Sender interface takes ChargingProfileResults the same way, at `{chargingprofiles}/{session_id}/{uid}` (`module`).
 */
export function commandResultsRoutes(party: PartyContext, results: CommandResultStore, sent: ReadonlyMap<string, number>, module: 'commands' | 'chargingprofiles' = 'commands'): ModuleRoute[] {
  const has = (fault: string): boolean => party.faults.has(fault);
  const receive = (request: ServerRequest): ServerResponseSpec => {
    const body = asPushedObject(request.body);
    if (!body || typeof body['result'] !== 'string') return invalidPush(`the body must be a ${module === 'commands' ? 'CommandResult' : 'ChargingProfileResult'} with a result`);
    if (module === 'chargingprofiles') {
      results.set(`profile/${request.params['command'] ?? ''}/${request.params['uid'] ?? ''}`, body);
      // A result endpoint that is not there after all.
      return has('profile-response-url-unserved') ? { status: 404, body: envelope(undefined, 2000, 'unknown response_url') } : { status: 200, body: envelope(undefined) };
    }
    // An eMSP that knows only the happy path: any other result is "not understood".
    if (has('command-result-only-accepted') && body['result'] !== 'ACCEPTED') return invalidPush(`unknown result ${String(body['result'])}`);
    // An eMSP that forgets a command a quarter of a second after sending it, whatever timeout the CPO gave.
    const sentAt = sent.get(request.params['uid'] ?? '');
    if (has('command-response-url-expires') && sentAt !== undefined && Date.now() - sentAt > EXPIRES_MS) return { status: 404, body: envelope(undefined, 2000, 'unknown or expired command') };
    results.set(`${request.params['command'] ?? ''}/${request.params['uid'] ?? ''}`, body);
    // A result endpoint that is not there after all (the eMSP gave a response_url it does not serve).
    if (has('command-response-url-unserved')) return { status: 404, body: envelope(undefined, 2000, 'unknown response_url') };
    return { status: 200, body: envelope(undefined) };
  };
  // The variant response-url-with-query names the request in the query string: `{module}/{command}?request_id={uid}`.
  const byQuery = (request: ServerRequest): ServerResponseSpec => receive({ ...request, params: { ...request.params, uid: request.query.get('request_id') ?? '' } });
  return [{ method: 'POST', path: '/:command/:uid', handler: receive }, { method: 'POST', path: '/:command', handler: byQuery }];
}
