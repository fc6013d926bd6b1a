import assert from 'node:assert/strict';
import { fail, pass, warn } from '../../src/checks/finding.js';
import type { CaseResult } from '../../src/model/case-result.js';
import type { Exchange } from '../../src/model/exchange.js';
import { toHtmlReport } from '../../src/report/html-report.js';
import { exchange } from '../helpers/exchange.js';
import { caseResult, runResult } from '../helpers/run-result.js';

// What a hostile target may send: markup that would run, end the stylesheet, or break out of an attribute.
const HOSTILE = `</style><script>alert(1)</script><img src=x onerror=alert(2)>"'><a href="http://evil.example/">x</a>`;

const inbound = (id: string, url: string): Exchange => ({ ...exchange({ status: 200, body: { status_code: 1000 } }, { url }), id, direction: 'inbound' });

const failing = caseResult({
  id: 'LOC-PUSH-01',
  module: 'locations',
  title: 'A Location the CPO PUTs can be read back unchanged',
  status: 'failed',
  spec: { version: '2.2.1', section: 'Locations module, PUT and GET', rule: 'a pushed Location is stored as sent' },
  findings: [
    pass('http.status', 'GET answered HTTP 200', { exchangeId: 'x1' }),
    fail('locations.stored-as-put', `differs in 2 places ${HOSTILE}`, { exchangeId: 'x1', at: '/data', diff: [{ path: '/evses/0/connectors/0/max_electric_power', kind: 'missing', expected: 22000 }, { path: '/name', kind: 'changed', expected: 'A', actual: HOSTILE }] }),
  ],
  exchanges: [
    exchange({ status: 200, headers: { 'x-evil': HOSTILE }, rawBody: HOSTILE }, { url: 'http://127.0.0.1:1/ocpi/2.2.1/locations/NL/ABC/<b>1</b>', headers: { authorization: 'Token [redacted]' } }),
    inbound('x2', 'http://127.0.0.1:2/ocpi/tester/versions'),
  ],
});
const passing = caseResult({ id: 'VER-01', status: 'passed', findings: [pass('envelope.status-code', 'status_code 1000'), warn('http.unknown-object-404', 'a 200 for a missing object')] });
const skipped = caseResult({ id: 'VER-02', status: 'skipped', reason: 'not this time' });
const errored = caseResult({ id: 'VER-03', status: 'errored', reason: 'the tester broke', exchanges: [exchange(undefined)] });

const report = toHtmlReport(runResult([failing, passing, skipped, errored], { peerInbound: [inbound('x9', 'http://127.0.0.1:2/ocpi/tester/<i>unasked</i>')] }));

/** Every real tag of the page (escaped text holds no `<`, so these are exactly the elements the page has). */
const tags = (page: string): string[] => page.match(/<[a-zA-Z!][^>]*>/g) ?? [];

/** The opening tag of the element with this data-testid. */
const tagOf = (page: string, testId: string): string => tags(page).find((tag) => tag.includes(`data-testid="${testId}"`)) ?? assert.fail(`no element ${testId}`);

/** The markup of a case, from its <details> to the next case's. */
const caseMarkup = (page: string, id: string): string => {
  const start = page.indexOf(`data-testid="case-${id}"`);
  assert.ok(start >= 0, `no case ${id}`);
  const next = page.indexOf('<details class="case ', start);
  return page.slice(start, next < 0 ? undefined : next);
};

describe('the HTML report', () => {
  it('loads nothing from outside the page: no script, link, image, frame, import or url(), and every link is a fragment.', () => {
    const all = tags(report);
    assert.ok(all.length > 50, 'the page has its elements');
    const names = new Set(all.map((tag) => /^<!?([a-zA-Z]+)/.exec(tag)?.[1]?.toLowerCase()));
    for (const forbidden of ['script', 'link', 'img', 'iframe', 'object', 'embed', 'base', 'form', 'svg', 'video', 'audio', 'source']) assert.ok(!names.has(forbidden), `no <${forbidden}>`);
    assert.deepEqual(all.filter((tag) => /\ssrc=/i.test(tag)), []);
    assert.deepEqual(all.filter((tag) => /\shref="(?!#)/i.test(tag)), []);
    const style = /<style>([\s\S]*?)<\/style>/.exec(report)?.[1] ?? assert.fail('no inline stylesheet');
    assert.doesNotMatch(style, /@import|url\(/i);
    assert.doesNotMatch(report, /<link|@import/i);
  });

  it('carries a Content-Security-Policy that allows the inline stylesheet and nothing else.', () => {
    assert.match(report, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'[^"]*">/);
  });

  it('shows what the target sent as text: markup in a body, header, URL, message or diff never becomes an element.', () => {
    assert.doesNotMatch(report, /<script|<img|<b>|<i>|href="http/i);
    assert.ok(report.includes('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&gt;'), 'the hostile text is there, escaped');
    assert.ok(report.includes('&lt; x-evil: &lt;/style&gt;&lt;script&gt;'), 'in the response headers of the transcript');
    assert.ok(report.includes('/locations/NL/ABC/&lt;b&gt;1&lt;/b&gt;'), 'in the URL');
    assert.ok(report.includes('&lt;i&gt;unasked&lt;/i&gt;'), 'in the requests outside any case');
    assert.equal(report.match(/<\/style>/g)?.length, 1, 'the stylesheet ends once, where the page ends it');
  });

  it('shows the verdict and the counts, each where a test can find it.', () => {
    assert.match(report, /<p class="verdict" data-testid="verdict">FAILED<\/p>/);
    const counts = Object.fromEntries(['passed', 'failed', 'errored', 'skipped', 'warnings', 'total'].map((name) => [name, new RegExp(`data-testid="summary-${name}">(\\d+)<`).exec(report)?.[1]]));
    assert.deepEqual(counts, { passed: '1', failed: '1', errored: '1', skipped: '1', warnings: '1', total: '4' });
    assert.match(report, /<a href="#case-LOC-PUSH-01">LOC-PUSH-01<\/a>/, 'the summary links the failure');
  });

  it('opens the failed and errored cases and keeps the passed and skipped ones closed.', () => {
    assert.match(tagOf(report, 'case-LOC-PUSH-01'), / open>$/);
    assert.match(tagOf(report, 'case-VER-03'), / open>$/);
    assert.doesNotMatch(tagOf(report, 'case-VER-01'), / open>$/);
    assert.doesNotMatch(tagOf(report, 'case-VER-02'), / open>$/);
  });

  it('shows a failure with its check, message, spec rule and a diff of coloured - and + lines.', () => {
    const markup = caseMarkup(report, 'LOC-PUSH-01');
    assert.match(markup, /<code>locations\.stored-as-put<\/code> differs in 2 places/);
    assert.match(markup, /OCPI 2\.2\.1, Locations module, PUT and GET: a pushed Location is stored as sent/);
    const diff = /<pre class="diff" data-testid="diff">([\s\S]*?)<\/pre>/.exec(markup)?.[1] ?? assert.fail('no diff');
    assert.ok(diff.includes('<span class="line legend">- expected  + actual</span>'));
    assert.ok(diff.includes('<span class="line hunk">@ /data/evses/0/connectors/0/max_electric_power (missing)</span><span class="line del">- 22000</span>'));
    assert.ok(diff.includes('<span class="line hunk">@ /data/name</span><span class="line del">- &quot;A&quot;</span><span class="line add">+ &quot;&lt;/style&gt;'));
    assert.match(markup, /<details class="passing" data-testid="passing-findings"><summary>1 passing check<\/summary>/, 'passing findings are kept, closed');
  });

  it('gives every exchange its transcript both ways, marks the target\'s calls, and a curl line to the tester\'s own.', () => {
    const markup = caseMarkup(report, 'LOC-PUSH-01');
    const exchanges = markup.split('<details class="exchange ').slice(1);
    assert.equal(exchanges.length, 2);
    const [outbound, inboundOne] = exchanges as [string, string];
    assert.match(outbound, /^outbound cited" [^>]* open>/, 'the exchange the failure cites is open');
    assert.match(outbound, /<span class="line request">&gt; GET http:\/\/127\.0\.0\.1:1\/ocpi\/2\.2\.1\/locations\/NL\/ABC\/&lt;b&gt;1&lt;\/b&gt;<\/span>/);
    assert.match(outbound, /<span class="line request">&gt; authorization: Token \[redacted\]<\/span>/);
    assert.match(outbound, /<span class="line response">&lt; HTTP 200 \(1 ms\)<\/span>/);
    assert.match(outbound, /data-testid="curl">curl -sS -X GET /);
    assert.match(inboundOne, /the target called the tester/);
    assert.doesNotMatch(inboundOne, /data-testid="curl"/, 'the tester cannot replay what the target sent it');
  });

  it('says how to reproduce a failure: the curl line, and that it needs OCPI_TOKEN set to the token.', () => {
    const reproduce = /<div class="reproduce" data-testid="reproduce">([\s\S]*?)<\/div>/.exec(caseMarkup(report, 'LOC-PUSH-01'))?.[1] ?? assert.fail('no reproduce hint');
    assert.match(reproduce, /Set <code>OCPI_TOKEN<\/code> to the token/);
    assert.match(reproduce, /data-testid="reproduce-curl">curl -sS -X GET [^<]*Authorization: Token \$\(printf %s &quot;\$OCPI_TOKEN&quot; \| base64 \| tr -d &#39;\\n&#39;\)/);
  });

  it('shows why a case was skipped or errored, and reproduces an error from its last exchange.', () => {
    assert.match(caseMarkup(report, 'VER-02'), /<strong>Skipped:<\/strong> not this time/);
    const markup = caseMarkup(report, 'VER-03');
    assert.match(markup, /<strong>Error:<\/strong> the tester broke/);
    assert.match(markup, /&lt; no response: connection refused/);
    assert.match(markup, /data-testid="reproduce-curl">curl /);
  });

  it('keeps a passed case\'s warnings with their check and message.', () => {
    assert.match(caseMarkup(report, 'VER-01'), /<div class="finding finding-warn" [^>]*>\n<p><span class="badge finding-warn">warn<\/span> <code>http\.unknown-object-404<\/code> a 200 for a missing object/);
  });

  it('marks a failure the baseline lists as known, and keeps a known-failure case closed.', () => {
    const known = caseResult({ id: 'LOC-01', status: 'known-failure', knownFailures: ['schema.response'], findings: [fail('schema.response', 'invalid Location')] });
    const page = toHtmlReport(runResult([known]));
    assert.doesNotMatch(tagOf(page, 'case-LOC-01'), / open>$/);
    assert.match(page, /<span class="badge finding-known">known<\/span> <code>schema\.response<\/code> <span class="muted">\(known failure, in the baseline\)<\/span> invalid Location/);
    assert.match(page, /<p class="verdict" data-testid="verdict">PASSED<\/p>/);
    assert.match(page, /data-testid="summary-known-failures">1</);
  });

  it('groups cases per module in the order modules first appear.', () => {
    const modules = [...report.matchAll(/<section class="module" id="module-([a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(modules, ['locations', 'versions']);
  });

  it('lists the requests the target made outside any case, marked as its calls to the tester.', () => {
    const section = report.slice(report.indexOf('data-testid="peer-inbound"'));
    assert.match(section, /Requests the target made to the tester outside any case/);
    assert.match(section, /data-exchange="x9" data-direction="inbound"/);
    assert.match(section, /<span class="direction">the target called the tester<\/span> <code>GET http:\/\/127\.0\.0\.1:2\/ocpi\/tester\/&lt;i&gt;unasked&lt;\/i&gt;<\/code>/);
  });

  it('puts the warnings that make a pass hollow in the summary: every case skipped, modules not declared.', () => {
    const undeclared: CaseResult = caseResult({ id: 'LOC-01', module: 'locations', status: 'skipped', reason: 'not declared', undeclared: { module: 'locations', role: 'SENDER' } });
    const page = toHtmlReport(runResult([undeclared, caseResult({ id: 'VER-01', status: 'skipped', reason: '--only' })]));
    // Every case skipped: neither a pass nor a failure.
    assert.match(page, /<p class="verdict" data-testid="verdict">NOTHING CHECKED<\/p>/);
    const warnings = [...page.matchAll(/<li data-testid="hollow-warning">([^<]*)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(warnings, ['every case was skipped, so this run checked nothing', 'the target does not declare locations SENDER: 1 case was skipped, not passed']);
    assert.ok(page.indexOf('data-testid="hollow-warnings"') < page.indexOf('<section class="module"'), 'before the cases');
  });

  it('has no hollow-run warnings when the run checked something.', () => {
    assert.doesNotMatch(report, /data-testid="hollow-warnings"/);
  });
});

describe('the HTML report\'s summary of checks', () => {
  // One root cause (no X-Request-ID echo) fails three cases; one of them also fails another check; a known failure and a
  // warning in two cases; an errored case.
  const echo = (id: string, extra: ReturnType<typeof fail>[] = []): CaseResult =>
    caseResult({ id, module: 'locations', status: 'failed', findings: [fail('headers.request-id-echoed', 'the response has no X-Request-ID', { repeats: [{ at: '/', exchangeId: 'x2' }] }), ...extra] });
  const cases = [
    echo('LOC-01'),
    echo('LOC-02', [fail('schema.response', 'a Location is invalid')]),
    echo('TAR-01'),
    caseResult({ id: 'SES-01', status: 'failed', knownFailures: ['pagination.link'], findings: [fail('pagination.link', 'known'), fail('headers.request-id-echoed', 'the response has no X-Request-ID')] }),
    caseResult({ id: 'LOC-05', status: 'passed', findings: [warn('http.unknown-object-404', 'a 200 for a missing object')] }),
    caseResult({ id: 'TAR-05', status: 'passed', findings: [warn('http.unknown-object-404', 'a 200 for a missing tariff')] }),
    caseResult({ id: 'VER-03', status: 'errored', reason: 'the tester broke' }),
  ];
  const page = toHtmlReport(runResult(cases));
  const summary = /<section class="summary[^]*?<\/section>/.exec(page)?.[0] ?? assert.fail('no summary');
  const items = (testId: string): Array<{ check: string; text: string }> =>
    [...summary.matchAll(new RegExp(`<li data-testid="${testId}" data-check="([^"]+)">([^]*?)</li>`, 'g'))].map((m) => ({ check: m[1] ?? '', text: m[2] ?? '' }));

  it('lists each failing check once, with every case it failed in linked, its places counted, and its first message.', () => {
    const failing = items('failing-check');
    assert.deepEqual(failing.map((f) => f.check), ['headers.request-id-echoed', 'schema.response']);
    const [echoed] = failing;
    assert.match(echoed?.text ?? '', /failed in 4 cases \(7 places\): <a href="#case-LOC-01">LOC-01<\/a>, <a href="#case-LOC-02">LOC-02<\/a>, <a href="#case-TAR-01">TAR-01<\/a>, <a href="#case-SES-01">SES-01<\/a>/);
    assert.match(echoed?.text ?? '', /the response has no X-Request-ID/);
    assert.match(summary, /<h3>Failing checks <span class="muted">\(2 checks\)<\/span><\/h3>/);
  });

  it('leaves out of the failing checks a failure the baseline lists, and lists errored cases apart.', () => {
    assert.ok(!items('failing-check').some((f) => f.check === 'pagination.link'));
    assert.match(summary, /<li data-testid="errored-case"><a href="#case-VER-03">VER-03<\/a> a case: error: the tester broke<\/li>/);
  });

  it('lists the warnings, each check once with its cases.', () => {
    const warnings = items('warning-check');
    assert.deepEqual(warnings.map((w) => w.check), ['http.unknown-object-404']);
    assert.match(warnings[0]?.text ?? '', /warned in 2 cases: <a href="#case-LOC-05">LOC-05<\/a>, <a href="#case-TAR-05">TAR-05<\/a>/);
  });

  it('names the version of each case in a run of several versions.', () => {
    const two = toHtmlReport(runResult([echo('LOC-01'), { ...echo('LOC-01'), ocpiVersion: '2.1.1' }], { target: { role: 'cpo', testedVersions: ['2.2.1', '2.1.1'] } }));
    assert.match(two, /failed in 2 cases \(4 places\): <a href="#case-2\.2\.1-LOC-01">LOC-01 \(2\.2\.1\)<\/a>, <a href="#case-2\.1\.1-LOC-01">LOC-01 \(2\.1\.1\)<\/a>/);
  });

  it('has neither list when nothing failed or warned.', () => {
    const quiet = toHtmlReport(runResult([caseResult({ id: 'VER-01', status: 'passed' })]));
    assert.doesNotMatch(quiet, /failing-check|warning-check|errored-case/);
  });
});
