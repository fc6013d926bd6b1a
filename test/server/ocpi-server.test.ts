import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Network } from '../../src/transport/network.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { Secret } from '../../src/config/secret.js';
import { envelope } from '../../src/server/envelope.js';
import { OcpiServer, type OcpiServerOptions, type ServerRequest } from '../../src/server/ocpi-server.js';
import type { Exchange } from '../../src/model/exchange.js';
import { Redactor } from '../../src/transport/redactor.js';
import { deepJson, httpRequest, rawRequest } from '../helpers/raw-request.js';

describe('the OCPI server facing callers that misbehave', function () {
  this.timeout(20_000);
  let server: OcpiServer;
  let recorded: Array<{ exchange: Exchange; request: ServerRequest }>;
  let seen: ServerRequest[];

  const start = async (options: Partial<OcpiServerOptions> = {}): Promise<string> => {
    const redactor = new Redactor();
    redactor.add(new Secret('secret-token-value'));
    let n = 0;
    server = new OcpiServer({ host: '127.0.0.1', port: 0, redactor, nextExchangeId: () => `x${++n}`, onExchange: (exchange, request) => recorded.push({ exchange, request }), ...options });
    server.route('POST', '/ocpi/echo', (request) => {
      seen.push(request);
      return { status: 200, body: envelope({ json: request.json }) };
    });
    server.route('GET', '/ocpi/:id', (request) => ({ status: 200, body: envelope({ id: request.params['id'] }) }));
    server.route('GET', '/ocpi/boom/now', () => {
      throw new Error('handler defect');
    });
    return server.listen();
  };
  const only = (): Exchange => {
    assert.equal(recorded.length, 1, 'one exchange recorded');
    return (recorded[0] as { exchange: Exchange }).exchange;
  };
  beforeEach(() => {
    recorded = [];
    seen = [];
  });
  afterEach(() => server.close());

  for (const path of ['/%', '/ocpi/%E0%A4%A', '/ocpi/%zz']) {
    it(`answers the path ${path}, whose percent-encoding is malformed, with HTTP 400 and status_code 2001, and records it`, async () => {
      const base = await start();
      const answer = await rawRequest(base, httpRequest('GET', path));
      assert.equal(answer.status, 400);
      assert.equal((JSON.parse(answer.body) as { status_code: number }).status_code, 2001);
      const exchange = only();
      assert.equal(exchange.request.url, `${base}${path}`);
      assert.equal(exchange.response?.status, 400);
      assert.match(exchange.request.note ?? '', /malformed percent-encoding/);
    });
  }

  it('refuses a request target that is not a path (one that would read as another host) with HTTP 400, recording a URL that parses', async () => {
    const base = await start();
    const answer = await rawRequest(base, httpRequest('GET', '//elsewhere.example/ocpi/1'));
    assert.equal(answer.status, 400);
    const exchange = only();
    assert.equal(new URL(exchange.request.url).origin, base);
    assert.match(exchange.request.note ?? '', /is not a path/);
  });

  it('still decodes and routes a well-formed percent-encoded segment', async () => {
    const base = await start();
    const answer = await rawRequest(base, httpRequest('GET', '/ocpi/LOC%201'));
    assert.equal(answer.status, 200);
    assert.equal((JSON.parse(answer.body) as { data: { id: string } }).data.id, 'LOC 1');
  });

  it('keeps a JSON body nested 100,000 deep as text with a note, and the handler sees it as not JSON', async () => {
    const base = await start();
    const answer = await rawRequest(base, httpRequest('POST', '/ocpi/echo', { headers: { 'content-type': 'application/json' }, body: deepJson(100_000) }));
    assert.equal(answer.status, 200);
    assert.equal(seen[0]?.json, false);
    const exchange = only();
    assert.equal(exchange.request.body, undefined);
    assert.equal(exchange.request.rawBody?.length, 200_000);
    assert.match(exchange.request.note ?? '', /nests deeper than 128 levels/);
    assert.doesNotThrow(() => JSON.stringify(recorded));
  });

  it('answers a body that is not valid UTF-8 with HTTP 400 and status_code 2001, recording it with replacement characters', async () => {
    const base = await start();
    const body = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const answer = await rawRequest(base, httpRequest('POST', '/ocpi/echo', { headers: { 'content-type': 'application/json' }, body }));
    assert.equal(answer.status, 400);
    assert.equal((JSON.parse(answer.body) as { status_code: number }).status_code, 2001);
    assert.equal(seen.length, 0, 'the handler never saw it');
    assert.match(only().request.note ?? '', /not valid UTF-8/);
  });

  it('routes a JSON body sent with another content type, and records it as sent', async () => {
    const base = await start();
    const answer = await rawRequest(base, httpRequest('POST', '/ocpi/echo', { headers: { 'content-type': 'text/plain' }, body: '{"a":1}' }));
    assert.equal(answer.status, 200);
    assert.deepEqual(only().request.body, { a: 1 });
    assert.equal(only().request.headers['content-type'], 'text/plain');
  });

  it('answers a body past the size limit with HTTP 413 and records a note instead of the body', async () => {
    const base = await start({ maxRequestBytes: 1000 });
    const answer = await rawRequest(base, httpRequest('POST', '/ocpi/echo', { body: 'a'.repeat(50_000) }));
    assert.equal(answer.status, 413);
    const exchange = only();
    assert.equal(exchange.request.rawBody, undefined);
    assert.match(exchange.request.note ?? '', /passed 1000 bytes; answered 413/);
  });

  it('answers a handler that throws with HTTP 500 and keeps serving', async () => {
    const base = await start();
    assert.equal((await rawRequest(base, httpRequest('GET', '/ocpi/boom/now'))).status, 500);
    assert.equal((await rawRequest(base, httpRequest('GET', '/ocpi/1'))).status, 200);
  });

  it('records a request whose caller hangs up before its body ended, without an answer', async () => {
    const base = await start();
    const head = 'POST /ocpi/echo HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 1000\r\n\r\n{"partial":';
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(base).port) });
    await new Promise<void>((resolve) => socket.write(head, () => resolve()));
    await waitUntil(() => false, 100).catch(() => undefined);
    socket.destroy();
    await waitUntil(() => recorded.length === 1, 5000);
    assert.equal(only().error?.code, 'ECLIENTABORT');
    assert.equal(only().response, undefined);
  });

  it('answers unreadable HTTP with HTTP 400 and an OCPI envelope, and records it', async () => {
    const base = await start();
    const answer = await rawRequest(base, 'NOT AN HTTP REQUEST\r\n\r\n');
    assert.equal(answer.status, 400);
    assert.equal((JSON.parse(answer.body) as { status_code: number }).status_code, 2000);
    assert.match(only().request.note ?? '', /not readable HTTP/);
  });

  it('cuts off a caller that sends its headers too slowly with HTTP 408, and records it', async () => {
    const base = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const started = Date.now();
    const answer = await rawRequest(base, 'GET /ocpi/1 HTTP/1.1\r\nhost: 127.0.0.1\r\n', { timeoutMs: 5000 });
    assert.equal(answer.status, 408);
    assert.ok(Date.now() - started < 4000, 'cut off within the checking interval');
    assert.match(only().request.note ?? '', /did not arrive in time/);
  });

  it('answers HTTP 503 once the bodies held at once pass the in-flight budget, and serves again after', async () => {
    const base = await start({ maxInFlightBytes: 10_000 });
    const port = Number(new URL(base).port);
    // A caller that sends half of a large body and waits holds its bytes.
    const holder = connect({ host: '127.0.0.1', port });
    holder.on('error', () => undefined);
    holder.write(`POST /ocpi/echo HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 20000\r\n\r\n${'a'.repeat(9000)}`);
    await waitUntil(() => false, 200).catch(() => undefined);
    const answer = await rawRequest(base, httpRequest('POST', '/ocpi/echo', { body: 'b'.repeat(5000) }));
    assert.equal(answer.status, 503);
    holder.destroy();
    await waitUntil(() => recorded.length === 2, 5000);
    assert.equal((await rawRequest(base, httpRequest('POST', '/ocpi/echo', { body: '{"c":1}' }))).status, 200);
  });

  it('keeps only the first 4 KB of a body once the record budget is spent, with a note, and small bodies whole', async () => {
    const base = await start({ maxRecordedBytes: 150_000 });
    const body = JSON.stringify({ data: 'x'.repeat(100_000) });
    for (let i = 0; i < 2; i += 1) assert.equal((await rawRequest(base, httpRequest('POST', '/ocpi/echo', { body }))).status, 200);
    assert.equal((await rawRequest(base, httpRequest('POST', '/ocpi/echo', { body: '{"small":true}' }))).status, 200);
    const [first, second, third] = recorded.map((r) => r.exchange);
    assert.ok(first?.request.body !== undefined, 'the first is kept whole');
    assert.equal(second?.request.rawBody?.length, 4 * 1024);
    assert.match(second?.request.note ?? '', /record of inbound traffic is full/);
    assert.deepEqual(third?.request.body, { small: true });
    assert.equal(third?.request.note, undefined);
  });

  it('never records a token, whatever the request looks like', async () => {
    const base = await start();
    await rawRequest(base, httpRequest('POST', '/ocpi/%ZZsecret-token-value', { headers: { authorization: 'Token secret-token-value' }, body: '{"token":"secret-token-value","deep":"secret-token-value"}' }));
    await rawRequest(base, httpRequest('POST', '/ocpi/echo', { headers: { authorization: 'Token secret-token-value' }, body: `${deepJson(1000)}secret-token-value` }));
    assert.equal(recorded.length, 2);
    assert.doesNotMatch(JSON.stringify(recorded.map((r) => r.exchange)), /secret-token-value/);
  });
});

/** Resolves once `condition` holds, rejecting after `timeoutMs`. */
async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the OCPI server with a certificate', () => {
  it('serves HTTPS, and its base URL says so', async () => {
    const tls = fileURLToPath(new URL('../../../test/fixtures/tls/', import.meta.url));
    const server = new OcpiServer({ host: '127.0.0.1', port: 0, redactor: new Redactor(), nextExchangeId: () => 'x1', tls: { cert: readFileSync(`${tls}server.pem`, 'utf8'), key: readFileSync(`${tls}server.key`, 'utf8') } });
    server.route('GET', '/ocpi/versions', () => ({ status: 200, body: envelope([], 1000) }));
    const baseUrl = await server.listen();
    try {
      assert.match(baseUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
      const client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 10_000, tokenEncoding: 'base64', redactor: new Redactor(), nextExchangeId: () => 'y1', userAgent: 'test', network: new Network({ ca: readFileSync(`${tls}ca.pem`, 'utf8') }) });
      const response = await client.send({ method: 'GET', url: `${baseUrl}/ocpi/versions`, token: null });
      assert.equal(response.status, 200);
    } finally {
      await server.close();
    }
  });
});
