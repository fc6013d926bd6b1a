import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UrlTrigger } from '../../src/trigger/url-trigger.js';

const redact = (text: string): string => text;

/** A trigger endpoint on 127.0.0.1:0 that records what it is sent and answers with `status` (or never, for 0). */
async function harness(status: number): Promise<{ url: string; seen: Array<{ method: string; type: string; body: unknown }>; close: () => Promise<void> }> {
  const seen: Array<{ method: string; type: string; body: unknown }> = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', type: request.headers['content-type'] ?? '', body: JSON.parse(body) as unknown });
      if (status !== 0) response.writeHead(status).end(status >= 300 ? 'charger offline' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/trigger`,
    seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('the URL trigger', () => {
  it('POSTs the action and its parameters as JSON, and a 2xx answer means done', async () => {
    const h = await harness(204);
    try {
      const outcome = await new UrlTrigger({ url: h.url, deadlineMs: 5000, redact }).fire({ action: 'change-evse-status', params: { location_id: 'L1', evse_uid: 'E1', status: 'CHARGING' } });
      assert.deepEqual(outcome, { status: 'done' });
      assert.deepEqual(h.seen, [{ method: 'POST', type: 'application/json', body: { action: 'change-evse-status', params: { location_id: 'L1', evse_uid: 'E1', status: 'CHARGING' } } }]);
    } finally {
      await h.close();
    }
  });

  it('fails with the status and the body of an answer that is not 2xx', async () => {
    const h = await harness(500);
    try {
      const outcome = await new UrlTrigger({ url: h.url, deadlineMs: 5000, redact }).fire({ action: 'push-location', params: {} });
      assert.ok(outcome.status === 'failed' && outcome.reason.includes('HTTP 500') && outcome.reason.includes('charger offline'), JSON.stringify(outcome));
    } finally {
      await h.close();
    }
  });

  it('is unavailable, so the case skips, when the harness answers 501 Not Implemented', async () => {
    const h = await harness(501);
    try {
      const outcome = await new UrlTrigger({ url: h.url, deadlineMs: 5000, redact }).fire({ action: 'push-cdr', params: {} });
      assert.deepEqual(outcome, { status: 'unavailable', reason: 'the trigger URL does not perform push-cdr (HTTP 501)' });
    } finally {
      await h.close();
    }
  });

  it('fails at the deadline when the URL never answers', async () => {
    const h = await harness(0);
    try {
      const started = Date.now();
      const outcome = await new UrlTrigger({ url: h.url, deadlineMs: 300, redact }).fire({ action: 'push-location', params: {} });
      assert.ok(Date.now() - started < 5000);
      assert.ok(outcome.status === 'failed' && outcome.reason.includes('no answer within 300 ms'), JSON.stringify(outcome));
    } finally {
      await h.close();
    }
  });

  it('says in Node\'s words why a harness that cannot be reached failed, and what an answer too large to read means', async () => {
    const h = await harness(204);
    const closed = h.url;
    await h.close();
    const refused = await new UrlTrigger({ url: closed, deadlineMs: 5000, redact }).fire({ action: 'push-location', params: {} });
    assert.ok(refused.status === 'failed' && refused.reason.includes('ECONNREFUSED') && !refused.reason.includes('target'), JSON.stringify(refused));
    const huge = createServer((_request, response) => response.writeHead(200, { 'content-length': String(5 * 1024 * 1024) }).end(' '.repeat(5 * 1024 * 1024)));
    await new Promise<void>((resolve) => huge.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(huge.address() as AddressInfo).port}/trigger`;
      const outcome = await new UrlTrigger({ url, deadlineMs: 5000, redact }).fire({ action: 'push-location', params: {} });
      assert.deepEqual(outcome, { status: 'failed', reason: 'the trigger URL for push-location: its answer is larger than 1 MB' });
    } finally {
      huge.closeAllConnections();
      await new Promise((resolve) => huge.close(resolve));
    }
  });
});
