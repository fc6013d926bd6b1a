import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkJsonBody } from '../../src/checks/envelope.js';
import { REDACTED, Secret } from '../../src/config/secret.js';
import { MAX_REDIRECTS, OcpiClient, retryAfterMs } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';
import { OriginPolicy } from '../../src/transport/origin-policy.js';
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

  it('sends the token raw on a request that asks for it, and redacts it in the record', async () => {
    server.handler = (req, res) => {
      seen.push(req.headers);
      res.end('{}');
    };
    const response = await client.send({ method: 'GET', url: server.url, token: new Secret('raw-secret-token'), tokenEncoding: 'raw' });
    assert.equal(seen[0]?.['authorization'], 'Token raw-secret-token');
    assert.doesNotMatch(JSON.stringify(response.exchange), /raw-secret-token/);
  });

  it('sends no request ids and drops the routing headers a caller gives when it speaks 2.1.1, which has none of them', async () => {
    server.handler = (req, res) => {
      seen.push(req.headers);
      res.end('{}');
    };
    const speaking211 = new OcpiClient({ timeoutMs: 300, maxResponseBytes: 1000, tokenEncoding: 'raw', redactor: new Redactor(), nextExchangeId: () => 'y1', userAgent: 'test', ocpiHeaders: false });
    const routing = { 'OCPI-from-country-code': 'ZZ', 'ocpi-from-party-id': 'OCT', 'ocpi-to-country-code': 'NL', 'ocpi-to-party-id': 'ABC', 'x-custom': 'kept' };
    const response = await speaking211.send({ method: 'GET', url: server.url, token: new Secret('raw-secret-token'), headers: routing });
    assert.deepEqual(Object.keys(seen[0] ?? {}).filter((name) => /^(x-|ocpi-)/.test(name)), ['x-custom']);
    assert.deepEqual(Object.keys(response.exchange.request.headers).filter((name) => /^(x-|ocpi-)/.test(name)), ['x-custom']);
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

  it('keeps a response nested 100,000 deep as text with a note, which the JSON check reports, and every report can render', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const roomy = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 1_000_000, tokenEncoding: 'base64', redactor: new Redactor(), nextExchangeId: () => 'x1', userAgent: 'test' });
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(deep);
    };
    const response = await roomy.send({ method: 'GET', url: server.url, token: null });
    assert.equal(response.json, false);
    assert.equal(response.exchange.response?.rawBody?.length, 200_000);
    assert.match(response.exchange.response?.note ?? '', /nests deeper than 128 levels/);
    const finding = checkJsonBody(response.exchange);
    assert.equal(finding.status, 'fail');
    assert.match(finding.message, /nests deeper than 128 levels/);
    assert.doesNotThrow(() => JSON.stringify(response.exchange));
  });

  it('records exchanges with every token redacted, in headers and bodies', async () => {
    server.handler = (_req, res) => res.end('{"data":{"token":"issued-by-target"}}');
    const response = await client.send({ method: 'POST', url: server.url, token: new Secret('our-secret-token'), body: { token: 'our-secret-token', url: 'u' } });
    const recorded = JSON.stringify(response.exchange);
    assert.doesNotMatch(recorded, /our-secret-token|issued-by-target|b3VyLXNlY3JldC10b2tlbg/);
    assert.deepEqual((response.body as { data: { token: string } }).data.token, 'issued-by-target');
    assert.ok(Object.isFrozen(response.exchange.response?.body));
  });

  it('records a JSON body redacted and frozen from the text as received, whatever the caller does with its own parsed body', async () => {
    const redactor = new Redactor();
    const recording = new OcpiClient({ timeoutMs: 300, maxResponseBytes: 1000, tokenEncoding: 'base64', redactor, nextExchangeId: () => 'x1', userAgent: 'test' });
    server.handler = (_req, res) => res.end('{"data":{"note":"later-known-token-123","list":[1,2]}}');
    const response = await recording.send({ method: 'GET', url: server.url, token: null });
    (response.body as { data: { list: number[] } }).data.list.push(3);
    // A token the run learns after the response came is still redacted from the record: it is made when first read.
    redactor.add(new Secret('later-known-token-123'));
    const body = response.exchange.response?.body as { data: { note: string; list: number[] } };
    assert.deepEqual(body, { data: { note: REDACTED, list: [1, 2] } });
    assert.ok(Object.isFrozen(body.data.list));
    assert.equal(response.exchange.response?.body, body);
    assert.doesNotMatch(JSON.stringify(response.exchange), /later-known-token-123/);
    assert.doesNotMatch(JSON.stringify({ ...response.exchange.response }), /later-known-token-123/);
  });

  it('ends a request that gets no answer in time with a TransportError carrying the exchange', async () => {
    server.handler = () => undefined;
    await assert.rejects(client.send({ method: 'GET', url: server.url, token: null }), (error: unknown) => {
      assert.ok(error instanceof TransportError);
      assert.equal(error.code, 'ETIMEDOUT');
      assert.match(error.message, /no complete response within 300 ms/);
      assert.equal(error.exchange.error?.code, 'ETIMEDOUT');
      return true;
    });
  });

  it('refuses a response body over the size limit', async () => {
    server.handler = (_req, res) => res.end(JSON.stringify({ data: 'x'.repeat(5000) }));
    await assert.rejects(client.send({ method: 'GET', url: server.url, token: null }), /larger than 1000 bytes/);
  });

  it('refuses a declared Content-Length over the size limit before reading the body', async () => {
    let written = 0;
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '5000000' });
      // Written slowly: a client that waited for the body would run into the timeout instead.
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : (written += 100, res.write('x'.repeat(100)))), 50);
    };
    await assert.rejects(client.send({ method: 'GET', url: server.url, token: null }), (error: unknown) => {
      assert.ok(error instanceof TransportError);
      assert.equal(error.code, 'ERESPONSETOOLARGE');
      assert.match(error.message, /larger than 1000 bytes \(the limit is set with --max-response-size\)/);
      return true;
    });
    assert.ok(written < 1000, String(written));
  });

  it('ends a body that drips in too slowly at the request timeout, not at its last byte', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 100);
    };
    const started = performance.now();
    await assert.rejects(client.send({ method: 'GET', url: server.url, token: null }), /no complete response within 300 ms/);
    assert.ok(performance.now() - started < 2000);
  });

  it('records a 101 Switching Protocols it never asked for as the response, and closes the socket', async () => {
    const { createServer } = await import('node:net');
    let closed = false;
    const raw = createServer((socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'));
      socket.on('close', () => (closed = true));
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const port = (raw.address() as { port: number }).port;
      const response = await client.send({ method: 'GET', url: `http://127.0.0.1:${port}/versions`, token: null });
      assert.equal(response.status, 101);
      assert.equal(response.exchange.response?.headers['upgrade'], 'websocket');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(closed, 'the upgraded socket is closed');
    } finally {
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  it('says a body does not decode as its Content-Encoding claims', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end('plainly not gzip');
    };
    await assert.rejects(client.send({ method: 'GET', url: server.url, token: null }), /the body does not decode as its Content-Encoding says/);
  });

  it('says the target closed the connection when it resets it mid-body', async () => {
    server.handler = (req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"data":');
      setTimeout(() => req.socket.destroy(), 20);
    };
    await assert.rejects(client.send({ method: 'GET', url: server.url, token: null }), /the target closed the connection before a complete response/);
  });

  it('sends nothing to an origin its policy does not allow, and records why with the token redacted', async () => {
    let reached = false;
    server.handler = (_req, res) => {
      reached = true;
      res.end('{}');
    };
    const held = new OcpiClient({ timeoutMs: 300, maxResponseBytes: 1000, tokenEncoding: 'base64', redactor: new Redactor(), nextExchangeId: () => 'x', userAgent: 'test', origins: new OriginPolicy(['http://127.0.0.1:1/versions']) });
    await assert.rejects(held.send({ method: 'GET', url: `${server.url}/ocpi/2.2.1`, token: new Secret('policy-secret-token') }), (error: unknown) => {
      assert.ok(error instanceof TransportError);
      assert.equal(error.code, 'EORIGIN');
      assert.match(error.message, /not sent: http:\/\/127\.0\.0\.1:\d+ is not the origin of the versions URL nor one allowed with --allow-origin/);
      assert.equal(error.exchange.request.headers['authorization'], 'Token [redacted]');
      return true;
    });
    assert.equal(reached, false);
    held.origins?.allow(server.url);
    assert.equal((await held.send({ method: 'GET', url: `${server.url}/ocpi/2.2.1`, token: null })).status, 200);
  });

  it('explains a refused connection', async () => {
    await assert.rejects(client.send({ method: 'GET', url: 'http://127.0.0.1:9/versions', token: null }), /connection refused/);
  });

  describe('redirects', () => {
    const token = new Secret('redirect-secret-token');
    const redirect = (status: number, location: string) => (_req: IncomingMessage, res: ServerResponse): void => {
      res.writeHead(status, { location });
      res.end();
    };

    it('follows a 307 on the same origin with the same method, body, Authorization and X-Correlation-ID', async () => {
      const received: Array<{ method?: string; url?: string; body: string; authorization?: string; requestId?: string; correlationId?: string }> = [];
      server.handler = (req, res, body) => {
        received.push({ method: req.method, url: req.url, body, authorization: req.headers['authorization'], requestId: req.headers['x-request-id'] as string, correlationId: req.headers['x-correlation-id'] as string });
        if (req.url === '/tokens') redirect(307, '/tokens/')(req, res);
        else res.end('{"status_code":1000}');
      };
      const response = await client.send({ method: 'PUT', url: `${server.url}/tokens`, token, body: { uid: 'T1' } });
      assert.equal(response.status, 200);
      assert.deepEqual(received.map((r) => [r.method, r.url, r.body]), [['PUT', '/tokens', '{"uid":"T1"}'], ['PUT', '/tokens/', '{"uid":"T1"}']]);
      assert.equal(received[1]?.authorization, received[0]?.authorization);
      assert.equal(received[1]?.authorization, `Token ${Buffer.from('redirect-secret-token').toString('base64')}`);
      assert.equal(received[1]?.correlationId, received[0]?.correlationId);
      assert.equal(response.correlationId, received[0]?.correlationId);
      assert.equal(response.requestId, received[1]?.requestId);
      assert.equal(response.redirects.length, 1);
      assert.equal(response.redirects[0]?.response?.status, 307);
      assert.deepEqual(response.redirects[0]?.request.body, { uid: 'T1' });
      assert.equal(response.exchange.request.url, `${server.url}/tokens/`);
      assert.equal(response.redirectRefused, undefined);
    });

    it('records each hop of a two-hop 308 chain as its own exchange, in order', async () => {
      server.handler = (req, res) => {
        if (req.url === '/a') redirect(308, `${server.url}/b`)(req, res);
        else if (req.url === '/b') redirect(308, 'c')(req, res);
        else res.end('{}');
      };
      const response = await client.send({ method: 'GET', url: `${server.url}/a`, token });
      const all = [...response.redirects, response.exchange];
      assert.equal(all.length, 3);
      assert.deepEqual(all.map((e) => e.id), ['x1', 'x2', 'x3']);
      assert.deepEqual(all.map((e) => e.request.url), [`${server.url}/a`, `${server.url}/b`, `${server.url}/c`]);
      assert.deepEqual(all.map((e) => e.response?.status), [308, 308, 200]);
      assert.ok(Object.isFrozen(response.redirects));
    });

    it('stops a redirect loop after five follows and returns the sixth redirect as the response', async () => {
      let requests = 0;
      server.handler = (req, res) => {
        requests += 1;
        redirect(307, req.url ?? '/')(req, res);
      };
      const response = await client.send({ method: 'GET', url: `${server.url}/loop`, token: null });
      assert.equal(MAX_REDIRECTS, 5);
      assert.equal(requests, 6);
      assert.equal(response.status, 307);
      assert.equal(response.redirects.length, 5);
      assert.equal(response.exchange.id, 'x6');
      assert.equal(response.redirectRefused, undefined);
    });

    it('does not follow a 307 to another origin, and says where it pointed', async () => {
      const other = await startTestServer();
      try {
        let reached = 0;
        other.handler = (_req, res) => {
          reached += 1;
          res.end('{}');
        };
        server.handler = redirect(307, `${other.url}/locations/?token=redirect-secret-token`);
        const response = await client.send({ method: 'GET', url: `${server.url}/locations`, token });
        assert.equal(reached, 0);
        assert.equal(response.status, 307);
        assert.deepEqual(response.redirects, []);
        assert.deepEqual(response.redirectRefused, { location: `${other.url}/locations/?token=${REDACTED}` });
        assert.doesNotMatch(JSON.stringify(response.exchange), /redirect-secret-token/);
      } finally {
        await other.close();
      }
    });

    it('does not follow a 307 from http to https on the same host and port, another origin', async () => {
      server.handler = redirect(307, server.url.replace('http:', 'https:'));
      const response = await client.send({ method: 'GET', url: server.url, token });
      assert.equal(response.status, 307);
      assert.ok(response.redirectRefused);
    });

    for (const status of [301, 302, 303]) {
      it(`returns a ${status} as it is, without following it`, async () => {
        let requests = 0;
        server.handler = (req, res) => {
          requests += 1;
          if (req.url === '/from') redirect(status, '/to')(req, res);
          else res.end('{}');
        };
        const response = await client.send({ method: 'POST', url: `${server.url}/from`, token, body: {} });
        assert.equal(requests, 1);
        assert.equal(response.status, status);
        assert.equal(response.exchange.response?.headers['location'], '/to');
        assert.deepEqual(response.redirects, []);
        assert.equal(response.redirectRefused, undefined);
      });
    }

    it('returns a 307 without a Location header as it is', async () => {
      server.handler = (_req, res) => {
        res.writeHead(307);
        res.end();
      };
      const response = await client.send({ method: 'GET', url: server.url, token: null });
      assert.equal(response.status, 307);
      assert.deepEqual(response.redirects, []);
    });

    it('keeps the token out of every recorded hop, in headers, URLs and bodies', async () => {
      server.handler = (req, res) => {
        if (req.url === '/one') redirect(307, '/two?t=redirect-secret-token')(req, res);
        else res.end('{"data":{"token":"redirect-secret-token"}}');
      };
      const response = await client.send({ method: 'POST', url: `${server.url}/one`, token, body: { token: 'redirect-secret-token' } });
      assert.equal(response.redirects.length, 1);
      const recorded = JSON.stringify([...response.redirects, response.exchange]);
      assert.doesNotMatch(recorded, /redirect-secret-token|cmVkaXJlY3Qtc2VjcmV0LXRva2Vu/);
    });

    it('ends with a TransportError carrying the failing hop and the redirects before it when a followed redirect gets no answer', async () => {
      server.handler = (req, res) => {
        if (req.url === '/start') redirect(307, '/silent')(req, res);
      };
      await assert.rejects(client.send({ method: 'GET', url: `${server.url}/start`, token: null }), (error: unknown) => {
        assert.ok(error instanceof TransportError);
        assert.equal(error.code, 'ETIMEDOUT');
        assert.equal(error.exchange.request.url, `${server.url}/silent`);
        assert.deepEqual(error.redirects.map((hop) => [hop.request.url, hop.response?.status]), [[`${server.url}/start`, 307]]);
        return true;
      });
    });
  });

  describe('when the target answers 429 Too Many Requests', () => {
    it('waits out the Retry-After and tries again, keeping the 429 as a recorded exchange', async () => {
      const ids: string[] = [];
      server.handler = (req, res) => {
        ids.push(String(req.headers['x-request-id']));
        if (ids.length === 1) {
          res.writeHead(429, { 'retry-after': '0' });
          res.end();
        } else res.end('{}');
      };
      const response = await client.send({ method: 'GET', url: server.url, token: null });
      assert.equal(response.status, 200);
      assert.equal(response.throttled?.length, 1);
      assert.equal(response.throttled?.[0]?.response?.status, 429);
      assert.notEqual(ids[0], ids[1]);
    });

    it('gives up after three retries and answers with the last 429', async () => {
      let calls = 0;
      server.handler = (_req, res) => {
        calls += 1;
        res.writeHead(429, { 'retry-after': '0' });
        res.end();
      };
      const response = await client.send({ method: 'GET', url: server.url, token: null });
      assert.equal(response.status, 429);
      assert.equal(calls, 4);
      assert.equal(response.throttled?.length, 3);
    });

    it('does not wait when the Retry-After asks for more than 30 seconds', async () => {
      let calls = 0;
      server.handler = (_req, res) => {
        calls += 1;
        res.writeHead(429, { 'retry-after': '120' });
        res.end();
      };
      const response = await client.send({ method: 'GET', url: server.url, token: null });
      assert.equal(response.status, 429);
      assert.equal(calls, 1);
      assert.deepEqual(response.throttled, []);
    });

    it('stops waiting when the request is aborted, and answers with the 429', async () => {
      server.handler = (_req, res) => {
        res.writeHead(429, { 'retry-after': '20' });
        res.end();
      };
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const response = await client.send({ method: 'GET', url: server.url, token: null }, { signal: controller.signal });
      assert.equal(response.status, 429);
    });
  });

  describe('retryAfterMs', () => {
    it('reads delta-seconds and HTTP dates, and backs off 1, 2, 4 seconds without a header', () => {
      const now = Date.parse('2026-12-04T12:00:00Z');
      assert.equal(retryAfterMs('5', 0, now), 5000);
      assert.equal(retryAfterMs('Fri, 04 Dec 2026 12:00:10 GMT', 0, now), 10_000);
      assert.equal(retryAfterMs('Fri, 04 Dec 2026 11:00:00 GMT', 0, now), 0);
      assert.deepEqual([0, 1, 2].map((n) => retryAfterMs(undefined, n, now)), [1000, 2000, 4000]);
    });

    it('refuses a wait over 30 seconds and an unreadable value', () => {
      assert.equal(retryAfterMs('31', 0), undefined);
      assert.equal(retryAfterMs('soon', 0), undefined);
    });
  });
});
