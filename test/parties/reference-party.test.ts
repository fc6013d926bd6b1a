import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { startReferenceParty, type ReferenceParty } from '../../src/parties/reference-party.js';
import { OcpiClient, type OcpiResponse } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';
import { TransportError } from '../../src/transport/transport-error.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** A minimal registering party: serves versions and details for 2.2.1, accepting one token. */
async function startPartner(accepted: () => string | undefined): Promise<TestServer> {
  const server = await startTestServer();
  server.handler = (req, res) => {
    const token = Buffer.from(String(req.headers['authorization'] ?? '').replace(/^Token /, ''), 'base64').toString();
    if (token !== accepted()) {
      res.writeHead(401);
      res.end();
      return;
    }
    const data = req.url === '/versions' ? [{ version: '2.2.1', url: `${server.url}/2.2.1` }] : { version: '2.2.1', endpoints: [{ identifier: 'credentials', role: 'SENDER', url: `${server.url}/2.2.1/credentials` }] };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data, status_code: 1000, timestamp: '2026-01-01T00:00:00Z' }));
  };
  return server;
}

describe('the reference party', () => {
  let party: ReferenceParty;
  let partner: TestServer;
  let tokenB = 'token-b-of-partner';
  const client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 100_000, tokenEncoding: 'base64', redactor: new Redactor(), nextExchangeId: () => 'x', userAgent: 'test' });
  const credentialsUrl = (): string => party.versionsUrl.replace(/versions$/, '2.2.1/credentials');
  const post = (token: Secret, url = `${partner.url}/versions`): Promise<OcpiResponse> => client.send({ method: 'POST', url: credentialsUrl(), token, body: { token: tokenB, url, roles: [{ role: 'EMSP', party_id: 'TST', country_code: 'NL', business_details: { name: 'test' } }] } });

  beforeEach(async () => {
    tokenB = 'token-b-of-partner';
    partner = await startPartner(() => tokenB);
    party = await startReferenceParty({ role: 'cpo', tokenA: new Secret('the-token-a') });
  });
  afterEach(async () => {
    await party.stop();
    await partner.close();
  });

  it('registers a partner: A, then B for the GETs back, then a new C', async () => {
    const response = await post(party.tokenA);
    const data = (response.body as { status_code: number; data: { token: string } });
    assert.equal(data.status_code, 1000);
    assert.notEqual(data.data.token, 'the-token-a');
    const again = await client.send({ method: 'GET', url: credentialsUrl(), token: new Secret(data.data.token) });
    assert.equal(again.status, 200);
  });

  it('answers 3001 when the GETs back fail, and stays unregistered', async () => {
    const response = await post(party.tokenA, `${partner.url}/nowhere`);
    assert.equal((response.body as { status_code: number }).status_code, 3001);
    assert.equal((await post(party.tokenA)).status, 200);
  });

  it('refuses PUT and DELETE before registration with 405, and a second POST after it', async () => {
    assert.equal((await client.send({ method: 'PUT', url: credentialsUrl(), token: party.tokenA, body: {} })).status, 405);
    assert.equal((await client.send({ method: 'DELETE', url: credentialsUrl(), token: party.tokenA })).status, 405);
    const token = new Secret((((await post(party.tokenA)).body) as { data: { token: string } }).data.token);
    assert.equal((await post(token)).status, 405);
  });

  it('refuses Token A on credentials GET once registered, but not on versions', async () => {
    await post(party.tokenA);
    assert.equal((await client.send({ method: 'GET', url: credentialsUrl(), token: party.tokenA })).status, 401);
    assert.equal((await client.send({ method: 'GET', url: party.versionsUrl, token: party.tokenA })).status, 200);
  });

  it('accepts Token A again after the partner unregisters', async () => {
    const token = new Secret((((await post(party.tokenA)).body) as { data: { token: string } }).data.token);
    assert.equal((await client.send({ method: 'DELETE', url: credentialsUrl(), token })).status, 200);
    assert.equal((await client.send({ method: 'GET', url: credentialsUrl(), token })).status, 401);
    assert.equal((await post(party.tokenA)).status, 200);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await client.send({ method: 'POST', url: credentialsUrl(), token: party.tokenA, rawBody: 'not json' });
    assert.equal(response.status, 400);
  });

  it('refuses to start with a fault it does not know', async () => {
    await assert.rejects(startReferenceParty({ role: 'cpo', faults: ['no-such-fault'] }), /unknown fault "no-such-fault"/);
  });
});

describe('the reference party with a latency', () => {
  const clientWithin = (timeoutMs: number): OcpiClient => new OcpiClient({ timeoutMs, maxResponseBytes: 100_000, tokenEncoding: 'base64', redactor: new Redactor(), nextExchangeId: () => 'x', userAgent: 'test' });

  it('answers every request that much later, as usual otherwise', async () => {
    const party = await startReferenceParty({ role: 'cpo', latencyMs: 20 });
    try {
      assert.equal((await clientWithin(5000).send({ method: 'GET', url: party.versionsUrl, token: party.tokenA })).status, 200);
    } finally {
      await party.stop();
    }
  });

  it('gives no answer before its latency, and lets the requests it holds go unanswered as soon as it stops', async () => {
    const party = await startReferenceParty({ role: 'cpo', latencyMs: 600_000 });
    try {
      const versions = { method: 'GET', url: party.versionsUrl, token: party.tokenA } as const;
      const held = clientWithin(600_000).send(versions);
      await assert.rejects(clientWithin(200).send(versions), (error: unknown) => error instanceof TransportError && error.code === 'ETIMEDOUT');
      await party.stop();
      await assert.rejects(held, (error: unknown) => error instanceof TransportError && error.code !== 'ETIMEDOUT');
    } finally {
      await party.stop();
    }
  });
});
