import got from 'got';
import type { Trigger, TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import { triggerPayload } from './trigger-payload.js';

/** Options of a URL trigger. */
export interface UrlTriggerOptions {
  /** Where the request is POSTed (`--trigger-url`). */
  readonly url: string;
  readonly deadlineMs: number;
  readonly redact: (text: string) => string;
  /** got options for the URL (TLS, proxy agents), from the run's Network. */
  readonly connection?: object;
}

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
    const deadline = AbortSignal.timeout(this.#options.deadlineMs);
    try {
      const answer = await got.post(this.#options.url, {
        ...this.#options.connection,
        body: triggerPayload(request),
        headers: { 'content-type': 'application/json' },
        throwHttpErrors: false,
        retry: { limit: 0 },
        followRedirect: false,
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      if (answer.statusCode >= 200 && answer.statusCode < 300) return { status: 'done' };
      // 501 Not Implemented: the harness does not perform this action, so the case that asked skips.
      if (answer.statusCode === 501) return { status: 'unavailable', reason: `the trigger URL does not perform ${request.action} (HTTP 501)` };
      const body = this.#options.redact(answer.body.slice(0, 500));
      return { status: 'failed', reason: `the trigger URL answered ${request.action} with HTTP ${answer.statusCode}${body ? `: ${body}` : ''}` };
    } catch (error) {
      const why = deadline.aborted ? `no answer within ${this.#options.deadlineMs} ms` : signal?.aborted ? 'the run was stopped' : this.#options.redact((error as Error).message);
      return { status: 'failed', reason: `the trigger URL for ${request.action}: ${why}` };
    }
  }
}
