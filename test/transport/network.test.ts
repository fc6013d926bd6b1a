import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { createProxy } from 'proxy';
import { Secret } from '../../src/config/secret.js';
import { Network, type NetworkOptions } from '../../src/transport/network.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';
import { TransportError } from '../../src/transport/transport-error.js';

const TLS = fileURLToPath(new URL('../../../test/fixtures/tls/', import.meta.url));
const pem = (name: string): string => readFileSync(`${TLS}${name}`, 'utf8');

/** Starts a server on a free loopback port and gives its port. */
async function listening(server: Server | HttpsServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function stop(server: Server | HttpsServer): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function clientWith(options: NetworkOptions): { client: OcpiClient; network: Network } {
  const network = new Network(options);
  let n = 0;
  const client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 10_000, tokenEncoding: 'base64', redactor: new Redactor(), nextExchangeId: () => `x${++n}`, userAgent: 'test', network });
  return { client, network };
}

async function failure(send: Promise<unknown>): Promise<TransportError> {
  try {
    await send;
  } catch (error) {
    if (error instanceof TransportError) return error;
    throw error;
  }
  assert.fail('the request was expected to fail');
}

describe('the network a run reaches its target through', () => {
  describe('over TLS with a private authority', () => {
    let server: HttpsServer;
    let url: string;
    const clientNames: Array<string | undefined> = [];
    before(async () => {
      server = createHttpsServer({ cert: pem('server.pem'), key: pem('server.key'), ca: pem('ca.pem'), requestCert: true, rejectUnauthorized: false }, (req, res) => {
        const socket = req.socket as TLSSocket;
        clientNames.push(socket.authorized ? String(socket.getPeerCertificate().subject.CN) : undefined);
        res.end('{"status_code":1000}');
      });
      url = `https://127.0.0.1:${await listening(server)}/ocpi/versions`;
    });
    after(() => stop(server));

    it('refuses a certificate of an authority it was not given, and says to give it with --cacert', async () => {
      const { client } = clientWith({});
      const error = await failure(client.send({ method: 'GET', url, token: new Secret('tls-test-token') }));
      assert.match(error.message, /not trusted.*--cacert/);
    });

    it('trusts the authority given with --cacert', async () => {
      const { client } = clientWith({ ca: pem('ca.pem') });
      const response = await client.send({ method: 'GET', url, token: new Secret('tls-test-token') });
      assert.equal(response.status, 200);
    });

    it('accepts any certificate with --insecure', async () => {
      const { client } = clientWith({ insecure: true });
      const response = await client.send({ method: 'GET', url, token: new Secret('tls-test-token') });
      assert.equal(response.status, 200);
    });

    it('presents the client certificate given with --cert and --key', async () => {
      clientNames.length = 0;
      await clientWith({ ca: pem('ca.pem') }).client.send({ method: 'GET', url, token: null });
      await clientWith({ ca: pem('ca.pem'), cert: pem('client.pem'), key: pem('client.key') }).client.send({ method: 'GET', url, token: null });
      assert.deepEqual(clientNames, [undefined, 'ocpi-conformance test client']);
    });
  });

  it('names a plain-http server behind an https URL as the likely mistake', async () => {
    const plain = createHttpServer((_req, res) => res.end('{}'));
    const port = await listening(plain);
    try {
      const error = await failure(clientWith({}).client.send({ method: 'GET', url: `https://127.0.0.1:${port}/versions`, token: null }));
      assert.match(error.message, /did not answer in TLS: is the URL https:\/\/ while the server speaks plain http\?/);
    } finally {
      await stop(plain);
    }
  });

  describe('through a proxy named by the environment', () => {
    let proxy: Server;
    let proxyUrl: string;
    let target: Server;
    let targetUrl: string;
    const proxied: string[] = [];
    const saved = { HTTPS_PROXY: process.env['HTTPS_PROXY'], https_proxy: process.env['https_proxy'], HTTP_PROXY: process.env['HTTP_PROXY'], NO_PROXY: process.env['NO_PROXY'], http_proxy: process.env['http_proxy'], no_proxy: process.env['no_proxy'] };
    before(async () => {
      proxy = createProxy(createHttpServer());
      // hpagent tunnels through CONNECT, to http targets too: the proxy sees the target's host and port.
      proxy.on('connect', (req: { url?: string }) => proxied.push(req.url ?? ''));
      proxyUrl = `http://127.0.0.1:${await listening(proxy)}`;
      target = createHttpServer((_req, res) => res.end('{"status_code":1000}'));
      targetUrl = `http://127.0.0.1:${await listening(target)}/ocpi/versions`;
      for (const name of ['http_proxy', 'https_proxy', 'no_proxy', 'HTTPS_PROXY']) delete process.env[name];
    });
    afterEach(() => {
      proxied.length = 0;
      delete process.env['HTTP_PROXY'];
      delete process.env['NO_PROXY'];
    });
    after(async () => {
      for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name]; else process.env[name] = value;
      await stop(proxy);
      await stop(target);
    });

    it('sends the request through HTTP_PROXY', async () => {
      process.env['HTTP_PROXY'] = proxyUrl;
      const { client, network } = clientWith({ proxyFromEnv: true });
      const response = await client.send({ method: 'GET', url: targetUrl, token: null });
      network.close();
      assert.equal(response.status, 200);
      assert.deepEqual(proxied, [new URL(targetUrl).host]);
    });

    it('tunnels an https request through HTTPS_PROXY, checking the target\'s certificate end to end', async () => {
      const secure = createHttpsServer({ cert: pem('server.pem'), key: pem('server.key') }, (_req, res) => res.end('{}'));
      const port = await listening(secure);
      process.env['HTTPS_PROXY'] = proxyUrl;
      try {
        const { client, network } = clientWith({ proxyFromEnv: true, ca: pem('ca.pem') });
        assert.equal((await client.send({ method: 'GET', url: `https://127.0.0.1:${port}/`, token: null })).status, 200);
        network.close();
        assert.deepEqual(proxied, [`127.0.0.1:${port}`]);
        const untrusted = await failure(clientWith({ proxyFromEnv: true }).client.send({ method: 'GET', url: `https://127.0.0.1:${port}/`, token: null }));
        assert.match(untrusted.message, /not trusted/);
      } finally {
        delete process.env['HTTPS_PROXY'];
        await stop(secure);
      }
    });

    it('reaches a host NO_PROXY lists directly', async () => {
      process.env['HTTP_PROXY'] = proxyUrl;
      process.env['NO_PROXY'] = '127.0.0.1';
      const { client } = clientWith({ proxyFromEnv: true });
      assert.equal((await client.send({ method: 'GET', url: targetUrl, token: null })).status, 200);
      assert.deepEqual(proxied, []);
    });

    it('ignores the environment when the run does not use it (the embedded party)', async () => {
      process.env['HTTP_PROXY'] = proxyUrl;
      const { client } = clientWith({ proxyFromEnv: false });
      assert.equal((await client.send({ method: 'GET', url: targetUrl, token: null })).status, 200);
      assert.deepEqual(proxied, []);
    });
  });

  it('adds the extra headers to every request and redacts their values from the record', async () => {
    const seen: Array<string | undefined> = [];
    const server = createHttpServer((req, res) => {
      seen.push(req.headers['x-gateway-key'] as string | undefined);
      res.end('{}');
    });
    const port = await listening(server);
    try {
      const network = new Network({ headers: { 'x-gateway-key': 'gateway-secret-123' } });
      const redactor = new Redactor();
      redactor.addSecretHeader('x-gateway-key');
      const client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 10_000, tokenEncoding: 'base64', redactor, nextExchangeId: () => 'x1', userAgent: 'test', network });
      const response = await client.send({ method: 'GET', url: `http://127.0.0.1:${port}/`, token: null });
      assert.deepEqual(seen, ['gateway-secret-123']);
      assert.equal(response.exchange.request.headers['x-gateway-key'], '[redacted]');
      assert.doesNotMatch(JSON.stringify(response.exchange), /gateway-secret-123/);
    } finally {
      await stop(server);
    }
  });

  it('starts no more requests per second than the rate limit allows', async () => {
    const started: number[] = [];
    const server = createHttpServer((_req, res) => {
      started.push(Date.now());
      res.end('{}');
    });
    const port = await listening(server);
    try {
      const { client } = clientWith({ requestsPerSecond: 2 });
      await Promise.all([1, 2, 3].map(() => client.send({ method: 'GET', url: `http://127.0.0.1:${port}/`, token: null })));
      assert.equal(started.length, 3);
      // Two start at once; the third waits for the next second (a lower bound, whatever the machine's load).
      assert.ok((started[2] as number) - (started[0] as number) >= 900, `the third request started ${(started[2] as number) - (started[0] as number)} ms after the first`);
    } finally {
      await stop(server);
    }
  });

  it('ends a request waiting for its turn under the rate limit as soon as it is aborted', async () => {
    const server = createHttpServer((_req, res) => res.end('{}'));
    const port = await listening(server);
    try {
      const { client } = clientWith({ requestsPerSecond: 1 });
      await client.send({ method: 'GET', url: `http://127.0.0.1:${port}/`, token: null });
      const controller = new AbortController();
      const waiting = client.send({ method: 'GET', url: `http://127.0.0.1:${port}/`, token: null }, { signal: controller.signal });
      const abortedAt = Date.now();
      controller.abort();
      const error = await failure(waiting);
      assert.equal(error.code, 'EABORTED');
      assert.ok(Date.now() - abortedAt < 500);
    } finally {
      await stop(server);
    }
  });
});
