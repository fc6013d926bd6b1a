import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';
import { startReferenceParty, type ReferenceParty } from '../../src/parties/reference-party.js';
import { casesWith, readReport, reportPath, runCli } from '../helpers/run-cli.js';

describe('a run through the network a real deployment has', function () {
  this.timeout(60_000);
  let party: ReferenceParty;
  let proxy: Server;
  let proxyUrl: string;
  const tunnels: string[] = [];
  const keys: Array<string | undefined> = [];
  before(async () => {
    party = await startReferenceParty({ role: 'cpo', onExchange: (exchange) => keys.push(exchange.request.headers['x-api-key']) });
    proxy = createProxy(createServer());
    proxy.on('connect', (req: { url?: string }) => tunnels.push(req.url ?? ''));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  after(async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await party.stop();
  });

  it('goes through the proxy of HTTP_PROXY, says so, and sends the extra header on every request without reporting its value.', async () => {
    const path = reportPath();
    const key = 'gateway-key-0123456789';
    const outcome = await runCli(['run', '--versions-url', party.versionsUrl, '--token', party.tokenA.reveal(), '--only', 'VER-01,VER-02,CRED-02,LOC-01', '-H', `X-Api-Key: ${key}`, '--report-json', path], { env: { HTTP_PROXY: proxyUrl, NO_PROXY: '' } });
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.deepEqual(casesWith(readReport(path), 'passed').sort(), ['CRED-02', 'LOC-01', 'VER-01', 'VER-02']);
    assert.match(outcome.stderr, new RegExp(`Requests to the target go through the proxy ${proxyUrl.replace(/[.]/g, '\\.')}`));
    assert.ok(tunnels.includes(new URL(party.versionsUrl).host), JSON.stringify(tunnels));
    // Every request the target received carried the header; none of the tester's outputs holds its value.
    assert.ok(keys.length > 5 && keys.every((value) => value === key), JSON.stringify(keys));
    const text = readFileSync(path, 'utf8');
    assert.equal(text.includes(key), false);
    assert.match(text, /"x-api-key": ?"\[redacted\]"/);
    assert.equal((outcome.stdout + outcome.stderr).includes(key), false);
  });

  it('refuses a --cacert file it cannot read with one line and the usage exit code, before sending anything.', async () => {
    const outcome = await runCli(['run', '--versions-url', party.versionsUrl, '--token', 'token-a-1234', '--cacert', '/nonexistent/ca.pem']);
    assert.equal(outcome.code, 2);
    assert.equal(outcome.stderr.trim().split('\n').length, 1, outcome.stderr);
    assert.match(outcome.stderr, /--cacert: cannot read \/nonexistent\/ca\.pem: ENOENT/);
  });
});
