import { Throttle } from './throttle.js';

/** How often, at most, one crawl says how far it has come: a few times a second, enough for a live line. */
export const CRAWL_PROGRESS_INTERVAL_MS = 250;

/** How far one crawl has come, as the `crawl-progress` run event carries it (without the case id). */
export interface CrawlProgressReport {
  readonly url: string;
  readonly pages: number;
  readonly objects: number;
  readonly elapsedMs: number;
  readonly done: boolean;
}

/**
 * The progress of one list crawl, throttled: `page` after every page reports at most once per
 * CRAWL_PROGRESS_INTERVAL_MS, and `end` reports the final count once, only when progress was reported (a crawl of a
 * page or two reports nothing at all).
 */
export class CrawlProgress {
  readonly #report: (progress: CrawlProgressReport) => void;
  readonly #url: string;
  readonly #now: () => number;
  readonly #started: number;
  readonly #throttle: Throttle;
  #pages = 0;
  #objects = 0;
  #shown = false;

  constructor(options: { readonly url: string; readonly report: (progress: CrawlProgressReport) => void; readonly now?: () => number }) {
    this.#report = options.report;
    this.#url = options.url;
    this.#now = options.now ?? (() => performance.now());
    this.#started = this.#now();
    this.#throttle = new Throttle(CRAWL_PROGRESS_INTERVAL_MS, this.#now);
  }

  /** A page arrived: the crawl has read `pages` pages and `objects` objects so far. */
  page(pages: number, objects: number): void {
    this.#pages = pages;
    this.#objects = objects;
    if (!this.#throttle.due()) return;
    this.#shown = true;
    this.#emit(false);
  }

  /** The crawl ended (whichever way): the last count, when any was reported. */
  end(): void {
    if (this.#shown) this.#emit(true);
    this.#shown = false;
  }

  #emit(done: boolean): void {
    this.#report({ url: this.#url, pages: this.#pages, objects: this.#objects, elapsedMs: Math.round(this.#now() - this.#started), done });
  }
}
