import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import type { RunEvent } from '../../src/model/run-event.js';
import { runConformance, type RunOptions } from '../../src/runner/run-conformance.js';
import { DEFAULT_CRAWL_BOUNDS } from '../../src/runner/crawl-bounds.js';
import { toHtmlReport } from '../../src/report/html-report.js';
import { toJunitReport } from '../../src/report/junit-report.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { versionsGetCase } from '../helpers/versions-get-case.js';

// One case that runs in two versions: it GETs the versions list and judges the HTTP status.
const versionsGet = versionsGetCase('TEST-01', ['2.2.1', '2.3.0']);

describe('runConformance over several versions', () => {
  let target: TestServer;
  before(async () => {
    target = await startTestServer();
    target.handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status_code: 1000, timestamp: new Date().toISOString(), data: [] }));
  });
  after(() => target.close());

  const options = (events: RunEvent[]): RunOptions => ({
    plan: [{ version: '2.3.0', cases: [versionsGet] }, { version: '2.2.1', cases: [versionsGet] }],
    offeredVersions: ['2.2.1', '2.3.0'],
    target: { versionsUrl: `${target.url}/versions`, token: new Secret('several-versions-token-0123') },
    handshake: 'none',
    role: 'cpo',
    peer: { host: '127.0.0.1', port: 0 },
    concurrency: 2,
    timeoutMs: 5000,
    deadlineMs: 5000,
    maxResponseBytes: 1024 * 1024,
    crawlBounds: DEFAULT_CRAWL_BOUNDS,
    allowOrigins: [],
    rawToken: false,
    keepRegistration: false,
    allowCommands: false,
    signal: new AbortController().signal,
    listeners: [(event) => events.push(event)],
  });

  it('runs each version in turn and gives one result: every case with its version, every exchange its own id.', async () => {
    const events: RunEvent[] = [];
    const result = await runConformance(options(events));
    assert.deepEqual(result.target.testedVersions, ['2.3.0', '2.2.1']);
    assert.deepEqual(result.target.offeredVersions, ['2.2.1', '2.3.0']);
    assert.equal(result.target.ocpiVersion, '2.3.0');
    assert.deepEqual(result.cases.map((c) => [c.id, c.ocpiVersion, c.status, c.spec.section]), [['TEST-01', '2.3.0', 'passed', 'Versions (2.3.0)'], ['TEST-01', '2.2.1', 'passed', 'Versions (2.2.1)']]);
    assert.equal(result.summary.passed, 2);
    const ids = result.cases.flatMap((c) => c.exchanges.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(events.filter((e) => e.type === 'run-start' || e.type === 'run-end' || e.type === 'version-start').map((e) => (e.type === 'version-start' ? `${e.type} ${e.version}` : e.type)), ['run-start', 'version-start 2.3.0', 'version-start 2.2.1', 'run-end']);
  });

  it('sends the token as it is in 2.1.1 and Base64-encoded in 2.2.1.', async () => {
    const seen: string[] = [];
    const served = target.handler;
    target.handler = (req, res, body) => {
      seen.push(req.headers.authorization ?? '');
      served(req, res, body);
    };
    try {
      const inAll = versionsGetCase('TEST-01', ['2.1.1', '2.2.1']);
      await runConformance({ ...options([]), plan: [{ version: '2.2.1', cases: [inAll] }, { version: '2.1.1', cases: [inAll] }] });
    } finally {
      target.handler = served;
    }
    assert.deepEqual(seen, [`Token ${Buffer.from('several-versions-token-0123').toString('base64')}`, 'Token several-versions-token-0123']);
  });

  it('gives the JUnit report a testsuite and the HTML report a section per version, with anchors that do not collide.', async () => {
    const result = await runConformance(options([]));
    const junit = toJunitReport(result);
    assert.match(junit, /<testsuite name="OCPI 2\.3\.0 versions"/);
    assert.match(junit, /<testsuite name="OCPI 2\.2\.1 versions"/);
    assert.match(junit, /classname="ocpi-conformance\.2_3_0\.versions"/);
    const html = toHtmlReport(result);
    assert.match(html, /id="case-2\.3\.0-TEST-01"/);
    assert.match(html, /id="case-2\.2\.1-TEST-01"/);
    assert.match(html, /data-testid="ocpi-version">2\.3\.0, 2\.2\.1</);
  });

  it('tests nothing and says why when the plan is empty.', async () => {
    const result = await runConformance({ ...options([]), plan: [], untested: 'no version both support' });
    assert.deepEqual(result.target.testedVersions, []);
    assert.equal(result.target.ocpiVersion, undefined);
    assert.equal(result.untested, 'no version both support');
    assert.equal(result.cases.length, 0);
  });
});
