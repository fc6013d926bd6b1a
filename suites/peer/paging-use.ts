import { fail, pass, warn } from '../../src/checks/finding.js';
import type { Finding } from '../../src/model/finding.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import type { SenderRequest } from '../../src/runner/case-context.js';
import { isOcpiDateTime211, isOcpiDateTime22 } from '../../src/schemas/ocpi-datetime.js';

/** One GET of a list the tester serves (not of a single object), with the query it carried and what it got. */
export interface ListPage {
  readonly module: SenderRequest['module'];
  readonly exchange: SenderRequest['record']['exchange'];
  readonly query: URLSearchParams;
  /** The filters that name the list read (every parameter but offset and limit): pages of one crawl share them. */
  readonly filters: string;
  /** Where the page started, and how many objects it held when it was answered with a list (else undefined). */
  readonly offset: number;
  readonly count?: number;
  /** The X-Total-Count the answer gave, when it gave one. */
  readonly total?: number;
}

/** The GETs of the tester's lists among what the target fetched from its Sender interfaces, in the order they came. */
export function listPages(requests: readonly SenderRequest[], versionPrefix: string): ListPage[] {
  return requests.flatMap(({ module, record }) => {
    const url = new URL(record.exchange.request.url);
    if (url.pathname.replace(/\/+$/, '') !== `${versionPrefix}${module}`) return [];
    const response = record.exchange.response;
    const data = (response?.body as { data?: unknown } | undefined)?.data;
    const offset = Number(url.searchParams.get('offset') ?? '0');
    const total = Number(response?.headers['x-total-count']);
    const filters = [...url.searchParams].filter(([name]) => name !== 'offset' && name !== 'limit').map(([name, value]) => `${name}=${value}`).sort().join('&');
    return [{
      module,
      exchange: record.exchange,
      query: url.searchParams,
      filters: `${module}?${filters}`,
      offset: Number.isSafeInteger(offset) && offset >= 0 ? offset : 0,
      ...(response?.status === 200 && Array.isArray(data) ? { count: data.length } : {}),
      ...(Number.isSafeInteger(total) && total >= 0 ? { total } : {}),
    }];
  });
}

/** What is wrong with one paging parameter's value in `version`, or undefined when it has the type the spec gives it. */
function parameterProblem(name: string, value: string, version: OcpiVersion): string | undefined {
  if (name === 'date_from' || name === 'date_to') {
    const dateTime = version === '2.1.1' ? isOcpiDateTime211(value) : isOcpiDateTime22(value);
    return dateTime ? undefined : `is not an OCPI ${version} DateTime (UTC, ${version === '2.1.1' ? 'whole seconds' : 'fractions allowed'}, no offset)`;
  }
  return /^\d+$/.test(value) ? undefined : 'is not a whole number (int, at least 0)';
}

/**
 * The paging parameters the target sent: date_from and date_to must be DateTimes of the version, offset and limit ints
 * (Transport and format, Paginated Request). One failure per parameter that was ever wrong, with how often and the
 * first request, since one piece of the target's code builds them all.
 */
export function checkPagingParameters(pages: readonly ListPage[], version: OcpiVersion): Finding[] {
  const wrong = new Map<string, { readonly first: ListPage; readonly value: string; readonly problem: string; times: number }>();
  for (const page of pages) {
    for (const name of ['date_from', 'date_to', 'offset', 'limit']) {
      const value = page.query.get(name);
      const problem = value === null ? undefined : parameterProblem(name, value, version);
      if (value === null || problem === undefined) continue;
      const seen = wrong.get(name);
      if (seen) seen.times += 1;
      else wrong.set(name, { first: page, value, problem, times: 1 });
    }
  }
  if (wrong.size === 0) return [pass('peer.paging-parameters', `the ${pages.length} list request${pages.length === 1 ? '' : 's'} carried date_from, date_to, offset and limit, where present, in the types the spec gives them`)];
  return [...wrong].map(([name, { first, value, problem, times }]) => fail('peer.paging-parameters',
    `${name}=${value} ${problem}${times > 1 ? ` (in ${times} list requests; the first is shown)` : ''}: a list request's paging parameters have the types the spec gives them`,
    { exchangeId: first.exchange.id, expected: name.startsWith('date_') ? 'an OCPI DateTime' : 'an int', actual: value }));
}

/**
 * Whether the target read the lists it paged through without gaps: within each crawl (one list, one set of filters),
 * every object between the first offset it asked for and the last one it asked for was on a page it got (Transport
 * and format, Pagination: the next page starts after the objects the previous one returned). The order of the
 * requests does not matter, so a client fetching pages side by side is judged as one fetching them in turn. A gap
 * warns: the spec describes the crawl and names no obligation, but objects in the gap never reach the target.
 */
export function checkPagesContinued(pages: readonly ListPage[]): Finding[] {
  const crawls = new Map<string, ListPage[]>();
  for (const page of pages) crawls.set(page.filters, [...(crawls.get(page.filters) ?? []), page]);
  const gaps: Finding[] = [];
  // One gap per list: a client skips in every crawl of a list for the one reason.
  const gapped = new Set<ListPage['module']>();
  let judged = 0;
  for (const crawl of crawls.values()) {
    if (gapped.has((crawl[0] as ListPage).module)) continue;
    const answered = crawl.filter((page) => page.count !== undefined).sort((a, b) => a.offset - b.offset);
    if (answered.length < 2) continue;
    judged += 1;
    let reached = (answered[0] as ListPage).offset;
    for (const page of answered) {
      const total = page.total ?? Number.POSITIVE_INFINITY;
      const missed = Math.min(page.offset, total) - reached;
      if (missed > 0) {
        gaps.push(warn('peer.pages-continued', `GET ${page.exchange.request.url} asked for offset ${page.offset}, but the pages the target got of this list ended at ${reached}: the ${missed} object${missed === 1 ? '' : 's'} from offset ${reached} on were never read (the next page starts after the objects the previous page returned, as its Link says)`,
          { exchangeId: page.exchange.id, expected: `offset ${reached}`, actual: `offset ${page.offset}` }));
        gapped.add(page.module);
        break;
      }
      reached = Math.max(reached, page.offset + (page.count as number));
    }
  }
  if (gaps.length > 0) return gaps;
  return judged === 0 ? [] : [pass('peer.pages-continued', `the target read the ${judged === 1 ? 'list' : `${judged} lists`} it paged through without skipping objects`)];
}
