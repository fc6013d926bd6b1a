import type { Trigger, TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';

/** The terminal a prompt trigger talks to. */
export interface PromptTerminal {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: { write(text: string): unknown };
}

/**
 * Without --trigger-command or --trigger-url: asks the person at the terminal to perform the action and press Enter.
 * When stdin is not a terminal nobody can answer, so the trigger is unavailable at once (the case is skipped, never
 * waits); a prompt nobody answers ends at the deadline.
 */
export class PromptTrigger implements Trigger {
  readonly kind = 'prompt';
  readonly #terminal: PromptTerminal;
  readonly #deadlineMs: number;

  constructor(terminal: PromptTerminal, deadlineMs: number) {
    this.#terminal = terminal;
    this.#deadlineMs = deadlineMs;
  }

  fire(request: TriggerRequest, signal?: AbortSignal): Promise<TriggerOutcome> {
    if (this.#terminal.input.isTTY !== true) {
      return Promise.resolve({ status: 'unavailable', reason: `no trigger for ${request.action}: give --trigger-command or --trigger-url (stdin is not a terminal, so nobody can be asked)` });
    }
    const params = Object.entries(request.params).map(([name, value]) => `${name}=${value}`).join(' ');
    this.#terminal.output.write(`\nAction needed on the target: ${request.action}${params ? ` (${params})` : ''}. Press Enter when done (${Math.round(this.#deadlineMs / 1000)} s)... `);
    const input = this.#terminal.input;
    return new Promise((resolve) => {
      const finish = (outcome: TriggerOutcome): void => {
        clearTimeout(timer);
        input.removeListener('data', onData);
        signal?.removeEventListener('abort', onAbort);
        input.pause();
        resolve(outcome);
      };
      const onData = (chunk: Buffer | string): void => {
        if (String(chunk).includes('\n') || String(chunk).includes('\r')) finish({ status: 'done' });
      };
      const onAbort = (): void => finish({ status: 'failed', reason: 'the run was stopped' });
      const timer = setTimeout(() => finish({ status: 'failed', reason: `nobody confirmed ${request.action} within ${this.#deadlineMs} ms` }), this.#deadlineMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      input.on('data', onData);
      input.resume();
    });
  }
}
