import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fail } from '../../src/checks/finding.js';
import { toHtmlReport } from '../../src/report/html-report.js';
import { exchange } from '../helpers/exchange.js';
import { caseResult, runResult } from '../helpers/run-result.js';
import { firstLine, readReport, reportPath, runCli, startCli, type JsonReport } from '../helpers/run-cli.js';

// Run by `npm run test:browser`, not by `npm test`: it needs Debian's chromium (.ci/run installs it).
const EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// A Token A of the usual shape (32 base64url characters), so a leak of it or of its Base64 form would be found.
const TOKEN = 'q7Ld2Vx9Km4Rt8Wz1Bn6Hc3Fj5Pg0Ys_';

/** What a page did once opened: every request it made, and every dialog a script in it tried to open. */
interface Opened {
  readonly page: Page;
  readonly url: string;
  readonly requests: string[];
  readonly dialogs: string[];
}

const COUNTS = ['passed', 'failed', 'errored', 'skipped', 'warnings'] as const;

describe('the HTML report in a real browser (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let mock: ChildProcess | undefined;

  before(async () => {
    browser = await chromium.launch({ executablePath: EXECUTABLE });
  });
  after(async () => {
    await browser?.close();
    browser = undefined;
  });
  afterEach(async () => {
    mock?.kill('SIGKILL');
    mock = undefined;
    for (const context of browser?.contexts() ?? []) await context.close();
  });

  async function open(path: string): Promise<Opened> {
    if (!browser) throw new Error('no browser');
    const page = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const url = pathToFileURL(path).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, dialogs };
  }

  /** The counts the page shows, against the JSON report of the same run. */
  async function assertCounts(page: Page, report: JsonReport): Promise<void> {
    for (const name of COUNTS) assert.equal(await page.getByTestId(`summary-${name}`).innerText(), String(report.summary[name]), `${name} count`);
    assert.equal(await page.getByTestId('summary-total').innerText(), String(report.cases.length));
  }

  it('shows a failing run: its counts, the failed case open with its diff and curl line, passes closed, and nothing loaded.', async () => {
    const html = reportPath('report.html');
    const json = reportPath('report.json');
    const outcome = await runCli(['run', '--embedded', 'emsp', '--embedded-fault', 'location-put-drops-field', '--quiet', '--report-html', html, '--report-json', json]);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    const report = readReport(json);
    const { page, url, requests } = await open(html);

    assert.equal(await page.getByTestId('verdict').innerText(), 'FAILED');
    await assertCounts(page, report);
    assert.ok(report.summary.failed > 0, 'the run failed');

    const failed = page.getByTestId('case-LOC-PUSH-01');
    assert.notEqual(await failed.getAttribute('open'), null, 'the failed case is open');
    const diffLine = failed.getByTestId('diff').locator('.line', { hasText: '@ /data/evses/0/connectors/0/max_electric_power' });
    assert.ok(await diffLine.isVisible(), 'the diff line of the dropped field is visible');
    const expected = failed.getByTestId('diff').locator('.line.hunk:has-text("/data/evses/0/connectors/0/max_electric_power") + .line.del');
    assert.ok(await expected.isVisible(), 'with the expected value below it');
    assert.match(await expected.innerText(), /^- \d+$/);
    const curl = failed.getByTestId('reproduce-curl').first();
    assert.ok(await curl.isVisible(), 'the curl line is visible');
    assert.match(await curl.innerText(), /^curl -sS -X GET 'http:\/\/127\.0\.0\.1:\d+\/ocpi\/emsp\/2\.2\.1\/locations\/.* -H "Authorization: Token \$\(printf %s "\$OCPI_TOKEN" \| base64 \| tr -d '\\n'\)"/);
    assert.ok(await failed.getByTestId('reproduce').getByText('OCPI_TOKEN', { exact: true }).first().isVisible(), 'with the hint that it needs OCPI_TOKEN');

    const passed = page.getByTestId('case-VER-01');
    assert.equal(await passed.getAttribute('open'), null, 'a passed case is closed');
    assert.equal(await passed.getByTestId('transcript').first().isVisible(), false);

    assert.deepEqual(requests, [url], 'the page requested nothing but itself');
  });

  it('shows no token anywhere: neither the Token A given to the tester nor its Base64 form.', async () => {
    mock = startCli(['mock', '--role', 'cpo', '--port', '0', '--token-a', TOKEN]);
    const ready = JSON.parse(await firstLine(mock)) as { versionsUrl: string };
    const html = reportPath('report.html');
    const json = reportPath('report.json');
    const outcome = await runCli(['run', '--versions-url', ready.versionsUrl, '--token', TOKEN, '--quiet', '--report-html', html, '--report-json', json]);
    assert.ok(outcome.code === 0 || outcome.code === 1, outcome.stdout + outcome.stderr);
    const report = readReport(json);
    assert.ok(report.cases.some((c) => c.exchanges.length > 0), 'the run exchanged requests with the mock');
    const { page, url, requests } = await open(html);
    await assertCounts(page, report);

    const content = await page.content();
    const text = (await page.locator('html').textContent()) ?? '';
    const base64 = Buffer.from(TOKEN).toString('base64');
    for (const [where, value] of [['HTML', content], ['text', text]] as const) {
      assert.ok(!value.includes(TOKEN), `Token A in the page's ${where}`);
      assert.ok(!value.includes(base64), `Token A in Base64 in the page's ${where}`);
      const tokens = [...value.matchAll(/Token\s+([A-Za-z0-9_-]{32}|[A-Za-z0-9+/]{40,}={0,2})/g)].map((m) => m[1]);
      assert.deepEqual(tokens, [], `something like a token in the page's ${where}`);
    }
    assert.ok(content.includes('Token [redacted]'), 'the Authorization headers are there, redacted');
    assert.deepEqual(requests, [url]);
  });

  for (const [name, args, expected, code, verdict] of [
    ['modules the target does not declare', ['--embedded', 'cpo', '--embedded-variant', 'tariffs-not-offered'], /the target does not declare tariffs SENDER: .*cases? (was|were) skipped, not passed/, 0, 'PASSED'],
    // Every selected case skipped is its own outcome: exit 5, NOTHING CHECKED.
    ['every case skipped', ['--embedded', 'emsp', '--only', 'CRED-07'], /every case was skipped, so this run checked nothing/, 5, 'NOTHING CHECKED'],
  ] as const) {
    it(`puts a hollow run's warning in the summary, visible: ${name}.`, async () => {
      const html = reportPath('report.html');
      const outcome = await runCli(['run', ...args, '--quiet', '--report-html', html]);
      assert.equal(outcome.code, code, outcome.stdout + outcome.stderr);
      const { page } = await open(html);
      assert.equal(await page.getByTestId('verdict').innerText(), verdict);
      const warning = page.getByTestId('summary').getByTestId('hollow-warning').filter({ hasText: expected });
      assert.equal(await warning.count(), 1);
      assert.ok(await warning.isVisible(), 'the warning is visible');
    });
  }

  it('shows a hostile body as text: its script never runs and it adds no element to the page.', async () => {
    const hostile = '<script>alert("body")</script><img src=x onerror="alert(\'img\')"><style>body{display:none}</style>';
    const result = runResult([
      caseResult({
        id: 'VER-01',
        status: 'failed',
        findings: [fail('envelope.json-body', `not JSON: ${hostile}`, { exchangeId: 'x1', expected: 'JSON', actual: hostile })],
        exchanges: [exchange({ status: 200, headers: { 'content-type': 'text/html' }, rawBody: hostile })],
      }),
    ]);
    const path = reportPath('hostile.html');
    writeFileSync(path, toHtmlReport(result), 'utf8');
    const { page, url, requests, dialogs } = await open(path);
    assert.equal(await page.locator('script, img, body style').count(), 0);
    assert.ok(await page.getByTestId('transcript').getByText('< <script>alert("body")</script>', { exact: false }).isVisible(), 'the body reads as text');
    assert.ok(await page.getByTestId('verdict').isVisible(), 'no injected style hid the page');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, [url]);
  });
});
