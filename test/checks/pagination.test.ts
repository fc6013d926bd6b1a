import assert from 'node:assert/strict';
import type { Finding } from '../../src/model/finding.js';
import { checkCrawlComplete, checkLimitHonoured, checkLinkKeepsFilters, checkNextLinkUntilLast, checkNextLinkUsable, checkPageSize, checkPaginationHeaders, integerHeader } from '../../src/checks/pagination.js';
import { exchange } from '../helpers/exchange.js';

/** One row: a check applied to evidence, and the status and message it must give. */
type Row = [title: string, run: () => Finding, status: 'pass' | 'fail' | 'warn', message?: RegExp];

const page = (headers: Record<string, string> = {}): ReturnType<typeof exchange> => exchange({ headers }, { url: 'http://127.0.0.1:1/ocpi/2.2.1/tariffs?offset=2' });
const FROM = '2026-01-01T00:00:00Z';
const TO = '2026-02-01T00:00:00Z';
const filters = { date_from: FROM, date_to: TO };
const next = (query: string): string => `http://127.0.0.1:1/ocpi/2.2.1/tariffs?${query}`;

const rows: Row[] = [
  ['checkPageSize passes a page within both the requested limit and its X-Limit', () => checkPageSize({ exchange: page({ 'x-limit': '5' }), count: 3, requestedLimit: 3 }), 'pass', /3 objects within the limits/],
  ['checkPageSize passes a page with no requested limit and no X-Limit', () => checkPageSize({ exchange: page(), count: 1000 }), 'pass'],
  ['checkPageSize fails when a page holds more objects than the request asked for', () => checkPageSize({ exchange: page({ 'x-limit': '50' }), count: 4, requestedLimit: 3 }), 'fail', /holds 4 objects, more than the limit=3 the request asked for/],
  ['checkPageSize fails when a page holds more objects than its X-Limit', () => checkPageSize({ exchange: page({ 'x-limit': '2' }), count: 3, requestedLimit: 10 }), 'fail', /holds 3 objects, more than its own X-Limit of 2/],
  ['checkLimitHonoured passes a page with no more objects than the limit', () => checkLimitHonoured({ exchange: page(), count: 2, limit: 2 }), 'pass', /limit=2 gave 2 objects/],
  ['checkLimitHonoured fails a page with more objects than the limit', () => checkLimitHonoured({ exchange: page(), count: 3, limit: 2 }), 'fail', /limit=2 gave 3 objects: a server may return fewer objects than asked for, never more/],
  ['checkLinkKeepsFilters passes a Link that repeats both filters', () => checkLinkKeepsFilters({ exchange: page(), next: next(`date_from=${FROM}&date_to=${TO}&offset=2`), filters }), 'pass', /keeps date_from, date_to/],
  ['checkLinkKeepsFilters warns on a Link that drops a filter, naming it (a should)', () => checkLinkKeepsFilters({ exchange: page(), next: next(`date_from=${FROM}&offset=2`), filters }), 'warn', /drops or changes date_to: a Link should repeat the filters/],
  ['checkLinkKeepsFilters warns on a Link that changes a filter to another instant', () => checkLinkKeepsFilters({ exchange: page(), next: next(`date_from=2026-01-02T00:00:00Z&date_to=${TO}`), filters }), 'warn', /drops or changes date_from:/],
  ['checkLinkKeepsFilters passes a Link that writes the same instant without its Z', () => checkLinkKeepsFilters({ exchange: page(), next: next(`date_from=2026-01-01T00:00:00&date_to=${TO}`), filters }), 'pass'],
  ['checkLinkKeepsFilters passes a Link that writes the same instant with fractional seconds', () => checkLinkKeepsFilters({ exchange: page(), next: next(`date_from=2026-01-01T00:00:00.000Z&date_to=${TO}`), filters }), 'pass'],
  ['checkLinkKeepsFilters warns on a Link whose filter is not a DateTime at all', () => checkLinkKeepsFilters({ exchange: page(), next: next(`date_from=yesterday&date_to=${TO}`), filters }), 'warn'],
  ['checkNextLinkUntilLast fails a page without Link before X-Total-Count objects arrived', () => checkNextLinkUntilLast({ lastExchange: page(), received: 2, totalCount: 5 }), 'fail', /has no Link rel="next", but only 2 of 5 objects \(X-Total-Count\) were received/],
  ['checkNextLinkUntilLast warns when the last page with objects linked to an empty page', () => checkNextLinkUntilLast({ lastExchange: page(), received: 5, totalCount: 5, emptyTrailingPage: true }), 'warn', /led to an empty page/],
  ['checkNextLinkUntilLast passes a crawl that received every object', () => checkNextLinkUntilLast({ lastExchange: page(), received: 5, totalCount: 5 }), 'pass'],
  ['checkNextLinkUntilLast passes a crawl whose last page had no X-Total-Count', () => checkNextLinkUntilLast({ lastExchange: page(), received: 5 }), 'pass'],
];

describe('the pagination checks', () => {
  for (const [title, run, status, message] of rows) {
    it(title, () => {
      const finding = run();
      assert.equal(finding.status, status, finding.message);
      if (message) assert.match(finding.message, message);
    });
  }

  /** X-Total-Count and X-Limit values, and the statuses checkPaginationHeaders gives them. */
  const headerRows: Array<[title: string, headers: Record<string, string>, statuses: [string, string], message?: RegExp]> = [
    ['passes whole-number X-Total-Count and X-Limit headers', { 'x-total-count': '12', 'x-limit': '5' }, ['pass', 'pass']],
    ['passes an X-Total-Count of 0', { 'x-total-count': '0', 'x-limit': '5' }, ['pass', 'pass']],
    ['fails a page without X-Limit, naming the header', { 'x-total-count': '12' }, ['pass', 'fail'], /the page has no X-Limit header/],
    ['fails a page without X-Total-Count, naming the header', { 'x-limit': '5' }, ['fail', 'pass'], /the page has no X-Total-Count header/],
    ['fails an X-Limit that is not a whole number', { 'x-total-count': '12', 'x-limit': '5.5' }, ['pass', 'fail'], /X-Limit is "5.5", not a positive whole number/],
    ['fails an X-Limit of 0, since a page must be able to hold an object', { 'x-total-count': '12', 'x-limit': '0' }, ['pass', 'fail'], /X-Limit is "0", not a positive whole number/],
    ['fails a negative X-Total-Count', { 'x-total-count': '-1', 'x-limit': '5' }, ['fail', 'pass'], /X-Total-Count is "-1", not a whole number/],
  ];
  for (const [title, headers, statuses, message] of headerRows) {
    it(`checkPaginationHeaders ${title}`, () => {
      const findings = checkPaginationHeaders(page(headers));
      assert.deepEqual(findings.map((f) => [f.check, f.status]), [['pagination.total-count', statuses[0]], ['pagination.limit-header', statuses[1]]]);
      if (message) assert.ok(findings.some((f) => message.test(f.message)), findings.map((f) => f.message).join('; '));
    });
  }

  it('integerHeader reads a whole number with surrounding spaces and nothing else', () => {
    assert.equal(integerHeader(page({ 'x-limit': ' 7 ' }), 'x-limit'), 7);
    assert.equal(integerHeader(page({ 'x-limit': '7a' }), 'x-limit'), undefined);
    assert.equal(integerHeader(page(), 'x-limit'), undefined);
  });

  it('checkLinkKeepsFilters reports what the Link dropped and what it changed, side by side', () => {
    const finding = checkLinkKeepsFilters({ exchange: page(), next: next('date_from=2026-01-02T00:00:00Z'), filters });
    assert.deepEqual(finding.expected, filters);
    assert.deepEqual(finding.actual, { date_from: '2026-01-02T00:00:00Z', date_to: null });
  });

  /** End-of-crawl numbers, and what checkCrawlComplete says about them. */
  const completeRows: Array<[title: string, received: number, total: number | undefined, status: 'pass' | 'fail' | undefined, message?: RegExp]> = [
    ['passes a crawl that received exactly X-Total-Count objects', 4, 4, 'pass', /4 distinct objects, as X-Total-Count said/],
    ['fails a crawl that received fewer objects, saying some were skipped', 3, 4, 'fail', /received 3 distinct objects but X-Total-Count says 4: objects were skipped between pages/],
    ['fails a crawl that received more objects than X-Total-Count announced', 5, 4, 'fail', /more objects came than X-Total-Count announced/],
    ['gives no finding when the last page had no X-Total-Count', 4, undefined, undefined],
  ];
  for (const [title, received, totalCount, status, message] of completeRows) {
    it(`checkCrawlComplete ${title}`, () => {
      const finding = checkCrawlComplete({ lastExchange: page(), received, ...(totalCount === undefined ? {} : { totalCount }) });
      assert.equal(finding?.status, status);
      if (message) assert.match(finding?.message ?? '', message);
      if (status === 'fail') assert.deepEqual([finding?.expected, finding?.actual], [totalCount, received]);
    });
  }
});

describe('the check that a next Link is usable', () => {
  const LIST = 'http://127.0.0.1:1/ocpi/cpo/2.2.1/locations';
  const judge = (next: string, list = LIST) => checkNextLinkUsable({ exchange: page(), header: `<${next}>; rel="next"`, next, list });
  const rows: Array<[title: string, next: string, message?: RegExp]> = [
    ['passes the next page of the same list with its filters', `${LIST}?date_from=2026-01-01T00:00:00Z&offset=10&limit=10`],
    ['passes a Link that adds or drops a trailing slash on the list path', `${LIST}/?offset=10`],
    ['passes a cursor parameter of the server\'s own', `${LIST}?cursor=abc`],
    ['fails a Link to another origin, naming both', `https://127.0.0.1:1/ocpi/cpo/2.2.1/locations?offset=10`, /points to another origin than the list \(http:\/\/127\.0\.0\.1:1\)/],
    ['fails a Link to another module, with the raw header', 'http://127.0.0.1:1/ocpi/cpo/2.2.1/tariffs?offset=10', /^the next Link header "<http:\/\/127\.0\.0\.1:1\/ocpi\/cpo\/2\.2\.1\/tariffs\?offset=10>; rel="next"" leads to \/ocpi\/cpo\/2\.2\.1\/tariffs, not to the list at \/ocpi\/cpo\/2\.2\.1\/locations/],
    ['fails a Link to another role\'s interface', 'http://127.0.0.1:1/ocpi/emsp/2.2.1/locations?offset=10', /leads to \/ocpi\/emsp\/2\.2\.1\/locations/],
    ['fails a Link with an enum\'s rendering in its path', 'http://127.0.0.1:1/ocpi/cpo/2.2.1/ModuleID.LOCATIONS?offset=10', /leads to \/ocpi\/cpo\/2\.2\.1\/ModuleID\.LOCATIONS/],
    ['fails date_to=None', `${LIST}?offset=10&date_to=None`, /is no usable request of the list: date_to=None is not a DateTime$/],
    ['fails an offset and a limit that are not whole numbers, naming both', `${LIST}?offset=None&limit=-1`, /offset=None is not a whole number; limit=-1 is not a whole number$/],
  ];
  for (const [title, next, message] of rows) {
    it(`${title}.`, () => {
      const finding = judge(next);
      if (!message) return assert.equal(finding, undefined, finding?.message);
      assert.equal(finding?.check, 'pagination.link-next');
      assert.equal(finding?.status, 'fail');
      assert.match(finding?.message ?? '', message);
    });
  }
});

