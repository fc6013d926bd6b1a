import assert from 'node:assert/strict';
import { CRAWL_PROGRESS_INTERVAL_MS, CrawlProgress, type CrawlProgressReport } from '../../src/runner/crawl-progress.js';
import { Throttle } from '../../src/runner/throttle.js';

/** A clock the test moves by hand. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let at = 1000;
  return { now: () => at, advance: (ms) => void (at += ms) };
}

describe('Throttle', () => {
  it('lets one call through per interval, none within the first.', () => {
    const clock = fakeClock();
    const throttle = new Throttle(100, clock.now);
    const passed: boolean[] = [];
    for (let i = 0; i < 10; i += 1) {
      clock.advance(30);
      passed.push(throttle.due());
    }
    // 30, 60, 90 wait; 120 passes; 150..210 wait; 240 passes; 270, 300 wait
    assert.deepEqual(passed, [false, false, false, true, false, false, false, true, false, false]);
  });
});

describe('CrawlProgress', () => {
  const track = (): { reports: CrawlProgressReport[]; progress: CrawlProgress; advance: (ms: number) => void } => {
    const clock = fakeClock();
    const reports: CrawlProgressReport[] = [];
    const progress = new CrawlProgress({ url: 'http://127.0.0.1:1/ocpi/2.2.1/locations', report: (r) => reports.push(r), now: clock.now });
    return { reports, progress, advance: clock.advance };
  };

  it('reports a page at most once per interval, with the pages, objects and time so far, and the last count when the crawl ends.', () => {
    const { reports, progress, advance } = track();
    for (let page = 1; page <= 100; page += 1) {
      advance(10);
      progress.page(page, page * 50);
    }
    progress.end();
    // 1000 ms of pages: one report per interval, then the end.
    assert.equal(reports.filter((r) => !r.done).length, Math.floor(1000 / CRAWL_PROGRESS_INTERVAL_MS));
    assert.deepEqual(reports[0], { url: 'http://127.0.0.1:1/ocpi/2.2.1/locations', pages: 25, objects: 1250, elapsedMs: 250, done: false });
    assert.deepEqual(reports.at(-1), { url: 'http://127.0.0.1:1/ocpi/2.2.1/locations', pages: 100, objects: 5000, elapsedMs: 1000, done: true });
  });

  it('reports nothing, not even its end, for a crawl shorter than an interval.', () => {
    const { reports, progress, advance } = track();
    advance(100);
    progress.page(1, 50);
    advance(100);
    progress.page(2, 100);
    progress.end();
    assert.deepEqual(reports, []);
  });
});
