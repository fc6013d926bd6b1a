import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { Finding } from '../../src/model/finding.js';
import { Secret } from '../../src/config/secret.js';
import type { CaseContext } from '../../src/runner/case-context.js';
import { CRAWL_CHECKS, FOLLOW_CHECKS, crawlList, type CrawlOptions } from '../../src/runner/crawl-list.js';
import { defineCase } from '../../src/runner/define-case.js';
import { DEFAULT_CRAWL_BOUNDS, type CrawlBounds } from '../../src/runner/crawl-bounds.js';
import type { StateKey } from '../../src/runner/run-state.js';
import { testCaseContext, type EventOf } from '../helpers/case-context.js';
import type { RunEvent, RunEventListener } from '../../src/model/run-event.js';
import { CRAWL_PROGRESS_INTERVAL_MS } from '../../src/runner/crawl-progress.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import { Redactor } from '../../src/transport/redactor.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** What the test server answers for one page of the list. */
interface PageSpec {
  readonly items: readonly unknown[];
  /** The page number the Link rel="next" points to; no Link when absent. */
  readonly next?: number;
  /** A Link header sent verbatim instead of one built from `next`. */
  readonly link?: string;
  readonly total?: number;
  readonly limit?: number;
}

const tariff = (id: string): unknown => ({
  country_code: 'NL',
  party_id: 'ABC',
  id,
  currency: 'EUR',
  elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }] }],
  last_updated: '2026-01-01T00:00:00Z',
});

/** A list of three Tariffs, one a page, each page linking to the next. */
const THREE_PAGES: readonly PageSpec[] = [
  { items: [tariff('T1')], next: 1, total: 3, limit: 1 },
  { items: [tariff('T2')], next: 2, total: 3, limit: 1 },
  { items: [tariff('T3')], total: 3, limit: 1 },
];

const keyOf = (item: unknown): string | undefined => {
  const { country_code: country, party_id: party, id } = (item ?? {}) as Record<string, unknown>;
  return typeof id === 'string' ? `${String(country)}/${String(party)}/${id}` : undefined;
};

const definition = (checks: readonly string[]) => defineCase({
  id: 'TAR-99',
  title: 'a crawl under test',
  module: 'tariffs',
  versions: ['2.2.1'],
  spec: { version: '2.2.1', section: 'test', rule: 'test rule' },
  severity: 'required',
  checks: [...checks],
  requires: ['session'],
  run: async () => undefined,
});

function caseContext(checks: readonly string[] = CRAWL_CHECKS, crawlBounds: CrawlBounds = DEFAULT_CRAWL_BOUNDS, redactor?: Redactor, version?: OcpiVersion, emit?: RunEventListener): CaseContext {
  const state = new Map<StateKey, unknown>([['session', { token: Secret.generate() }], ['endpoints', []]]);
  return testCaseContext(definition(checks), { state, crawlBounds, ...(redactor ? { redactor } : {}), ...(version ? { version } : {}), ...(emit ? { emit } : {}) });
}

/** A redactor that counts the bodies it copies. */
class CountingRedactor extends Redactor {
  copies = 0;

  override json(value: unknown): unknown {
    this.copies += 1;
    return super.json(value);
  }
}

const failing = (findings: readonly Finding[]): Array<[string, string]> => findings.filter((f) => f.status === 'fail').map((f) => [f.check, f.message]);
const failedChecks = (findings: readonly Finding[]): string[] => [...new Set(findings.filter((f) => f.status === 'fail').map((f) => f.check))].sort();

describe('crawlList', () => {
  let server: TestServer;
  /** The URLs the server was asked for, in order. */
  const requested: string[] = [];
  const listUrl = (): string => `${server.url}/ocpi/2.2.1/tariffs`;
  const pageUrl = (page: number): string => `${listUrl()}?page=${page}`;

  /** Serves a list page by page (`?page=N`, the first request has none), with conforming headers unless told. */
  function serve(pages: (page: number) => PageSpec): void {
    server.handler = (req: IncomingMessage, res) => {
      const url = new URL(req.url ?? '/', server.url);
      requested.push(url.href);
      const spec = pages(Number(url.searchParams.get('page') ?? '0'));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-request-id': String(req.headers['x-request-id']),
        'x-correlation-id': String(req.headers['x-correlation-id']),
        'ocpi-from-country-code': 'NL',
        'ocpi-from-party-id': 'ABC',
        'ocpi-to-country-code': String(req.headers['ocpi-from-country-code']),
        'ocpi-to-party-id': String(req.headers['ocpi-from-party-id']),
        'x-limit': String(spec.limit ?? 2),
      };
      if (spec.total !== undefined) headers['x-total-count'] = String(spec.total);
      const link = spec.link ?? (spec.next === undefined ? undefined : `<${pageUrl(spec.next)}>; rel="next"`);
      if (link !== undefined) headers['link'] = link;
      res.writeHead(200, headers);
      res.end(JSON.stringify({ data: spec.items, status_code: 1000, timestamp: '2026-01-01T00:00:00Z' }));
    };
  }

  const options = (extra: Partial<CrawlOptions> = {}): CrawlOptions => ({ url: listUrl(), mode: 'full', object: 'Tariff', keyOf, ...extra });

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());
  beforeEach(() => {
    requested.length = 0;
  });

  it('crawls a three-page list of valid objects without a failing finding, keeping only the first page as evidence', async () => {
    serve((page) => THREE_PAGES[page] ?? { items: [] });
    const t = caseContext();
    const seen: string[] = [];
    const outcome = await crawlList(t, { ...options({ limit: 1 }), onItem: (_item, key) => seen.push(String(key)) });
    assert.deepEqual(failing(t.findings), []);
    assert.deepEqual(t.findings.filter((f) => f.status === 'warn'), []);
    assert.deepEqual([outcome.pages, outcome.received, outcome.complete], [3, 3, true]);
    assert.deepEqual(seen, ['NL/ABC/T1', 'NL/ABC/T2', 'NL/ABC/T3']);
    assert.equal(t.exchanges.length, 1);
    assert.equal(t.exchanges[0], outcome.first);
    assert.equal(outcome.first?.request.url, `${listUrl()}?limit=1`);
    assert.deepEqual(requested, [`${listUrl()}?limit=1`, pageUrl(1), pageUrl(2)]);
  });

  it('asks for the next page before it judges the page it has, and for no page past the last', async () => {
    serve((page) => THREE_PAGES[page] ?? { items: [] });
    const t = caseContext();
    // What the sockets write, in order with what the crawl judges: a request line is the request gone out.
    const order: string[] = [];
    const write = Socket.prototype.write;
    const spy = function (this: Socket, ...args: Parameters<Socket['write']>): boolean {
      const line = /^GET \S+/.exec(typeof args[0] === 'string' ? args[0] : Buffer.from(args[0] as Uint8Array).toString('latin1'))?.[0];
      if (line) order.push(line.replace(/^GET \S*tariffs/, 'GET '));
      return write.apply(this, args);
    };
    Socket.prototype.write = spy as Socket['write'];
    try {
      await crawlList(t, { ...options(), onItem: (_item, key) => order.push(`judge ${String(key)}`) });
    } finally {
      Socket.prototype.write = write;
    }
    assert.deepEqual(order, ['GET ', 'GET ?page=1', 'judge NL/ABC/T1', 'GET ?page=2', 'judge NL/ABC/T2', 'judge NL/ABC/T3']);
    assert.deepEqual(failing(t.findings), []);
  });

  it('ends with the error of the page it was judging, not that of the next page already asked for, and leaves no rejection unhandled', async () => {
    serve((page) => ({ items: [tariff(`T${page}`)], next: page + 1, total: 3, limit: 1 }));
    const answer = server.handler;
    // The next page never answers: its connection is cut.
    let cut = 0;
    server.handler = (req, res, body) => {
      if (!new URL(req.url ?? '/', server.url).searchParams.has('page')) return answer(req, res, body);
      cut += 1;
      req.socket.destroy();
    };
    const unhandled: unknown[] = [];
    const record = (reason: unknown): number => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const t = caseContext();
      await assert.rejects(crawlList(t, { ...options(), onItem: () => { throw new Error('judging failed'); } }), /judging failed/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(cut >= 1, 'the next page had been asked for');
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('says how far a long crawl has come a few times a second, then that it ended, and traces each page\'s exchange as the case\'s.', async () => {
    const pages = 12;
    serve((page) => ({ items: [tariff(`T${page}`)], ...(page < pages - 1 ? { next: page + 1 } : {}), total: pages, limit: 1 }));
    const answer = server.handler;
    // Each page takes a while, so the crawl lasts a few intervals.
    server.handler = (req, res, body) => void setTimeout(() => answer(req, res, body), 40);
    const events: RunEvent[] = [];
    const t = caseContext(CRAWL_CHECKS, DEFAULT_CRAWL_BOUNDS, undefined, undefined, (event) => events.push(event));
    const started = performance.now();
    await crawlList(t, options({ limit: 1 }));
    const elapsedMs = performance.now() - started;
    const progress = events.filter((e): e is EventOf<'crawl-progress'> => e.type === 'crawl-progress');
    const running = progress.filter((e) => !e.done);
    assert.ok(running.length >= 1, 'a crawl of several intervals says how far it has come');
    assert.ok(running.length <= Math.ceil(elapsedMs / CRAWL_PROGRESS_INTERVAL_MS), `at most one update per interval: ${running.length} in ${Math.round(elapsedMs)} ms`);
    assert.ok(running.every((e, i) => e.caseId === 'TAR-99' && e.url === listUrl() && e.pages > (running[i - 1]?.pages ?? 0) && e.objects === e.pages));
    assert.deepEqual(progress.at(-1) && { done: progress.at(-1)?.done, pages: progress.at(-1)?.pages, objects: progress.at(-1)?.objects }, { done: true, pages, objects: pages });
    const traced = events.filter((e): e is EventOf<'exchange'> => e.type === 'exchange');
    assert.deepEqual(traced.map((e) => [e.by, e.exchange.request.method, e.exchange.response?.status]), Array.from({ length: pages }, () => ['TAR-99', 'GET', 200]));
  });

  it('says nothing of the progress of a crawl that ends within one interval.', async () => {
    serve((page) => ({ items: [tariff(`T${page}`)], ...(page < 2 ? { next: page + 1 } : {}), total: 3, limit: 1 }));
    const events: RunEvent[] = [];
    await crawlList(caseContext(CRAWL_CHECKS, DEFAULT_CRAWL_BOUNDS, undefined, undefined, (event) => events.push(event)), options({ limit: 1 }));
    assert.deepEqual(events.filter((e) => e.type === 'crawl-progress'), []);
  });

  it('sends a 2.1.1 list no request ids and no routing headers, and does not judge its pages on them.', async () => {
    const sent: Array<Record<string, unknown>> = [];
    server.handler = (req: IncomingMessage, res) => {
      sent.push({ ...req.headers });
      const page = Number(new URL(req.url ?? '/', server.url).searchParams.get('page') ?? '0');
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-limit': '1', 'x-total-count': '2' };
      if (page === 0) headers['link'] = `<${pageUrl(1)}>; rel="next"`;
      res.writeHead(200, headers).end(JSON.stringify({ data: [{ id: `T${page}`, currency: 'EUR', last_updated: '2026-01-01T00:00:00Z' }], status_code: 1000, timestamp: '2026-01-01T00:00:00Z' }));
    };
    const t = caseContext(CRAWL_CHECKS, DEFAULT_CRAWL_BOUNDS, undefined, '2.1.1');
    const outcome = await crawlList(t, { url: listUrl(), mode: 'full', keyOf });
    assert.equal(outcome.received, 2);
    assert.deepEqual(sent.map((headers) => Object.keys(headers).filter((name) => /^(x-request-id|x-correlation-id|ocpi-)/.test(name))), [[], []]);
    assert.deepEqual(t.findings.filter((f) => f.check.startsWith('headers.')), []);
    assert.deepEqual(failing(t.findings), []);
  });

  it('never copies a page it drops to redact it, and redacts the page it keeps when that is read', async () => {
    serve((page) => THREE_PAGES[page] ?? { items: [] });
    const redactor = new CountingRedactor();
    const t = caseContext(CRAWL_CHECKS, DEFAULT_CRAWL_BOUNDS, redactor);
    await crawlList(t, options({ limit: 1 }));
    assert.deepEqual(failing(t.findings), []);
    assert.equal(redactor.copies, 0, 'no page was copied while the crawl judged it');
    assert.equal(t.exchanges.length, 1);
    const kept = t.exchanges[0]?.response?.body;
    assert.equal(redactor.copies, 1, 'the kept page is copied once, when read');
    assert.ok(Object.isFrozen(kept) && Object.isFrozen((kept as { data: unknown[] }).data[0]));
    assert.equal(t.exchanges[0]?.response?.body, kept, 'and read from the same copy afterwards');
  });

  it('keeps no token in a kept page, nor in a finding that quotes a value of a page it dropped', async () => {
    const token = new Secret('crawl-secret-0123456789');
    const redactor = new Redactor();
    redactor.add(token);
    // The target echoes the token in an object of the first page and puts it where the schema fails on the second.
    const leaky = { ...(tariff('T1') as Record<string, unknown>), tariff_alt_url: `https://example.com/${token.reveal()}` };
    const invalid = { ...(tariff('T2') as Record<string, unknown>), currency: token.reveal() };
    serve((page) => (page === 0 ? { items: [leaky], next: 1, total: 2, limit: 1 } : { items: [invalid], total: 2, limit: 1 }));
    const t = caseContext(CRAWL_CHECKS, DEFAULT_CRAWL_BOUNDS, redactor);
    await crawlList(t, options());
    assert.deepEqual(failedChecks(t.findings), ['schema.response']);
    const recorded = JSON.stringify({ findings: t.findings, exchanges: t.exchanges });
    assert.doesNotMatch(recorded, /crawl-secret-0123456789/);
    assert.match(recorded, /\[redacted\]/);
    assert.equal(t.exchanges.length, 2, 'the failing page is kept, redacted');
  });

  it('reports every crawl check it judged, each pass collapsed into one finding for the whole crawl', async () => {
    serve((page) => (page === 0 ? { items: [tariff('T1'), tariff('T2')], next: 1, total: 3 } : { items: [tariff('T3')], total: 3 }));
    const t = caseContext();
    await crawlList(t, options());
    const checks = t.findings.map((f) => f.check);
    assert.deepEqual([...checks].sort(), [...new Set(checks)].sort(), 'one finding per check');
    // Filters are judged only with filters, and a bound only speaks when it stops a crawl.
    const judged = CRAWL_CHECKS.filter((check) => check !== 'pagination.link-keeps-filters' && check !== 'pagination.crawl-bounded');
    for (const check of judged) assert.ok(checks.includes(check), `${check} reported`);
    assert.equal(t.findings.find((f) => f.check === 'schema.response')?.message, 'held on 3 objects');
    assert.equal(t.findings.find((f) => f.check === 'pagination.page-size')?.message, 'held on 2 pages');
  });

  it('ends with a pagination.terminates failure, not a hang, when a Link points back to the first page', async function () {
    this.timeout(3000);
    serve((page) => (page === 0 ? { items: [tariff('T1')], next: 1, total: 2, limit: 1 } : { items: [tariff('T2')], link: `<${listUrl()}>; rel="next"`, total: 2, limit: 1 }));
    const t = caseContext();
    const started = performance.now();
    const outcome = await crawlList(t, options());
    assert.ok(performance.now() - started < 2000, 'the crawl ends quickly');
    assert.deepEqual(failedChecks(t.findings), ['pagination.terminates']);
    assert.match(t.findings.find((f) => f.check === 'pagination.terminates')?.message ?? '', /the crawl would never end: its Link rel="next" points back to http:\/\/127\.0\.0\.1:\d+\/ocpi\/2\.2\.1\/tariffs, a page already fetched/);
    assert.deepEqual([outcome.pages, outcome.complete], [2, false]);
    assert.equal(requested.length, 2);
    assert.deepEqual(t.exchanges.map((e) => e.request.url), [listUrl(), pageUrl(1)], 'the page with the looping Link is evidence');
  });

  it('ends with a pagination.terminates failure when the Links run well past X-Total-Count', async function () {
    this.timeout(5000);
    serve((page) => ({ items: [tariff(`T${page}`)], next: page + 1, total: 2, limit: 1 }));
    const t = caseContext();
    const outcome = await crawlList(t, options());
    assert.equal(outcome.pages, 12);
    assert.equal(outcome.complete, false);
    assert.match(t.findings.find((f) => f.check === 'pagination.terminates')?.message ?? '', /ran on past 12 pages for an X-Total-Count of 2/);
  });

  it('fails pagination.no-duplicates for an object that comes again on a later page', async () => {
    serve((page) => (page === 0 ? { items: [tariff('T1'), tariff('T2')], next: 1, total: 3 } : { items: [tariff('T2'), tariff('T3')], total: 3 }));
    const t = caseContext();
    const outcome = await crawlList(t, options());
    assert.deepEqual(failing(t.findings), [['pagination.no-duplicates', 'NL/ABC/T2 was already returned on an earlier page: pages must neither overlap nor repeat objects']]);
    assert.equal(t.findings.find((f) => f.status === 'fail')?.at, '/data/0');
    assert.deepEqual([outcome.received, outcome.complete], [3, true]);
    assert.equal(t.exchanges.length, 2, 'the failing page is kept as evidence too');
  });

  it('passes an object that comes again on a later page with a later last_updated: it was updated during the crawl', async () => {
    const updated = { ...(tariff('T2') as Record<string, unknown>), last_updated: '2026-01-01T00:05:00Z' };
    serve((page) => (page === 0 ? { items: [tariff('T1'), tariff('T2')], next: 1, total: 3 } : { items: [tariff('T3'), updated], total: 3 }));
    const t = caseContext();
    await crawlList(t, options());
    assert.deepEqual(failing(t.findings), []);
  });

  it('fails pagination.no-duplicates for an object repeated on the same page', async () => {
    serve(() => ({ items: [tariff('T1'), tariff('T1')], total: 1 }));
    const t = caseContext();
    await crawlList(t, options());
    assert.deepEqual(failing(t.findings), [['pagination.no-duplicates', 'NL/ABC/T1 was already returned on this page: pages must neither overlap nor repeat objects']]);
  });

  it('fails pagination.link-next and pagination.complete when a page has no Link while X-Total-Count says more', async () => {
    serve(() => ({ items: [tariff('T1'), tariff('T2')], total: 5 }));
    const t = caseContext();
    const outcome = await crawlList(t, options());
    assert.deepEqual(failedChecks(t.findings), ['pagination.complete', 'pagination.link-next']);
    assert.match(t.findings.find((f) => f.check === 'pagination.link-next')?.message ?? '', /has no Link rel="next", but only 2 of 5 objects/);
    assert.match(t.findings.find((f) => f.check === 'pagination.complete')?.message ?? '', /objects were skipped between pages/);
    assert.deepEqual([outcome.pages, outcome.complete], [1, true]);
  });

  it('warns when the last page with objects links to an empty page', async () => {
    serve((page) => (page === 0 ? { items: [tariff('T1'), tariff('T2')], next: 1, total: 2 } : { items: [], total: 2 }));
    const t = caseContext();
    await crawlList(t, options());
    assert.deepEqual(failing(t.findings), []);
    assert.deepEqual(t.findings.filter((f) => f.status === 'warn').map((f) => f.check), ['pagination.link-next']);
  });

  it('warns on pagination.link-keeps-filters when a Link drops a filter of the request', async () => {
    const from = '2026-01-01T00:00:00Z';
    serve((page) => (page === 0 ? { items: [tariff('T1')], next: 1, total: 2 } : { items: [tariff('T2')], total: 2 }));
    const t = caseContext();
    await crawlList(t, options({ filters: { date_from: from } }));
    assert.equal(new URL(requested[0] ?? '').searchParams.get('date_from'), from);
    assert.deepEqual(failedChecks(t.findings), []);
    assert.deepEqual(t.findings.filter((f) => f.status === 'warn').map((f) => f.check), ['pagination.link-keeps-filters']);
  });

  it('stops after one page with maxPages: 1, reporting the crawl as not complete', async () => {
    serve((page) => ({ items: [tariff(`T${page}`)], next: page + 1, total: 3, limit: 1 }));
    const t = caseContext();
    const outcome = await crawlList(t, options({ maxPages: 1 }));
    assert.deepEqual([outcome.pages, outcome.received, outcome.complete], [1, 1, false]);
    assert.equal(requested.length, 1);
    assert.deepEqual(failing(t.findings), []);
    assert.ok(!t.findings.some((f) => f.check === 'pagination.complete' || f.check === 'pagination.terminates'), 'no end-of-crawl verdict on a crawl cut short');
  });

  it('records no findings and no exchanges with report: false, even when the list fails its checks', async () => {
    serve((page) => (page === 0 ? { items: [tariff('T1'), tariff('T1')], next: 1, total: 9 } : { items: [tariff('T2')] }));
    const t = caseContext();
    const seen: string[] = [];
    const outcome = await crawlList(t, options({ report: false, onItem: (_item, key) => seen.push(String(key)) }));
    assert.deepEqual([t.findings.length, t.exchanges.length], [0, 0]);
    assert.deepEqual([outcome.pages, outcome.received, outcome.complete], [2, 2, true]);
    assert.deepEqual(seen, ['NL/ABC/T1', 'NL/ABC/T1', 'NL/ABC/T2']);
    assert.equal(outcome.first?.request.url, listUrl());
  });

  it('follows the Links in follow mode judging only the envelope', async () => {
    serve((page) => (page === 0 ? { items: [tariff('T1'), tariff('T1')], next: 1 } : { items: [{ not: 'a tariff' }] }));
    const t = caseContext(FOLLOW_CHECKS);
    const outcome = await crawlList(t, options({ mode: 'follow' }));
    assert.deepEqual(failing(t.findings), []);
    assert.deepEqual([outcome.pages, outcome.complete], [2, true]);
    assert.ok(t.findings.every((f) => (FOLLOW_CHECKS as readonly string[]).includes(f.check)));
  });

  for (const mode of ['full', 'follow'] as const) {
    it(`treats a Link header that does not parse as an incomplete crawl, reported as pagination.link-next (${mode} mode)`, async () => {
      serve((page) => (page === 0 ? { items: [tariff('T1')], link: `${pageUrl(1)}; rel="next"`, total: 2, limit: 1 } : { items: [tariff('T2')], total: 2, limit: 1 }));
      const t = caseContext();
      const outcome = await crawlList(t, options({ mode }));
      assert.equal(outcome.complete, false);
      assert.ok(!t.findings.some((f) => f.check === 'pagination.terminates' && f.status === 'pass'));
      assert.ok(t.findings.some((f) => f.check === 'pagination.link-next' && f.status === 'fail' && /does not parse/.test(f.message)));
    });
  }

  it('says the list was listed when its pages loop, so cases that need only its reachability can still run', async function () {
    this.timeout(3000);
    serve(() => ({ items: [tariff('T1')], next: 1, total: 9, limit: 1 }));
    const t = caseContext();
    const outcome = await crawlList(t, options());
    assert.deepEqual([outcome.complete, outcome.listed, outcome.received], [false, true, 1]);
  });

  it('says the list was not listed when its first page is an error', async () => {
    server.handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status_code: 3000, timestamp: '2026-01-01T00:00:00Z' }));
    };
    const t = caseContext();
    const outcome = await crawlList(t, options());
    assert.deepEqual([outcome.complete, outcome.listed], [false, false]);
  });

  describe('bounds', () => {
    // A list whose every page links to the next, one new object a page, without X-Total-Count: it may never end.
    const endless = (page: number): PageSpec => ({ items: [tariff(`T${page}`)], next: page + 1, limit: 1 });
    const bounded = (t: CaseContext): Finding | undefined => t.findings.find((f) => f.check === 'pagination.crawl-bounded');

    it('stops an endless list at --max-pages with a warning naming the bound and the flag, and judges the pages it saw', async () => {
      serve(endless);
      const t = caseContext(CRAWL_CHECKS, { ...DEFAULT_CRAWL_BOUNDS, maxPages: 7 });
      const outcome = await crawlList(t, options());
      assert.deepEqual([outcome.pages, outcome.received, outcome.complete], [7, 7, false]);
      assert.equal(requested.length, 7);
      assert.equal(bounded(t)?.status, 'warn');
      assert.match(bounded(t)?.message ?? '', /^the crawl stopped at 7 pages \(--max-pages 7\) with the list going on: the case judged the 7 objects it saw/);
      assert.ok(t.findings.some((f) => f.check === 'pagination.total-count' && f.status === 'fail'), 'the pages it saw are still judged');
      assert.ok(!t.findings.some((f) => f.check === 'pagination.terminates'), 'neither ended nor looping: no verdict on termination');
    });

    it('stops at --max-objects', async () => {
      serve(endless);
      const t = caseContext(CRAWL_CHECKS, { ...DEFAULT_CRAWL_BOUNDS, maxObjects: 3 });
      const outcome = await crawlList(t, options());
      assert.deepEqual([outcome.pages, outcome.complete], [3, false]);
      assert.match(bounded(t)?.message ?? '', /3 objects \(--max-objects 3\)/);
    });

    it('stops at --crawl-time', async () => {
      serve(endless);
      const t = caseContext(FOLLOW_CHECKS, { ...DEFAULT_CRAWL_BOUNDS, timeMs: 150 });
      const started = performance.now();
      const outcome = await crawlList(t, options({ mode: 'follow' }));
      assert.equal(outcome.complete, false);
      assert.ok(performance.now() - started < 2000);
      assert.match(bounded(t)?.message ?? '', /\(--crawl-time 150\)/);
    });

    it('says nothing of the bounds when the list ends within them', async () => {
      serve((page) => (page === 0 ? { items: [tariff('T1')], next: 1, total: 2, limit: 1 } : { items: [tariff('T2')], total: 2, limit: 1 }));
      const t = caseContext(CRAWL_CHECKS, { ...DEFAULT_CRAWL_BOUNDS, maxPages: 2 });
      const outcome = await crawlList(t, options());
      assert.equal(outcome.complete, true);
      assert.equal(bounded(t), undefined);
    });

    it('keeps a crawl\'s own page limit (maxPages) quiet: a probe that wanted two pages is not bounded', async () => {
      serve(endless);
      const t = caseContext(FOLLOW_CHECKS);
      await crawlList(t, options({ mode: 'follow', maxPages: 2 }));
      assert.equal(bounded(t), undefined);
    });
  });
});
