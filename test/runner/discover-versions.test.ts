import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { startReferenceParty, type ReferenceParty } from '../../src/parties/reference-party.js';
import { readVersionsList, versionsProblem, type DiscoverOptions } from '../../src/runner/discover-versions.js';
import { startTestServer } from '../helpers/test-server.js';

const options = (versionsUrl: string, token: Secret): DiscoverOptions => ({ versionsUrl, token, rawToken: false, timeoutMs: 2000, maxResponseBytes: 100_000, allowOrigins: [], signal: new AbortController().signal });

describe('reading the target\'s versions list before a run', () => {
  let parties: ReferenceParty[] = [];
  afterEach(async () => {
    await Promise.all(parties.map((party) => party.stop()));
    parties = [];
  });

  it('reads the versions with the token Base64-encoded, as 2.2 and later take it.', async () => {
    const party = await startReferenceParty({ role: 'cpo', versions: ['2.2.1', '2.3.0'] });
    parties.push(party);
    assert.deepEqual(await readVersionsList(options(party.versionsUrl, party.tokenA)), { kind: 'listed', versions: ['2.2.1', '2.3.0'], encoding: 'base64' });
  });

  it('tries the token as it is when a 2.1.1 party refuses the Base64 form.', async () => {
    const server = await startTestServer();
    server.handler = (req, res) => {
      const raw = req.headers['authorization'] === 'Token raw-token-123';
      res.writeHead(raw ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(raw ? { data: [{ version: '2.1.1', url: `${server.url}/2.1.1` }], status_code: 1000, timestamp: '2026-12-04T00:00:00Z' } : { status_code: 2002, timestamp: '2026-12-04T00:00:00Z' }));
    };
    try {
      assert.deepEqual(await readVersionsList(options(`${server.url}/versions`, new Secret('raw-token-123'))), { kind: 'listed', versions: ['2.1.1'], encoding: 'raw' });
    } finally {
      await server.close();
    }
  });

  it('says a refused token, a page that is no versions list and an unreachable target each in the user\'s words.', async () => {
    const party = await startReferenceParty({ role: 'cpo' });
    parties.push(party);
    const refused = await readVersionsList(options(party.versionsUrl, new Secret('not-the-token-123')));
    assert.deepEqual(refused, { kind: 'refused', status: 401 });
    assert.match(versionsProblem(refused) ?? '', /^the target refused the token \(HTTP 401\) Base64-encoded and as it is: check --token/);
    const page = await startTestServer();
    page.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html></html>');
    };
    try {
      const html = await readVersionsList(options(`${page.url}/versions`, new Secret('some-token-123')));
      assert.match(versionsProblem(html) ?? '', /^the versions URL answered HTTP 200 \(text\/html\) without an OCPI versions list: is --versions-url the target's OCPI versions endpoint\?$/);
    } finally {
      await page.close();
    }
    const gone = await readVersionsList(options('http://127.0.0.1:9/versions', new Secret('some-token-123')));
    assert.match(versionsProblem(gone) ?? '', /connection refused \(is the target running, and is the URL right\?\)/);
  });
});
