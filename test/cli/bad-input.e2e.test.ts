import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { readReport, reportPath, runCli, type CliOutcome } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

/** A server that answers every request with the given content. */
async function serve(contentType: string, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocpi/versions`, server };
}

function assertNoStackTrace(outcome: CliOutcome): void {
  assert.doesNotMatch(outcome.stdout + outcome.stderr, /\n\s+at .+\(.+:\d+:\d+\)/, 'a stack trace was printed');
}

describe('ocpi-conformance run with bad input', function () {
  this.timeout(30_000);
  const servers: Server[] = [];
  after(() => servers.forEach((s) => s.close()));

  it('explains an unreachable target in one line and exits 3', async () => {
    const outcome = await runMain(['run', '--versions-url', 'http://127.0.0.1:9/ocpi/versions', '--token', 'some-token']);
    assert.equal(outcome.code, 3);
    assert.match(outcome.stdout, /error: VER-01: GET http:\/\/127\.0\.0\.1:9\/ocpi\/versions: connection refused/);
    assertNoStackTrace(outcome);
  });

  it('fails a versions URL that serves an HTML page, saying it is not JSON, and exits 1', async () => {
    const { url, server } = await serve('text/html', '<!DOCTYPE html><html><body>Welcome</body></html>');
    servers.push(server);
    const path = reportPath();
    const outcome = await runMain(['run', '--versions-url', url, '--token', 'some-token', '--report-json', path]);
    assert.equal(outcome.code, 1);
    assert.match(outcome.stdout, /envelope\.json-body: the response is not JSON \(text\/html, a body starting "<!DOCTYPE html>/);
    assert.equal(readReport(path).cases.find((c) => c.id === 'VER-01')?.status, 'failed');
    assertNoStackTrace(outcome);
  });

  it('fails a body that claims to be JSON but is not, and exits 1', async () => {
    const { url, server } = await serve('application/json', '{"data": [ oops');
    servers.push(server);
    const outcome = await runMain(['run', '--versions-url', url, '--token', 'some-token']);
    assert.equal(outcome.code, 1);
    assert.match(outcome.stdout, /the response is not JSON \(application\/json, a body starting "\{\\"data\\": \[ oops"\)/);
    assertNoStackTrace(outcome);
  });

  it('fails a wrong token with a hint about --token, and exits 1', async () => {
    const refused = createServer((_, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status_code: 2000, status_message: 'Unauthorized', timestamp: '2026-01-01T00:00:00Z' }));
    });
    await new Promise<void>((resolve) => refused.listen(0, '127.0.0.1', resolve));
    servers.push(refused);
    const wrong = await runMain(['run', '--versions-url', `http://127.0.0.1:${(refused.address() as AddressInfo).port}/versions`, '--token', 'wrong-token']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, /expected HTTP 200, got 401 .*: the target refused the token: check --token/);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['a missing --versions-url', ['run', '--token', 'x'], /missing --versions-url/],
    ['a missing --token', ['run', '--versions-url', 'http://127.0.0.1:9/versions'], /missing --token/],
    ['--embedded together with --versions-url', ['run', '--embedded', 'cpo', '--versions-url', 'http://127.0.0.1:9/v'], /either --embedded or --versions-url/],
    ['an unknown fault', ['run', '--embedded', 'cpo', '--embedded-fault', 'no-such-fault'], /unknown fault "no-such-fault"/],
    ['an unknown case id in --only', ['run', '--embedded', 'cpo', '--only', 'VER-99'], /--only: no case VER-99/],
    ['a --timeout that is not a number', ['run', '--embedded', 'cpo', '--timeout', 'soon'], /--timeout takes a whole number/],
    ['an unknown --handshake mode', ['run', '--embedded', 'cpo', '--handshake', 'maybe'], /argument 'maybe' is invalid/],
    ['a versions URL that is not http', ['run', '--versions-url', 'ftp://x/versions', '--token', 'x'], /--versions-url must be an http:\/\/ or https:\/\/ URL \(got "ftp:\/\/x\/versions"\)/],
    ['a token too short to redact safely', ['run', '--versions-url', 'http://127.0.0.1:9/versions', '--token', 'short'], /^ocpi-conformance: error: --token: a token of 5 characters is too short to redact safely from every report and log; use one of at least 8\n$/],
    ['mock without --role', ['mock'], /mock needs --role/],
    ['a report in a folder that does not exist, before the run', ['run', '--embedded', 'cpo', '--report-junit', '/nonexistent-folder/junit.xml'], /^ocpi-conformance: error: --report-junit: the folder of \/nonexistent-folder\/junit\.xml does not exist\n$/],
  ];
  for (const [what, args, message] of usage) {
    it(`reports ${what} in one line and exits 2`, async () => {
      const outcome = await runMain(args);
      assert.equal(outcome.code, 2, outcome.stdout + outcome.stderr);
      assert.match(outcome.stderr, message);
      assertNoStackTrace(outcome);
    });
  }

  it('reports a config file that is not valid YAML in one line and exits 2', async () => {
    const path = reportPath('settings.yaml');
    writeFileSync(path, 'handshake: [unclosed\n');
    const outcome = await runCli(['run', '--embedded', 'cpo', '--config', path]);
    assert.equal(outcome.code, 2);
    assert.match(outcome.stderr, /is not valid YAML/);
  });

  it('warns about an OCPI_CONFORMANCE_ variable that is no setting, suggesting the one meant, and runs on', async () => {
    const outcome = await runMain(['run', '--embedded', 'cpo', '--only', 'VER-01', '--quiet'], { env: { OCPI_CONFORMANCE_CONCURENCY: '2' } });
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.match(outcome.stderr, /^ocpi-conformance: warning: OCPI_CONFORMANCE_CONCURENCY is not a setting of ocpi-conformance and is ignored; did you mean OCPI_CONFORMANCE_CONCURRENCY\?$/m);
  });
});
