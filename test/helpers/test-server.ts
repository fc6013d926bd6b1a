import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server for one test, with a handler the test sets; `close()` stops it. */
export interface TestServer {
  readonly url: string;
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let server: Server | undefined;
  const state: TestServer = {
    url: '',
    handler: (_req, res) => res.end(),
    close: () => new Promise<void>((resolve) => {
      server?.closeAllConnections();
      server?.close(() => resolve());
    }),
  };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => state.handler(req, res, body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  (state as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** A handler that plays a partner receiving asynchronous results: hands each request to `record`, answers OCPI 1000. */
export function acceptAsOcpi(record: (req: IncomingMessage, body: string) => void): TestServer['handler'] {
  return (req, res, body) => {
    record(req, body);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status_code: 1000, timestamp: new Date().toISOString() }));
  };
}
