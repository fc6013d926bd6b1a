/** How far one list crawl may go before it stops and judges what it saw (`--max-pages`, `--max-objects`, `--crawl-time`). */
export interface CrawlBounds {
  readonly maxPages: number;
  readonly maxObjects: number;
  /** Milliseconds from the first request of the crawl. */
  readonly timeMs: number;
}

/** The defaults: far beyond any list a partner onboarding needs to see, short of a crawl that runs all day. */
export const DEFAULT_CRAWL_BOUNDS: CrawlBounds = Object.freeze({ maxPages: 10_000, maxObjects: 500_000, timeMs: 300_000 });

/** Where a crawl stands when it decides whether to fetch one more page. */
export interface CrawlProgress {
  readonly pages: number;
  readonly objects: number;
  readonly elapsedMs: number;
}

/** The bound a crawl reached, in words naming the flag that sets it; undefined while every bound holds. */
export function boundReached(bounds: CrawlBounds, progress: CrawlProgress): string | undefined {
  if (progress.pages >= bounds.maxPages) return `${progress.pages} pages (--max-pages ${bounds.maxPages})`;
  if (progress.objects >= bounds.maxObjects) return `${progress.objects} objects (--max-objects ${bounds.maxObjects})`;
  if (progress.elapsedMs >= bounds.timeMs) return `${Math.round(progress.elapsedMs / 1000)} s (--crawl-time ${bounds.timeMs})`;
  return undefined;
}
