import { TRIGGER_ACTIONS } from '../model/trigger-actions.js';
import type { TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import type { Handler, ServerResponseSpec } from '../server/ocpi-server.js';

const ACTIONS: ReadonlySet<string> = new Set(TRIGGER_ACTIONS.map((action) => action.name));

/** Whether a POSTed body is a trigger request: a known action and string parameters. */
function asTriggerRequest(body: unknown): TriggerRequest | undefined {
  const { action, params } = (body ?? {}) as { action?: unknown; params?: unknown };
  if (typeof action !== 'string' || !ACTIONS.has(action) || params === null || typeof params !== 'object' || Array.isArray(params)) return undefined;
  if (!Object.values(params).every((value) => typeof value === 'string')) return undefined;
  return { action: action as TriggerRequest['action'], params: params as Record<string, string> };
}

/**
 * The trigger contract of docs/triggers.md served over HTTP by a reference party (`mock`): a POST of
 * `{"action": ..., "params": {...}}` is performed, and answered 204 when done or started, 501 when the party does not
 * perform that action (the case skips), 500 with the reason when it could not, 400 for a body that is no trigger request.
 */
export function triggerHandler(perform: (request: TriggerRequest) => Promise<TriggerOutcome>): Handler {
  return async (request): Promise<ServerResponseSpec> => {
    const asked = asTriggerRequest(request.body);
    if (!asked) return { status: 400, contentType: 'text/plain; charset=utf-8', text: `expected {"action": one of ${[...ACTIONS].join(', ')}, "params": {name: string}}` };
    const outcome = await perform(asked);
    if (outcome.status === 'done') return { status: 204 };
    return { status: outcome.status === 'unavailable' ? 501 : 500, contentType: 'text/plain; charset=utf-8', text: outcome.reason };
  };
}
