import type { Exchange } from '../model/exchange.js';
import type { OcpiResponse } from '../transport/ocpi-client.js';
import type { ModuleRequest } from './module-request.js';
import type { TeardownStep } from '../model/teardown-step.js';

/** How a compensating step reaches the target: with the registration's current token, at teardown time. */
export interface TeardownSender {
  /** Sends a request with the session's current token (routing headers unless `routing` is false). */
  send(request: ModuleRequest, options?: { readonly routing?: boolean }): Promise<OcpiResponse>;
}

/** Something a case started on the target that the run must end, whatever the checks said. */
export interface Compensation {
  /** Identifies it, so the case that ends it normally (CMD-02 stops what CMD-01 started) can settle it. */
  readonly key: string;
  /** What the step does, for the report: "STOP_SESSION for the session CMD-01 started". */
  readonly what: string;
  /** The case that registered it. */
  readonly caseId: string;
  /** True for what must be undone after everything else (the registration, which every other step needs). */
  readonly last?: boolean;
  /** Ends what was started; resolves with a line for the report, throws (or rejects) when it could not. */
  readonly run: (sender: TeardownSender) => Promise<string>;
}

/**
 * The run's list of what must be undone: registered as soon as a case starts something (an ACCEPTED command, a
 * registration), settled by the case that ends it normally, and run last-in first-out at teardown for whatever is left,
 * also after a failed check, a narrowed selection or an interrupt.
 */
export class Compensations {
  readonly #pending = new Map<string, Compensation>();

  register(compensation: Compensation): void {
    this.#pending.delete(compensation.key);
    this.#pending.set(compensation.key, Object.freeze({ ...compensation }));
  }

  /** The normal end happened: nothing to undo for this key. */
  settle(key: string): void {
    this.#pending.delete(key);
  }

  get pending(): readonly Compensation[] {
    return [...this.#pending.values()];
  }

  /**
   * Runs the pending steps, newest first (all of them, or only those not marked `last`); one failing does not stop the
   * others. Each step has `stepDeadlineMs`: past it, its signal aborts what it sends and it is reported as failed.
   */
  async runAll(
    sender: (compensation: Compensation, signal: AbortSignal) => TeardownSender & { readonly exchanges: readonly Exchange[] },
    { exceptLast = false, stepDeadlineMs = 30_000 }: { exceptLast?: boolean; stepDeadlineMs?: number } = {},
  ): Promise<TeardownStep[]> {
    const steps: TeardownStep[] = [];
    for (const compensation of [...this.#pending.values()].reverse()) {
      if (exceptLast && compensation.last) continue;
      this.#pending.delete(compensation.key);
      const controller = new AbortController();
      const recording = sender(compensation, controller.signal);
      let status: TeardownStep['status'] = 'done';
      let detail: string;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Error(`it did not end within ${stepDeadlineMs} ms, the teardown step's deadline`));
        }, stepDeadlineMs);
      });
      try {
        detail = await Promise.race([compensation.run(recording), deadline]);
      } catch (error) {
        status = 'failed';
        detail = error instanceof Error ? error.message : String(error);
      } finally {
        clearTimeout(timer);
      }
      steps.push(Object.freeze({ what: compensation.what, caseId: compensation.caseId, status, detail, exchanges: Object.freeze([...recording.exchanges]) }));
    }
    return steps;
  }
}
