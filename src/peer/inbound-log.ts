import type { TokenEncoding } from '../transport/authorization.js';
import type { Exchange } from '../model/exchange.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import { DeadlineExceededError, WaitAbortedError } from './deadline-exceeded-error.js';

/** Which of our tokens an inbound request carried. */
export type InboundCaller = 'token-a' | 'token-b' | 'token-c' | 'unknown' | 'missing';

/** One request the target made to the tester's peer, as recorded, with how it authenticated. */
export interface InboundRecord {
  /** Position in the log; `since(seq)` returns what came after. */
  readonly seq: number;
  readonly exchange: Exchange;
  readonly caller: InboundCaller;
  readonly encoding?: TokenEncoding;
  /** The version of the registration the request's token belongs to (none for Token A and unknown tokens). */
  readonly registeredIn?: OcpiVersion;
}

/** How long to wait and for what, in words used by the error message. */
export interface WaitOptions {
  readonly timeoutMs: number;
  readonly what: string;
  readonly signal?: AbortSignal;
  /** Only records after this position count. */
  readonly after?: number;
}

/** The peer's record of every inbound request, and waits on it that always end. */
export class InboundLog<T extends { readonly seq: number }> {
  readonly #entries: T[] = [];
  readonly #listeners = new Set<(entry: T) => void>();

  /** The position of the newest entry (0 when empty). */
  get position(): number {
    return this.#entries.length;
  }

  add(make: (seq: number) => T): T {
    const entry = make(this.#entries.length + 1);
    this.#entries.push(entry);
    for (const listener of [...this.#listeners]) listener(entry);
    return entry;
  }

  /** Calls `listener` with every entry added from now on, until the returned function is called. */
  listen(listener: (entry: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  since(position: number): readonly T[] {
    return this.#entries.slice(position);
  }

  /** Resolves with the first entry (after `after`) that matches, rejecting at the deadline or on abort. */
  waitFor(match: (entry: T) => boolean, options: WaitOptions): Promise<T> {
    const existing = this.since(options.after ?? 0).find(match);
    if (existing) return Promise.resolve(existing);
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const listener = (entry: T): void => {
        if (match(entry)) {
          finish();
          resolve(entry);
        }
      };
      const onAbort = (): void => {
        finish();
        reject(new WaitAbortedError(`wait for ${options.what} interrupted`));
      };
      const timer = setTimeout(() => {
        finish();
        reject(new DeadlineExceededError(options.what, options.timeoutMs));
      }, options.timeoutMs);
      this.#listeners.add(listener);
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
