import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { isReceivedView, receivedView } from '../../src/transport/received-view.js';
import { Redactor } from '../../src/transport/redactor.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('the view of a response as received', () => {
  let server: TestServer;
  let redactor: Redactor;
  let client: OcpiClient;
  beforeEach(async () => {
    server = await startTestServer();
    redactor = new Redactor();
    redactor.add(new Secret('view-token-0123456789'));
    client = new OcpiClient({ timeoutMs: 1000, maxResponseBytes: 10_000, tokenEncoding: 'base64', redactor, nextExchangeId: () => 'x1', userAgent: 'test' });
  });
  afterEach(() => server.close());

  it('carries the body as received and everything else as recorded, without making the record redact its body', async () => {
    class Counting extends Redactor {
      copies = 0;
      override json(value: unknown): unknown {
        this.copies += 1;
        return super.json(value);
      }
    }
    const counting = new Counting();
    const spied = new OcpiClient({ timeoutMs: 1000, maxResponseBytes: 10_000, tokenEncoding: 'base64', redactor: counting, nextExchangeId: () => 'x1', userAgent: 'test' });
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '1' });
      res.end('{"data":[{"id":"1"}]}');
    };
    const response = await spied.send({ method: 'GET', url: server.url, token: null });
    const view = receivedView(response);
    assert.equal(view.response?.body, response.body);
    assert.deepEqual([view.id, view.request, view.response?.status, view.response?.headers], [response.exchange.id, response.exchange.request, 200, response.exchange.response?.headers]);
    assert.equal(counting.copies, 0);
    assert.ok(isReceivedView(view));
    assert.ok(!isReceivedView(response.exchange));
  });

  it('is the exchange itself when the body is not JSON: nothing to hold back', async () => {
    server.handler = (_req, res) => res.end('view-token-0123456789 in plain text');
    const response = await client.send({ method: 'GET', url: server.url, token: null });
    assert.equal(receivedView(response), response.exchange);
    assert.equal(response.exchange.response?.rawBody, '[redacted] in plain text');
  });
});
