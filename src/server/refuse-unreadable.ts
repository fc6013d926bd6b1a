import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { envelope } from './envelope.js';
import type { ServerResponseSpec } from './ocpi-server.js';

/** How a request Node could not read was answered. */
export interface UnreadableRefusal {
  readonly problem: string;
  readonly spec: ServerResponseSpec;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Answers a request Node could not read (unparsable, headers too large, past the headers or request deadline: a slow
 * caller) with an OCPI error where the socket still takes one, and closes it; undefined when the caller is already gone.
 */
export function refuseUnreadable(error: NodeJS.ErrnoException, socket: Duplex): UnreadableRefusal | undefined {
  const code = error.code ?? 'EUNKNOWN';
  if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable) {
    socket.destroy();
    return undefined;
  }
  const status = code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const problem = status === 408
    ? 'the request did not arrive in time (a caller that sends slowly is cut off)'
    : status === 431 ? 'the request headers are too large' : `the request is not readable HTTP (${code})`;
  const body = envelope(undefined, 2000, problem);
  const payload = JSON.stringify(body);
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), connection: 'close' };
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  socket.end(`${head}\r\n\r\n${payload}`);
  return { problem, spec: { status, body }, headers };
}
