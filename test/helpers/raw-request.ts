import { connect } from 'node:net';

/** What came back on a raw connection: the status line's code (0 when none) and everything after the headers. */
export interface RawAnswer {
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

/**
 * Writes `bytes` to a server as they are, with no HTTP client in the way (so a request can be as malformed as a hostile
 * caller makes it), and resolves with what the server answered once it closes the connection (rejecting after
 * `timeoutMs`). The connection is not half-closed: Node's server drops a pending answer to a caller that did that.
 */
export function rawRequest(baseUrl: string, bytes: Buffer | string, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split >= 0 ? text.slice(0, split) : text;
      const rest = split >= 0 ? text.slice(split + 4) : '';
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: /^transfer-encoding: chunked/im.test(head) ? unchunk(rest) : rest });
    });
    socket.write(bytes);
  });
}

/** An HTTP/1.1 request with a body, its Content-Length right, as raw bytes. */
export function httpRequest(method: string, path: string, { headers = {}, body = '' }: { headers?: Record<string, string>; body?: Buffer | string } = {}): Buffer {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', `content-length: ${payload.length}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

/** JSON arrays nested `depth` deep: `[[[...]]]`. */
export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** The payload of a chunked body (sizes in hex, each chunk followed by CRLF, ending with a zero-size chunk). */
function unchunk(text: string): string {
  let result = '';
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n');
    const size = end < 0 ? 0 : parseInt(rest.slice(0, end), 16);
    if (!size) return result;
    result += rest.slice(end + 2, end + 2 + size);
    rest = rest.slice(end + 2 + size + 2);
  }
}
