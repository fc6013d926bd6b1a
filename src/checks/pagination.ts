import type { Exchange } from '../model/exchange.js';
import { dateTimeMs, sameInstant } from '../schemas/ocpi-datetime.js';
import { sameOrigin } from '../model/same-origin.js';
import { fail, pass, warn } from './finding.js';
import type { Finding } from '../model/finding.js';

/** An integer header value, or undefined when absent or not a whole number. */
export function integerHeader(exchange: Exchange, name: string): number | undefined {
  const value = exchange.response?.headers[name];
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

function headerFinding(exchange: Exchange, name: string, check: string, meaning: string, minimum: number): Finding {
  const value = exchange.response?.headers[name.toLowerCase()];
  const at = { exchangeId: exchange.id };
  if (value === undefined) return fail(check, `the page has no ${name} header: every paginated response carries ${meaning}`, { ...at, expected: `${name}: <int>`, actual: null });
  const parsed = integerHeader(exchange, name.toLowerCase());
  if (parsed === undefined || parsed < minimum) return fail(check, `${name} is "${value}", not ${minimum === 0 ? 'a whole number' : 'a positive whole number'}`, { ...at, expected: 'an int', actual: value });
  return pass(check, `${name}: ${parsed}`, at);
}

/** Asserts a page carries X-Total-Count and X-Limit as whole numbers. */
export function checkPaginationHeaders(exchange: Exchange): Finding[] {
  return [
    headerFinding(exchange, 'X-Total-Count', 'pagination.total-count', 'the number of objects matching the request', 0),
    headerFinding(exchange, 'X-Limit', 'pagination.limit-header', 'the most objects the server returns per page', 1),
  ];
}

/** Asserts a page holds no more objects than the client asked for (`limit`) and than the server's own X-Limit. */
export function checkPageSize({ exchange, count, requestedLimit }: { exchange: Exchange; count: number; requestedLimit?: number }): Finding {
  const check = 'pagination.page-size';
  const xLimit = integerHeader(exchange, 'x-limit');
  const at = { exchangeId: exchange.id, at: '/data' };
  if (requestedLimit !== undefined && count > requestedLimit) return fail(check, `the page holds ${count} objects, more than the limit=${requestedLimit} the request asked for`, { ...at, expected: `<= ${requestedLimit}`, actual: count });
  if (xLimit !== undefined && count > xLimit) return fail(check, `the page holds ${count} objects, more than its own X-Limit of ${xLimit}`, { ...at, expected: `<= ${xLimit}`, actual: count });
  return pass(check, `${count} objects within the limits`, at);
}

/** Asserts the first page honours a small `limit` the tester asked for. */
export function checkLimitHonoured({ exchange, count, limit }: { exchange: Exchange; count: number; limit: number }): Finding {
  const check = 'pagination.limit-honoured';
  if (count <= limit) return pass(check, `limit=${limit} gave ${count} objects`, { exchangeId: exchange.id });
  return fail(check, `limit=${limit} gave ${count} objects: a server may return fewer objects than asked for, never more`, { exchangeId: exchange.id, at: '/data', expected: `<= ${limit}`, actual: count });
}

/** Asserts a next-page Link repeats the filters of the original request (date_from, date_to), with the same values. */
export function checkLinkKeepsFilters({ exchange, next, filters }: { exchange: Exchange; next: string; filters: Readonly<Record<string, string>> }): Finding {
  const check = 'pagination.link-keeps-filters';
  const query = new URL(next).searchParams;
  const lost = Object.entries(filters).filter(([name, value]) => !sameFilter(query.get(name), value));
  if (lost.length === 0) return pass(check, `the next Link keeps ${Object.keys(filters).join(', ')}`, { exchangeId: exchange.id });
  const expected = Object.fromEntries(lost);
  const actual = Object.fromEntries(lost.map(([name]) => [name, query.get(name)]));
  // "Should" in the pagination header table: a server with an opaque cursor may still filter right (the date-filter
  // cases judge that), so a Link without the filters warns.
  return warn(check, `the next Link (${next}) drops or changes ${lost.map(([n]) => n).join(', ')}: a Link should repeat the filters of the original request`, { exchangeId: exchange.id, expected, actual });
}

// Two renderings of one DateTime (with or without Z, fractions) are the same filter.
function sameFilter(actual: string | null, expected: string): boolean {
  return actual === expected || sameInstant(actual, expected);
}

/** How a crawl ended, for the end-of-crawl checks. */
export interface CrawlEnd {
  readonly lastExchange: Exchange;
  /** Distinct objects received over all pages. */
  readonly received: number;
  /** X-Total-Count of the last page, when it had one. */
  readonly totalCount?: number;
  /** Set when the last page had a Link that led to an empty page without one. */
  readonly emptyTrailingPage?: boolean;
}

/**
 * At the end of a crawl: a page without a next Link must be the last (the crawl must have received X-Total-Count
 * objects); a Link that only leads to an empty page is a warning.
 */
export function checkNextLinkUntilLast(end: CrawlEnd): Finding {
  const check = 'pagination.link-next';
  const at = { exchangeId: end.lastExchange.id };
  if (end.totalCount !== undefined && end.received < end.totalCount) {
    return fail(check, `the page at ${end.lastExchange.request.url} has no Link rel="next", but only ${end.received} of ${end.totalCount} objects (X-Total-Count) were received: every page but the last links to the next`, { ...at, expected: 'Link: <next page>; rel="next"', actual: null });
  }
  if (end.emptyTrailingPage) return warn(check, 'the last page with objects still had a Link rel="next", which led to an empty page: the last page should have no Link', at);
  return pass(check, 'a Link rel="next" on every page but the last', at);
}

/** Asserts the crawl received exactly X-Total-Count distinct objects: no gaps between pages, nothing extra. */
export function checkCrawlComplete(end: CrawlEnd): Finding | undefined {
  const check = 'pagination.complete';
  if (end.totalCount === undefined) return undefined;
  const at = { exchangeId: end.lastExchange.id };
  if (end.received === end.totalCount) return pass(check, `${end.received} distinct objects, as X-Total-Count said`, at);
  const why = end.received < end.totalCount ? 'objects were skipped between pages' : 'more objects came than X-Total-Count announced';
  return fail(check, `the crawl received ${end.received} distinct objects but X-Total-Count says ${end.totalCount}: ${why}`, { ...at, expected: end.totalCount, actual: end.received });
}

/** A next Link to judge before it is followed: the page that carried it, the raw header, and where it leads. */
export interface NextLinkToFollow {
  readonly exchange: Exchange;
  /** The Link header as received. */
  readonly header: string;
  /** The next URL it names, resolved against the page's URL. */
  readonly next: string;
  /** The list's own URL, as declared (the first page's URL without its query). */
  readonly list: string;
}

// The paging and filter parameters OCPI defines, and what their values must be for the next request to be one.
const PARAMETER_FORMS: ReadonlyArray<readonly [string, string, (value: string) => boolean]> = [
  ['date_from', 'a DateTime', (value) => !Number.isNaN(dateTimeMs(value))],
  ['date_to', 'a DateTime', (value) => !Number.isNaN(dateTimeMs(value))],
  ['offset', 'a whole number', (value) => /^\d+$/.test(value)],
  ['limit', 'a whole number', (value) => /^\d+$/.test(value)],
];

const pathOf = (url: string): string => new URL(url).pathname.replace(/\/+$/, '');

/**
 * Asserts a next Link is a usable URL of the same list: on the list's origin (the tester sends its token nowhere
 * else), at the list's own path (not another module's, another role's, or a path with a language's rendering of an
 * enum in it), and with well-formed OCPI parameters (no `date_to=None`). Undefined when it is usable; a failure of
 * `pagination.link-next` naming the raw header otherwise, and the crawl must not follow it.
 */
export function checkNextLinkUsable({ exchange, header, next, list }: NextLinkToFollow): Finding | undefined {
  const check = 'pagination.link-next';
  const at = { exchangeId: exchange.id };
  if (!sameOrigin(next, list)) {
    return fail(check, `the next Link (${next}) points to another origin than the list (${new URL(list).origin}): a Link leads to the next page of the same list, and the tester sends its token nowhere else`, { ...at, expected: new URL(list).origin, actual: new URL(next).origin });
  }
  if (pathOf(next) !== pathOf(list)) {
    return fail(check, `the next Link header "${header}" leads to ${new URL(next).pathname}, not to the list at ${new URL(list).pathname}: a Link leads to the next page of the same list`, { ...at, expected: new URL(list).pathname, actual: new URL(next).pathname });
  }
  const query = new URL(next).searchParams;
  const wrong = PARAMETER_FORMS.flatMap(([name, form, valid]) => query.getAll(name).filter((value) => !valid(value)).map((value) => `${name}=${value} is not ${form}`));
  if (wrong.length > 0) {
    return fail(check, `the next Link header "${header}" is no usable request of the list: ${wrong.join('; ')}`, { ...at, expected: 'the list URL with its paging and filters well-formed', actual: header });
  }
  return undefined;
}
