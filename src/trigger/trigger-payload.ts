import type { TriggerRequest } from '../model/trigger-request.js';

/** The JSON every external way receives (stdin of a command, the body of a POST). */
export function triggerPayload(request: TriggerRequest): string {
  return JSON.stringify({ action: request.action, params: request.params });
}
