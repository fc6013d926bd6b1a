import assert from 'node:assert/strict';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { fetchAnswer, NoAnswer, type AnswerRequest } from '../../src/transport/fetch-answer.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const TEXT = JSON.stringify({ status_code: 1000, data: [{ version: '2.2.1', url: 'https://example.com/ocpi/2.2.1' }], note: 'é ü 漢' });

describe('fetching one answer', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  const get = (overrides: Partial<AnswerRequest> = {}): Promise<Awaited<ReturnType<typeof fetchAnswer>>> =>
    fetchAnswer({ method: 'GET', url: server.url, headers: {}, payload: undefined, timeoutMs: 2000, maxResponseBytes: 10_000, ...overrides });

  for (const [encoding, encode] of [['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]] as const) {
    it(`asks for compressed answers and decodes a ${encoding} body to its text`, async () => {
      let asked: string | undefined;
      server.handler = (req, res) => {
        asked = req.headers['accept-encoding'];
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding }).end(encode(Buffer.from(TEXT)));
      };
      const answer = await get();
      assert.equal(answer.text, TEXT);
      assert.equal(answer.headers['content-encoding'], encoding);
      assert.equal(asked, 'gzip, deflate, br');
    });
  }

  it('decodes a deflate body sent without its zlib wrapper, as some servers do', async () => {
    server.handler = (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(Buffer.from(TEXT)));
    assert.equal((await get()).text, TEXT);
  });

  it('holds the size limit to the decoded body, so a small compressed answer cannot unpack past it', async () => {
    const bomb = gzipSync(Buffer.from(' '.repeat(5_000_000)));
    assert.ok(bomb.length < 10_000);
    server.handler = (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
    await assert.rejects(get(), (error: unknown) => error instanceof NoAnswer && error.code === 'ERESPONSETOOLARGE');
  });

  it('sends a body with its length in bytes, not in characters', async () => {
    let seen: { length?: string; body: string } | undefined;
    server.handler = (req, res, body) => {
      seen = { length: req.headers['content-length'], body };
      res.end('{}');
    };
    const payload = JSON.stringify({ name: 'Čelákovice' });
    await get({ method: 'POST', payload, headers: { 'content-type': 'application/json' } });
    assert.deepEqual(seen, { length: String(Buffer.byteLength(payload)), body: payload });
  });

  it('keeps the connection for the next request once an answer is read', async () => {
    const sockets = new Set<unknown>();
    server.handler = (req, res) => {
      sockets.add(req.socket);
      res.end('{}');
    };
    await get();
    await get();
    await get();
    assert.equal(sockets.size, 1);
  });

  it('ends with a NoAnswer, not a throw, when Node refuses to send a header value', async () => {
    await assert.rejects(get({ headers: { 'x-gateway-key': 'a\r\nb' } }), (error: unknown) => error instanceof NoAnswer && error.code === 'ERR_INVALID_CHAR');
  });

  it('ends at once, as aborted, when its signal is aborted before or while it waits', async () => {
    server.handler = () => undefined;
    const aborted = AbortSignal.abort();
    await assert.rejects(get({ signal: aborted }), (error: unknown) => error instanceof NoAnswer && error.code === 'EABORTED');
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(get({ signal: controller.signal }), (error: unknown) => error instanceof NoAnswer && error.code === 'EABORTED');
    assert.ok(performance.now() - started < 1500);
  });

  it('refuses a URL that is not http or https without sending anything', async () => {
    await assert.rejects(get({ url: 'ftp://127.0.0.1/versions?token=secret-in-url' }), (error: unknown) => error instanceof NoAnswer && error.message === 'a ftp: URL is not http or https');
  });
});
