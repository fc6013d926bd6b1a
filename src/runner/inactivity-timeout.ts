/**
 * A timeout that restarts whenever there is progress: `expired` rejects once `ms` pass without a `restart()`. Long
 * work that keeps moving (a crawl of thousands of pages) runs on; work that hangs ends.
 */
export class InactivityTimeout {
  readonly expired: Promise<never>;
  readonly #ms: number;
  readonly #onExpire: () => void;
  #timer: NodeJS.Timeout | undefined;
  #reject: (error: Error) => void = () => undefined;

  constructor(ms: number, onExpire: () => void) {
    this.#ms = ms;
    this.#onExpire = onExpire;
    this.expired = new Promise<never>((_, reject) => {
      this.#reject = reject;
    });
    // A rejection nobody awaits any more (the work finished first) must not surface as unhandled.
    this.expired.catch(() => undefined);
    this.restart();
  }

  restart(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#onExpire();
      this.#reject(new Error(`the case made no progress for ${this.#ms} ms`));
    }, this.#ms);
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}
