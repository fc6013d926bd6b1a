/**
 * Lets something through at most once per interval, judged by a clock when it is asked (no timer): a caller that
 * asks on every page of a crawl emits a few progress events a second, and nothing is left scheduled when it stops.
 * The first call counts as the start, so what ends within the first interval never passes.
 */
export class Throttle {
  readonly #intervalMs: number;
  readonly #now: () => number;
  #last: number;

  constructor(intervalMs: number, now: () => number = () => performance.now()) {
    this.#intervalMs = intervalMs;
    this.#now = now;
    this.#last = now();
  }

  /** True when an interval has passed since the start or since the last time it answered true. */
  due(): boolean {
    const now = this.#now();
    if (now - this.#last < this.#intervalMs) return false;
    this.#last = now;
    return true;
  }
}
