/** How a LookaheadRuns schedules. */
export interface LookaheadOptions {
  /** Most tasks under way at once. */
  readonly concurrency: number;
  /** Most tasks started beyond the last one asked for (finished ones included), which bounds the results held. */
  readonly window: number;
}

/**
 * Runs a list of independent slow tasks (whole in-process runs) several at a time, ahead of the tests that consume
 * them in order: asking for task `i` starts the pool, which keeps `concurrency` tasks under way, never more than
 * `window` beyond the last task asked for. While one test awaits a run that waits out a deadline, the runs of the
 * tests after it go on. Mostly a run waits (on its servers, its callbacks, its deadline), so overlapping runs saves
 * that waiting without adding CPU. A task's failure is the failure of the test that asks for it, never an unhandled
 * rejection.
 */
export class LookaheadRuns<T> {
  readonly #tasks: readonly (() => Promise<T>)[];
  readonly #options: LookaheadOptions;
  readonly #started: Promise<T>[] = [];
  #asked = -1;
  #running = 0;

  constructor(tasks: readonly (() => Promise<T>)[], options: LookaheadOptions) {
    for (const [key, value] of Object.entries(options)) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${key} must be a positive integer, not ${String(value)}`);
    }
    this.#tasks = tasks;
    this.#options = options;
  }

  /** The outcome of task `index`, started now if the pool has not reached it yet. */
  result(index: number): Promise<T> {
    if (index < 0 || index >= this.#tasks.length) throw new RangeError(`no task ${index}`);
    this.#asked = Math.max(this.#asked, index);
    while (this.#started.length <= index) this.#start();
    this.#fill();
    return this.#started[index] as Promise<T>;
  }

  #fill(): void {
    const limit = Math.min(this.#tasks.length, this.#asked + 1 + this.#options.window);
    while (this.#running < this.#options.concurrency && this.#started.length < limit) this.#start();
  }

  #start(): void {
    const task = this.#tasks[this.#started.length] as () => Promise<T>;
    this.#running += 1;
    const promise = Promise.resolve().then(task);
    this.#started.push(promise);
    const settled = (): void => {
      this.#running -= 1;
      this.#fill();
    };
    promise.then(settled, settled);
  }
}
