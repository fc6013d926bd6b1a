import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';
import { TransportError } from '../../src/transport/transport-error.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('the OCPI client', () => {
  let server: TestServer;
  let client: OcpiClient;
  const seen: Array<Record<string, string | string[] | undefined>> = [];
  beforeEach(async () => {
    server = await startTestServer();
    seen.length = 0;
    let n = 0;
    client = new OcpiClient({ timeoutMs: 300, maxResponseBytes: 1000, tokenEncoding: 'base64', redactor: new Redactor(), nextExchangeId: () => `x${++n}`, userAgent: 'test' });
  });
  afterEach(() => server.close());

  it('sends the Base64 token and a fresh X-Request-ID and X-Correlation-ID with each request', async () => {
    server.handler = (req, res) => {
      seen.push(req.headers);
      res.end('{}');
    };
    await client.send({ method: 'GET', url: server.url, token: new Secret('abc-token') });
    await client.send({ method: 'GET', url: server.url, token: new Secret('abc-token') });
    assert.equal(seen[0]?.['authorization'], `Token ${Buffer.from('abc-token').toString('base64')}`);
    assert.notEqual(seen[0]?.['x-request-id'], seen[1]?.['x-request-id']);
    assert.notEqual(seen[0]?.['x-correlation-id'], seen[1]?.['x-correlation-id']);
  });

  it('returns HTTP error statuses as evidence instead of throwing', async () => {
    server.handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"status_code":3000,"timestamp":"2026-01-01T00:00:00Z"}');
    };
    const response = await client.send({ method: 'GET', url: server.url, token: null });
    assert.equal(response.status, 500);
    assert.equal(response.exchange.response?.status, 500);
    assert.equal(response.exchange.request.headers['authorization'], undefined);
  });

  it('records a body that is not JSON verbatim', async () => {
    server.handler = (_req, res) => res.end('<html>hi</html>');
    const response = await client.send({ method: 'GET', url: server.url, token: null });
    assert.equal(response.json, false);
    assert.equal(response.exchange.response?.rawBody, '<html>hi</html>');
  });

  it('records exchanges with every token redacted, in headers and bodies', async () => {
    server.handler = (_req, res) => res.end('{"data":{"token":"issued-by-target"}}');
    const response = await client.send({ method: 'POST', url: server.url, token: new Secret('our-secret-token'), body: { token: 'our-secret-token', url: 'u' } });
    const recorded = JSON.stringify(response.exchange);
    assert.doesNotMatch(recorded, /our-secret-token|issued-by-target|b3VyLXNlY3JldC10b2tlbg/);
    assert.deepEqual((response.body as { data: { token: string } }).data.token, 'issued-by-target');
    assert.ok(Object.isFrozen(response.exchange.response?.body));
  });

  it('ends a request that gets no answer in time with a TransportError carrying the exchange', async () => {
    server.handler = () => undefined;
    await assert.rejects(client.send({ method: 'GET', url: server.url, token: null }), (error: unknown) => {
      assert.ok(error instanceof TransportError);
      assert.equal(error.code, 'ETIMEDOUT');
      assert.match(error.message, /no response within 300 ms/);
      assert.equal(error.exchange.error?.code, 'ETIMEDOUT');
      return true;
    });
  });

  it('refuses a response body over the size limit', async () => {
    server.handler = (_req, res) => res.end(JSON.stringify({ data: 'x'.repeat(5000) }));
    await assert.rejects(client.send({ method: 'GET', url: server.url, token: null }), /larger than 1000 bytes/);
  });

  it('explains a refused connection', async () => {
    await assert.rejects(client.send({ method: 'GET', url: 'http://127.0.0.1:9/versions', token: null }), /connection refused/);
  });
});
