import { request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import decompressResponse from 'decompress-response';
import { flattenHeaders } from './flatten-headers.js';
import type { Connection, Network } from './network.js';

/** The HTTP methods the tester sends. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP request to send as it is: no redirects followed, no retries. */
export interface AnswerRequest {
  readonly method: Method;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string | undefined;
  /** The whole request's deadline: connecting, sending, and reading the last byte of the answer. */
  readonly timeoutMs: number;
  /** The largest body read, in bytes, after decompression. */
  readonly maxResponseBytes: number;
  readonly signal?: AbortSignal;
  /** TLS trust and identity, proxy and pace (plain HTTP, Node's authorities, no proxy without it). */
  readonly network?: Network;
  /** TLS and proxy for this one URL, used instead of a network's, without its pace (the user's trigger URL). */
  readonly connection?: Connection;
}

/** What came back: a status, its headers (lower-case names) and the body text. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

/** Why a request got no answer the tester reads: a code, a message that points at the cause, what was thrown. */
export class NoAnswer extends Error {
  override readonly name = 'NoAnswer';
  readonly code: string;

  constructor(code: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.code = code;
  }
}

/**
 * Sends one request and reads its answer within `timeoutMs`, whatever the target does: a 101 is returned as the
 * answer with its socket closed (the open socket would keep the process alive), and a body over the size limit ends
 * the request as soon as its Content-Length or its bytes say so (a body nested too deep is kept as text when parsed,
 * see parseBody). Throws NoAnswer otherwise; never an HTTP status.
 */
export async function fetchAnswer(request: AnswerRequest): Promise<Answer> {
  const { network } = request;
  const connection = request.connection ?? network?.connectionFor(request.url);
  // Without a pace nothing waits before the request, and nothing needs to listen to its signal (the request does).
  if (!network?.paces) return fetchNow(request, connection);
  const turn = network.paced(() => (request.signal?.aborted ? Promise.reject(new NoAnswer('EABORTED', 'request aborted')) : fetchNow(request, connection)));
  const { signal } = request;
  if (!signal) return turn;
  // A request waiting for its turn under --rate-limit still ends at once when its case or the run is stopped.
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(new NoAnswer('EABORTED', 'request aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([turn, stopped]);
  } finally {
    signal.removeEventListener('abort', onAbort as () => void);
    turn.catch(() => undefined);
  }
}

// What a client sends that a target may compress its answer with; the answer is decoded before it is read.
const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * One request on Node's own HTTP client, with one deadline for all of it. (got served here before: its options and
 * streams cost about 1 ms a request, 10 ms for the first, on the run's longest chain of dependent requests; nothing
 * the tester asks of a request needs them. bench/README.md, "the HTTP client".)
 */
function fetchNow(request: AnswerRequest, connection: Connection | undefined): Promise<Answer> {
  const { timeoutMs, maxResponseBytes, signal } = request;
  return new Promise<Answer>((resolve, reject) => {
    let sent: ClientRequest | undefined;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    // Ends the request, its socket with it (never returned to a pool half read), with why it got no answer.
    const refuse = (problem: NoAnswer): void => settle(() => {
      sent?.destroy();
      reject(problem);
    });
    const onAbort = (): void => refuse(new NoAnswer('EABORTED', 'request aborted'));
    const deadline = setTimeout(() => refuse(new NoAnswer('ETIMEDOUT', `no complete response within ${timeoutMs} ms`)), timeoutMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    const read = (response: IncomingMessage): void => {
      // A stream's late error (the socket closing under a body already refused) finds its listener here.
      response.on('error', (error) => refuse(describeFailure(error, timeoutMs)));
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > maxResponseBytes) return refuse(tooLarge(maxResponseBytes));
      const body = decompressResponse(response);
      if (body !== response) body.on('error', (error) => refuse(describeFailure(error, timeoutMs)));
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxResponseBytes) refuse(tooLarge(maxResponseBytes));
        else chunks.push(chunk);
      });
      body.once('end', () => settle(() => resolve({ status: response.statusCode ?? 0, headers: flattenHeaders(response.headers), text: Buffer.concat(chunks, size).toString('utf8') })));
    };

    try {
      const url = new URL(request.url);
      const secure = url.protocol === 'https:';
      // The scheme alone is said: the URL may carry what a target echoed, a token among it.
      if (!secure && url.protocol !== 'http:') return refuse(new NoAnswer('EREQUEST', `a ${url.protocol} URL is not http or https`));
      const headers: OutgoingHttpHeaders = { 'accept-encoding': ACCEPT_ENCODING, ...request.headers };
      if (request.payload !== undefined) headers['content-length'] = Buffer.byteLength(request.payload);
      const agent = secure ? connection?.agent?.https : connection?.agent?.http;
      const options: RequestOptions = { method: request.method, headers, ...(agent ? { agent } : {}), ...(secure ? connection?.tls : {}) };
      sent = (secure ? httpsRequest : httpRequest)(url, options);
      sent.on('error', (error) => refuse(describeFailure(error, timeoutMs)));
      // A 101 the tester never asked for is the answer; the socket it leaves open is closed.
      sent.once('upgrade', (answer: IncomingMessage, socket: Duplex) => {
        socket.destroy();
        settle(() => resolve({ status: answer.statusCode ?? 101, headers: flattenHeaders(answer.headers), text: '' }));
      });
      sent.once('response', read);
      sent.end(request.payload);
    } catch (error) {
      // A URL or a header value Node refuses to send.
      refuse(describeFailure(error, timeoutMs));
    }
  });
}

const tooLarge = (limit: number): NoAnswer => new NoAnswer('ERESPONSETOOLARGE', `response body larger than ${formatBytes(limit)} (the limit is set with --max-response-size)`);

/** "20 MB", "1000 bytes": a limit as a person reads it. */
function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

// The codes of a server certificate whose chain ends at no authority the client trusts.
const UNTRUSTED_CERTIFICATE = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT']);

/** What went wrong with a request that got no usable response, in words that point at the cause. */
function describeFailure(error: unknown, timeoutMs: number): NoAnswer {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string' || code === '') return new NoAnswer('EREQUEST', message, error);
  const because = (text: string, as: string = code): NoAnswer => new NoAnswer(as, text, error);
  if (code === 'ETIMEDOUT') return because(`no complete response within ${timeoutMs} ms`);
  if (code === 'ECONNREFUSED') return because('connection refused (is the target running, and is the URL right?)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return because('host name not found');
  if (code === 'ABORT_ERR') return because('request aborted', 'EABORTED');
  if (code === 'ECONNRESET' || code === 'EPIPE') return because(`the target closed the connection before a complete response (${message})`);
  if (code === 'EPROTO' && /wrong version number|packet length too long|unknown protocol/i.test(message)) {
    return because('the server did not answer in TLS: is the URL https:// while the server speaks plain http?');
  }
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return because(`the server's TLS certificate is not trusted (${code}): give the authority that issued it with --cacert FILE`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return because(`the server's TLS certificate is for another host name (${message})`);
  if (code === 'CERT_HAS_EXPIRED') return because('the server\'s TLS certificate has expired');
  if (code === 'HPE_HEADER_OVERFLOW') return because('the response headers are larger than the 16 KB the tester reads');
  if (code.startsWith('HPE_')) return because(`the response is not valid HTTP (${message})`);
  if (code.startsWith('Z_') || code.startsWith('ERR_ZLIB') || /decompress|zlib|brotli/i.test(code)) return because(`the body does not decode as its Content-Encoding says (${message})`);
  return because(message);
}
