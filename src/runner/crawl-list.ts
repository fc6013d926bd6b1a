import { carriesOcpiHeaders } from '../model/ocpi-version.js';
import { FindingTally } from '../checks/finding-tally.js';
import { fail, pass, warn } from '../checks/finding.js';
import type { Finding } from '../model/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../checks/ocpi-response.js';
import { checkCrawlComplete, checkLinkKeepsFilters, checkNextLinkUntilLast, checkNextLinkUsable, checkPageSize, checkPaginationHeaders, integerHeader } from '../checks/pagination.js';
import { checkCorrelationIdEchoed, checkRequestIdEchoed } from '../checks/request-ids.js';
import { checkRoutingHeaders } from '../checks/routing-headers.js';
import { TESTER_IDENTITY } from '../model/tester-identity.js';
import { foldRepeated } from '../checks/fold-repeated.js';
import { schemaRegistry } from '../schemas/schema-registry.js';
import type { Exchange } from '../model/exchange.js';
import { nextLink, type NextLink } from '../transport/next-link.js';
import type { OcpiResponse } from '../transport/ocpi-client.js';
import { withQuery } from '../transport/with-query.js';
import { dateTimeMs } from '../schemas/ocpi-datetime.js';
import type { CaseContext } from './case-context.js';
import { responseData } from '../checks/response-data.js';
import { moduleRequest } from './module-request.js';
import { boundReached } from './crawl-bounds.js';
import { receivedView } from '../transport/received-view.js';
import { SeenKeys } from './seen-keys.js';
import { CrawlProgress } from './crawl-progress.js';

/** The checks a crawl that follows the pages reports, whatever its mode. */
export const FOLLOW_CHECKS = [...OCPI_RESPONSE_CHECKS, 'pagination.terminates', 'pagination.link-next', 'pagination.crawl-bounded'] as const;

/** The checks a full crawl reports: the envelope, headers and schema on every page, and the pagination rules. */
export const CRAWL_CHECKS = [
  ...FOLLOW_CHECKS,
  'headers.request-id-echoed', 'headers.correlation-id-echoed', 'headers.routing',
  'pagination.total-count', 'pagination.limit-header', 'pagination.page-size',
  'pagination.link-keeps-filters', 'pagination.no-duplicates', 'pagination.complete',
] as const;

/** How to crawl one Sender list. */
export interface CrawlOptions {
  /** The list endpoint (the module's URL). */
  readonly url: string;
  /** Query filters the request carries and every next Link must keep (date_from, date_to). */
  readonly filters?: Readonly<Record<string, string>>;
  readonly limit?: number;
  /** `full` judges every page (CRAWL_CHECKS); `follow` only follows the Links, judging the envelope (FOLLOW_CHECKS). */
  readonly mode: 'full' | 'follow';
  /** The OCPI object each element must be (full mode), e.g. `Location`. */
  readonly object?: string;
  /** Stop after this many pages without judging the rest (for probes that need one or two pages). */
  readonly maxPages?: number;
  /** The identity of an object for duplicate detection, e.g. `NL/ABC/LOC1`; undefined when it has none. */
  readonly keyOf: (item: unknown) => string | undefined;
  /**
   * Called with every object as it arrives, with its key and the instant of its last_updated (NaN without a key or a
   * DateTime); the crawl itself keeps only keys.
   */
  readonly onItem?: (item: unknown, key: string | undefined, instant: number) => void;
  /** False for a lookup whose own findings do not matter (another case judges the list): nothing is reported. */
  readonly report?: boolean;
  /** Called with every page once its objects went through `onItem`. */
  readonly onPage?: (page: { readonly exchange: Exchange; readonly count: number; readonly headers: Readonly<Record<string, string>> }) => void;
}

/** What a crawl saw, besides the findings it reported. */
export interface CrawlOutcome {
  readonly pages: number;
  /** Distinct keys received. */
  readonly received: number;
  /** The first page's exchange (always kept as evidence). */
  readonly first?: Exchange;
  /** True when the crawl ran to a page without a next Link. */
  readonly complete: boolean;
  /** True when at least one page answered with a list: the list is reachable, whatever else went wrong. */
  readonly listed: boolean;
}

const KEPT_PAGES = 5;

// What one passing finding of a check counted, for "held on 1000 objects" / "held on 20 pages".
const unitOf = (check: string): string => (check === 'schema.response' || check === 'pagination.no-duplicates' ? 'objects' : 'pages');
// Past its X-Total-Count by this many pages, a list whose Links run on would never end: a failure, not a bound.
const PAGES_PAST_TOTAL = 10;

// The declared URL is kept byte for byte (a trailing slash included); only the query is added to it.
function buildUrl(base: string, query: Readonly<Record<string, string | number>>): string {
  return withQuery(base, Object.fromEntries(Object.entries(query).map(([name, value]) => [name, String(value)])));
}

/**
 * Crawls a paginated list, following `Link rel="next"` page by page. Every page is judged and dropped: the crawl
 * keeps the keys for duplicate detection, the first page and up to five failing pages as evidence, and tallies the
 * findings, so memory stays flat however long the list. A Link back to a page already fetched ends the crawl as a
 * failure, never a hang. The findings are reported on `t` when the crawl ends.
 */
export async function crawlList(t: CaseContext, options: CrawlOptions): Promise<CrawlOutcome> {
  // A long crawl says how far it has come (a live line on a terminal), and that it ended, however it ends.
  const progress = new CrawlProgress({ url: options.url, report: (report) => t.crawlProgress(report) });
  try {
    return await crawlPages(t, options, progress);
  } finally {
    progress.end();
  }
}

/** The crawl itself: page after page until the last, a loop, or a bound. */
async function crawlPages(t: CaseContext, options: CrawlOptions, progress: CrawlProgress): Promise<CrawlOutcome> {
  const tally = new FindingTally();
  const report = options.report === false ? (): void => undefined : (): void => t.check(tally.findings(unitOf));
  const filters = options.filters ?? {};
  let url = buildUrl(options.url, { ...filters, ...(options.limit === undefined ? {} : { limit: options.limit }) });
  // Compared in the form a Link resolves to, so a Link back to the first page is known however it is written.
  const fetched = new Set<string>([new URL(url).href]);
  // Each key with the instant of the last_updated it came with: an object updated during the crawl may come again.
  const keys = new SeenKeys();
  let pages = 0;
  let kept = 0;
  let first: Exchange | undefined;
  let pageCap = Number.POSITIVE_INFINITY;
  let objects = 0;
  const started = performance.now();
  let previousEmptyWithLink = false;
  let listed = false;
  // The next page is asked for as soon as this one says there is one, and judged while it is on its way: a crawl then
  // takes the target's time, not the target's time plus its own. The requests and where the crawl stops are the same.
  let pending = fetchPage(t, url);
  while (true) {
    const response = await pending;
    // The checks judge the page as received; only the pages kept as evidence are ever redacted (when read) and frozen.
    const { exchange } = response;
    const received = receivedView(response);
    pages += 1;
    first ??= exchange;
    const findings: Finding[] = checkOcpiResponse(received, t.version);
    const items = (response.body as { data?: unknown } | undefined)?.data;
    const readable = findings.every((f) => f.status !== 'fail' || f.check === 'envelope.status-code' || f.check === 'schema.envelope');
    if (readable && !Array.isArray(items)) findings.push(fail('schema.response', `data is ${items === undefined ? 'missing' : `a ${typeof items}`}, not a list: a list endpoint answers with an array`, { exchangeId: received.id, at: '/data' }));
    // A page without a list of objects ends the crawl: what follows (counts, Links, completeness) would repeat it.
    const usable = readable && Array.isArray(items);
    const list: readonly unknown[] = usable ? items : [];
    listed ||= usable;
    objects += list.length;
    let link = nextLink(response.headers['link'], url);
    // A Link to another origin, another list, or with a parameter no server could read is not followed: the token
    // goes nowhere else, and what such a page held would not be this list's.
    const unusable = link.kind === 'next' ? checkNextLinkUsable({ exchange: received, header: response.headers['link'] ?? '', next: link.url, list: options.url }) : undefined;
    if (unusable) link = { kind: 'malformed', header: response.headers['link'] ?? '', reason: 'not a usable next page of the list' };
    if (pages === 1) {
      const total = integerHeader(received, 'x-total-count');
      if (total !== undefined && total >= 0) pageCap = total + PAGES_PAST_TOTAL;
    }
    const stop = stopReason({ usable, link, pages, maxPages: options.maxPages, pageCap, fetched, bound: () => boundReached(t.crawlBounds, { pages, objects, elapsedMs: performance.now() - started }) });
    if (stop === undefined && link.kind === 'next') {
      fetched.add(link.url);
      url = link.url;
      pending = fetchPage(t, url);
      // Awaited on the next turn; if judging this page throws first, the case ends with that error, not this one.
      pending.catch(() => undefined);
      // The client starts a request over microtasks and a tick: one turn of the event loop lets it go out before
      // judging holds the loop (on a kept-alive connection it is written then; a new one is written once it connects).
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Each object's key and the instant of its last_updated are read once, and each key looked up once.
    const page: PageKeys = { keys: [], instants: [], before: [] };
    for (const item of list) {
      const key = options.keyOf(item);
      const instant = key === undefined ? Number.NaN : updatedAt(item);
      page.keys.push(key);
      page.instants.push(instant);
      page.before.push(key === undefined ? undefined : keys.record(key, instant));
      options.onItem?.(item, key, instant);
    }
    if (options.mode === 'full') findings.push(...judgePage({ t, options, exchange: received, list, page, tally }));
    options.onPage?.({ exchange, count: list.length, headers: response.headers });
    progress.page(pages, objects);
    if (unusable) findings.push(unusable);
    else if (link.kind === 'malformed') findings.push(fail('pagination.link-next', `the Link header "${link.header}" does not parse: ${link.reason}`, { exchangeId: received.id }));
    if (options.mode === 'full' && link.kind === 'next' && Object.keys(filters).length > 0) findings.push(checkLinkKeepsFilters({ exchange: received, next: link.url, filters }));
    tally.add(findings);
    if (options.report !== false && (pages === 1 || (kept < KEPT_PAGES && findings.some((f) => f.status === 'fail')))) {
      if (pages > 1) kept += 1;
      t.attach(exchange);
    }
    if (stop === undefined) {
      previousEmptyWithLink = list.length > 0;
      continue;
    }
    const outcome = { pages, received: keys.size, ...(first ? { first } : {}), listed };
    if (stop === 'end') {
      const end = { lastExchange: received, received: keys.size, ...totalOf(received), emptyTrailingPage: list.length === 0 && pages > 1 && previousEmptyWithLink };
      // A Link that does not parse ends the crawl too, but short of the last page.
      const complete = usable && link.kind === 'none';
      if (complete) tally.add(pass('pagination.terminates', `the crawl ended after ${pages} page${pages === 1 ? '' : 's'}`, { exchangeId: received.id }));
      if (complete && options.mode === 'full') tally.add([checkNextLinkUntilLast(end), checkCrawlComplete(end) ?? []].flat());
      report();
      // A first page without a usable list says nothing about the list's contents: name what came instead.
      if (pages === 1 && !usable) t.listUnusable(unusableReason(exchange, response.body));
      else t.countObjects(keys.size);
      return { ...outcome, complete };
    }
    if (stop.kind === 'loop') {
      if (options.report !== false) t.attach(exchange);
      tally.add(fail('pagination.terminates', `the crawl would never end: ${stop.reason}`, { exchangeId: exchange.id }));
    } else {
      // A list longer than the user lets a crawl go: stop, say which bound and flag, and judge what came.
      tally.add(warn('pagination.crawl-bounded', `the crawl stopped at ${stop.reason} with the list going on: the case judged the ${objects} objects it saw; raise the bound to crawl further`, { exchangeId: exchange.id }));
    }
    report();
    t.countObjects(keys.size);
    return { ...outcome, complete: false };
  }
}

/** One page of the list, judged and dropped unless the crawl keeps it as evidence. */
function fetchPage(t: CaseContext, url: string): Promise<OcpiResponse> {
  return moduleRequest(t, { method: 'GET', url }, { evidence: false });
}

/** Where a crawl stands after a page, to decide whether to ask for the next before judging this one. */
interface StopQuestion {
  readonly usable: boolean;
  readonly link: NextLink;
  readonly pages: number;
  readonly maxPages: number | undefined;
  readonly pageCap: number;
  readonly fetched: ReadonlySet<string>;
  /** The user's bound the crawl reached, if any (asked last: it reads the clock). */
  readonly bound: () => string | undefined;
}

/**
 * Why the crawl stops after this page: `end` when the list ended (no next Link, a page without a list, a Link that
 * cannot be followed, or the crawl's own page limit), a loop, or a user's bound; undefined to go on.
 */
function stopReason(q: StopQuestion): 'end' | { kind: 'loop' | 'bound'; reason: string } | undefined {
  if (!q.usable || q.link.kind !== 'next' || (q.maxPages !== undefined && q.pages >= q.maxPages)) return 'end';
  if (q.fetched.has(q.link.url)) return { kind: 'loop', reason: `its Link rel="next" points back to ${q.link.url}, a page already fetched` };
  if (q.pages >= q.pageCap) return { kind: 'loop', reason: `its Links ran on past ${q.pageCap} pages for an X-Total-Count of ${q.pageCap - PAGES_PAST_TOTAL}` };
  const bound = q.bound();
  return bound === undefined ? undefined : { kind: 'bound', reason: bound };
}

/** What a list answered instead of a page of objects, in a few words: "HTTP 401", "an envelope without data". */
function unusableReason(exchange: Exchange, body: unknown): string {
  const response = exchange.response;
  if (!response) return 'no response';
  if (response.status < 200 || response.status > 299) {
    const location = response.headers['location'];
    return `HTTP ${response.status}${location ? ` to ${location}` : ''}`;
  }
  if (response.body === undefined) return response.rawBody === undefined ? 'an empty body' : 'a body that is not JSON';
  const data = responseData(exchange, body, 'list');
  return data.usable ? 'a page that could not be read' : data.reason === 'no data in the envelope' ? 'an envelope without data' : data.reason;
}

function totalOf(exchange: Exchange): { totalCount?: number } {
  const total = integerHeader(exchange, 'x-total-count');
  return total === undefined ? {} : { totalCount: total };
}

/** The instant of an object's last_updated, NaN when it has none. */
function updatedAt(item: unknown): number {
  const lastUpdated = (item as { last_updated?: unknown } | null)?.last_updated;
  return typeof lastUpdated === 'string' ? dateTimeMs(lastUpdated) : Number.NaN;
}

/** The objects of one page, by index: their keys, the instants of their last_updated, and what SeenKeys held before. */
interface PageKeys {
  readonly keys: Array<string | undefined>;
  readonly instants: number[];
  /** The instant a key was recorded with before this object (on an earlier page, or earlier on this one). */
  readonly before: Array<number | undefined>;
}

/** One page of a full crawl to judge; per-object passes are counted on the tally, not built as findings. */
interface PageToJudge {
  readonly t: CaseContext;
  readonly options: CrawlOptions;
  readonly exchange: Exchange;
  readonly list: readonly unknown[];
  readonly page: PageKeys;
  readonly tally: FindingTally;
}

/** The per-page checks of a full crawl: headers, page size, each object's schema, duplicates across pages. */
function judgePage({ t, options, exchange, list, page, tally }: PageToJudge): Finding[] {
  // Request ids and routing headers exist from 2.2 on: a 2.1.1 page is not judged on them.
  const findings: Finding[] = carriesOcpiHeaders(t.version)
    ? [checkRequestIdEchoed(exchange), checkCorrelationIdEchoed(exchange), checkRoutingHeaders(exchange, { tester: TESTER_IDENTITY, target: t.get('session').partner ?? [] })]
    : [];
  findings.push(...checkPaginationHeaders(exchange));
  findings.push(checkPageSize({ exchange, count: list.length, ...(options.limit === undefined ? {} : { requestedLimit: options.limit }) }));
  const registry = schemaRegistry();
  const cleanlyValid = options.object ? registry.cleanlyValid(t.version, options.object) : undefined;
  let valid = 0;
  const seen = new Set<string>();
  // One overlap of pages is one finding: the repeated objects of a page are named together.
  const repeated: Record<'earlier' | 'here', Array<{ key: string; index: number }>> = { earlier: [], here: [] };
  const objects: Finding[] = [];
  let distinct = 0;
  list.forEach((item, index) => {
    if (options.object && cleanlyValid) {
      // A valid object without unknown OpenEnum values is one pass, counted; only the others are described, by the
      // registry, as findings (validating them again costs little: they are few).
      if (cleanlyValid(item)) valid += 1;
      else objects.push(...registry.validate(t.version, options.object, item, { check: 'schema.response', at: `/data/${index}`, exchangeId: exchange.id }));
    }
    const key = page.keys[index];
    if (key === undefined) return;
    const before = page.before[index];
    // Pagination allows the data to change while a client crawls: an object seen again with a later last_updated was
    // updated in between (and moved towards the end of a list ordered by it), not repeated.
    if (seen.has(key)) repeated.here.push({ key, index });
    else if (before !== undefined && !((page.instants[index] as number) > before)) repeated.earlier.push({ key, index });
    else distinct += 1;
    seen.add(key);
  });
  // A new object, or one updated during the crawl: a pass each, counted.
  tally.countPasses('pagination.no-duplicates', distinct);
  tally.countPasses('schema.response', valid);
  findings.push(...foldRepeated(objects));
  for (const where of ['here', 'earlier'] as const) {
    const [first, ...more] = repeated[where];
    if (!first) continue;
    const others = more.length === 0 ? '' : ` (and ${more.length} more from this page: ${more.slice(0, 3).map((r) => r.key).join(', ')}${more.length > 3 ? ', ...' : ''})`;
    findings.push(fail('pagination.no-duplicates', `${first.key} was already returned${where === 'here' ? ' on this page' : ' on an earlier page'}${others}: pages must neither overlap nor repeat objects`, { exchangeId: exchange.id, at: `/data/${first.index}` }));
  }
  return findings;
}
