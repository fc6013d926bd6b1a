import { fetchAnswer, NoAnswer } from '../transport/fetch-answer.js';
import type { Connection } from '../transport/network.js';
import type { Trigger, TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import { triggerPayload } from './trigger-payload.js';

/** Options of a URL trigger. */
export interface UrlTriggerOptions {
  /** Where the request is POSTed (`--trigger-url`). */
  readonly url: string;
  readonly deadlineMs: number;
  readonly redact: (text: string) => string;
  /** TLS and proxy for the URL, from the run's Network. */
  readonly connection?: Connection;
}

// The most of a harness's answer read: its status decides, and its first 500 characters explain a failure.
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * `--trigger-url`: POSTs the request as JSON (`{"action": ..., "params": {...}}`) to the user's URL; a 2xx answer
 * means done or started, 501 Not Implemented that the harness does not perform the action (the case skips), anything
 * else (or no answer by the deadline) fails the trigger.
 */
export class UrlTrigger implements Trigger {
  readonly kind = 'url';
  readonly #options: UrlTriggerOptions;

  constructor(options: UrlTriggerOptions) {
    this.#options = options;
  }

  async fire(request: TriggerRequest, signal?: AbortSignal): Promise<TriggerOutcome> {
    const { url, deadlineMs, connection, redact } = this.#options;
    try {
      const answer = await fetchAnswer({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: triggerPayload(request),
        timeoutMs: deadlineMs,
        maxResponseBytes: MAX_ANSWER_BYTES,
        ...(signal ? { signal } : {}),
        ...(connection ? { connection } : {}),
      });
      if (answer.status >= 200 && answer.status < 300) return { status: 'done' };
      // 501 Not Implemented: the harness does not perform this action, so the case that asked skips.
      if (answer.status === 501) return { status: 'unavailable', reason: `the trigger URL does not perform ${request.action} (HTTP 501)` };
      const body = redact(answer.text.slice(0, 500));
      return { status: 'failed', reason: `the trigger URL answered ${request.action} with HTTP ${answer.status}${body ? `: ${body}` : ''}` };
    } catch (error) {
      const code = error instanceof NoAnswer ? error.code : undefined;
      // Node's own words for a failure (connect ECONNREFUSED ...): the harness is the user's, not the target.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const why = code === 'ETIMEDOUT' ? `no answer within ${deadlineMs} ms`
        : code === 'EABORTED' ? 'the run was stopped'
          : code === 'ERESPONSETOOLARGE' ? `its answer is larger than ${MAX_ANSWER_BYTES / (1024 * 1024)} MB`
            : redact(cause instanceof Error ? cause.message : String(cause));
      return { status: 'failed', reason: `the trigger URL for ${request.action}: ${why}` };
    }
  }
}
