import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runMain } from '../helpers/run-main.js';
import { reportPath } from '../helpers/run-cli.js';

// One trace line: direction, method, URL, status or error code, time, sender.
const TRACE_LINE = /^(->|<-) (GET|POST|PUT|PATCH|DELETE) (https?:\/\/\S+) (\d{3}|E[A-Z_]+) (\d+) ms \[([\w.-]+)\]$/;

describe('ocpi-conformance run --verbose', function () {
  this.timeout(60_000);

  it('traces every exchange on stderr, outbound with its case and inbound marked, and carries no token.', async () => {
    const json = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '-v', '--only', 'VER-01,VER-02,CRED-02,LOC-01', '--report-json', json]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    const traced = outcome.stderr.split('\n').filter((line) => /^(->|<-) /.test(line));
    assert.ok(traced.length > 5, outcome.stderr);
    for (const line of traced) assert.match(line, TRACE_LINE);
    const fields = traced.map((line) => TRACE_LINE.exec(line) ?? []);
    assert.ok(fields.some(([, dir, method, url, status, , by]) => dir === '->' && method === 'GET' && /\/locations/.test(url ?? '') && status === '200' && by === 'LOC-01'), 'the crawl is traced as LOC-01\'s');
    assert.ok(fields.some(([, dir, , url, , , by]) => dir === '<-' && by === 'inbound' && /\/versions$/.test(url ?? '')), 'the target\'s calls back to the tester are traced as inbound');
    assert.ok(fields.every(([, dir, , , , , by]) => (dir === '<-') === (by === 'inbound')));
    assert.doesNotMatch(outcome.stdout, /^(->|<-) /m, 'the trace stays off stdout');
    // Every exchange of the report was traced, by its method and URL.
    const report = JSON.parse(readFileSync(json, 'utf8')) as { cases: Array<{ exchanges: Array<{ request: { method: string; url: string } }> }> };
    const tracedUrls = new Set(fields.map(([, , method, url]) => `${method ?? ''} ${url ?? ''}`));
    for (const exchange of report.cases.flatMap((c) => c.exchanges)) assert.ok(tracedUrls.has(`${exchange.request.method} ${exchange.request.url}`), `${exchange.request.method} ${exchange.request.url} traced`);
    assert.doesNotMatch(outcome.stderr, /Token [A-Za-z0-9+/=]{8,}|authorization/i);
  });

  it('is off by default, and on with OCPI_CONFORMANCE_VERBOSE.', async () => {
    const quiet = await runMain(['run', '--embedded', 'cpo', '--only', 'VER-01']);
    assert.doesNotMatch(quiet.stderr, /^(->|<-) /m);
    const verbose = await runMain(['run', '--embedded', 'cpo', '--only', 'VER-01'], { env: { OCPI_CONFORMANCE_VERBOSE: 'true' } });
    assert.match(verbose.stderr, /^-> GET http:\/\/127\.0\.0\.1:\d+\/\S*versions 200 \d+ ms \[VER-01\]$/m);
  });
});
