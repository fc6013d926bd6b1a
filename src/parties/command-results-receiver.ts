import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { asPushedObject, invalidPush } from './owned-object-push.js';
import type { PartyContext } from './party-context.js';

/** The CommandResults the reference eMSP received at the response_urls it gave, by command and id. */
export type CommandResultStore = Map<string, Record<string, unknown>>;

/**
 * The eMSP's Commands Sender interface (2.2.1, 2.3.0): the response_url it gives with each command it sends, at
 * `{commands}/{command}/{uid}`, where the CPO POSTs the CommandResult. A body without a `result` is refused with 2001.
 */
export function commandResultsRoutes(party: PartyContext, results: CommandResultStore): ModuleRoute[] {
  const receive = (request: ServerRequest): ServerResponseSpec => {
    const body = asPushedObject(request.body);
    if (!body || typeof body['result'] !== 'string') return invalidPush('the body must be a CommandResult with a result');
    results.set(`${request.params['command'] ?? ''}/${request.params['uid'] ?? ''}`, body);
    // A result endpoint that is not there after all (the eMSP gave a response_url it does not serve).
    if (party.faults.has('command-response-url-unserved')) return { status: 404, body: envelope(undefined, 2000, 'unknown response_url') };
    return { status: 200, body: envelope(undefined) };
  };
  return [{ method: 'POST', path: '/:command/:uid', handler: receive }];
}
