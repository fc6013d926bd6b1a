import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import got, { type Method, type OptionsInit, RequestError } from 'got';
import { flattenHeaders } from './flatten-headers.js';
import type { Network } from './network.js';

/** One HTTP request to send as it is: no redirects followed, no retries. */
export interface AnswerRequest {
  readonly method: Method;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string | undefined;
  readonly timeoutMs: number;
  /** The largest body read, in bytes, after decompression. */
  readonly maxResponseBytes: number;
  readonly signal?: AbortSignal;
  /** TLS trust and identity, proxy and pace (plain HTTP, Node's authorities, no proxy without it). */
  readonly network?: Network;
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
 * answer with its socket closed (got would never end the request, and the open socket would keep the process alive),
 * and a body over the size limit ends the request as soon as its Content-Length or its bytes say so (a body nested too
 * deep is kept as text when parsed, see parseBody). Throws NoAnswer otherwise; never an HTTP status.
 */
export async function fetchAnswer(request: AnswerRequest): Promise<Answer> {
  const { network } = request;
  // Without a pace nothing waits before the request, and nothing needs to listen to its signal (got does).
  if (!network?.paces) return fetchNow(request);
  const turn = network.paced(() => (request.signal?.aborted ? Promise.reject(new NoAnswer('EABORTED', 'request aborted')) : fetchNow(request)));
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

async function fetchNow(request: AnswerRequest): Promise<Answer> {
  const { timeoutMs, maxResponseBytes } = request;
  // Why the tester itself ended the request, when it did: got then reports a bare cancellation.
  let refusal: NoAnswer | undefined;
  let upgrade: Omit<Answer, 'text'> | undefined;
  const pending = got(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.payload === undefined ? {} : { body: request.payload }),
    throwHttpErrors: false,
    retry: { limit: 0 },
    // Redirects are the caller's to follow, hop by hop, so that each is recorded and kept on the target's origin.
    followRedirect: false,
    timeout: { request: timeoutMs },
    // The bytes, decoded here rather than by got: the text got decodes hangs on its response object, which outlives
    // the request long enough for the young-generation collector to move each page's text (a large object) to the
    // old generation, where it waits for a full collection; decoded here, it dies young once the page is parsed.
    responseType: 'buffer',
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.network?.connectionFor(request.url) as Pick<OptionsInit, 'https' | 'agent'> | undefined),
  });
  const stop = (code: string, message: string): void => {
    refusal ??= new NoAnswer(code, message);
    pending.cancel();
  };
  pending.on('request', (sent: ClientRequest) => {
    sent.once('upgrade', (answer: IncomingMessage, socket: Duplex) => {
      socket.destroy();
      upgrade = { status: answer.statusCode ?? 101, headers: flattenHeaders(answer.headers) };
      pending.cancel();
    });
  });
  pending.on('downloadProgress', (progress: { transferred: number; total?: number }) => {
    if (progress.transferred > maxResponseBytes || (progress.total ?? 0) > maxResponseBytes) {
      stop('ERESPONSETOOLARGE', `response body larger than ${formatBytes(maxResponseBytes)} (the limit is set with --max-response-size)`);
    }
  });
  // got's own timeout misses some phases; this one ends the request whatever it waits on.
  const backstop = setTimeout(() => stop('ETIMEDOUT', `no complete response within ${timeoutMs} ms`), timeoutMs + 1000);
  try {
    const response = await pending;
    return { status: response.statusCode, headers: flattenHeaders(response.headers), text: response.body.toString('utf8') };
  } catch (error) {
    if (upgrade) return { ...upgrade, text: '' };
    if (error instanceof NoAnswer) throw error;
    throw refusal ?? describeFailure(error, timeoutMs);
  } finally {
    clearTimeout(backstop);
  }
}

/** "20 MB", "1000 bytes": a limit as a person reads it. */
function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

// The codes of a server certificate whose chain ends at no authority the client trusts.
const UNTRUSTED_CERTIFICATE = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT']);

/** What went wrong with a request that got no usable response, in words that point at the cause. */
function describeFailure(error: unknown, timeoutMs: number): NoAnswer {
  if (!(error instanceof RequestError)) return new NoAnswer('EREQUEST', error instanceof Error ? error.message : String(error), error);
  const code = error.code;
  const because = (message: string, as: string = code): NoAnswer => new NoAnswer(as, message, error);
  if (code === 'ETIMEDOUT') return because(`no complete response within ${timeoutMs} ms`);
  if (code === 'ECONNREFUSED') return because('connection refused (is the target running, and is the URL right?)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return because('host name not found');
  if (code === 'ERR_CANCELED' || code === 'ABORT_ERR') return because('request aborted', 'EABORTED');
  if (code === 'ECONNRESET' || code === 'EPIPE') return because(`the target closed the connection before a complete response (${error.message})`);
  if (code === 'EPROTO' && /wrong version number|packet length too long|unknown protocol/i.test(error.message)) {
    return because('the server did not answer in TLS: is the URL https:// while the server speaks plain http?');
  }
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return because(`the server's TLS certificate is not trusted (${code}): give the authority that issued it with --cacert FILE`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return because(`the server's TLS certificate is for another host name (${error.message})`);
  if (code === 'CERT_HAS_EXPIRED') return because('the server\'s TLS certificate has expired');
  if (code === 'HPE_HEADER_OVERFLOW') return because('the response headers are larger than the 16 KB the tester reads');
  if (code.startsWith('HPE_')) return because(`the response is not valid HTTP (${error.message})`);
  if (code.startsWith('Z_') || code.startsWith('ERR_ZLIB') || /decompress|zlib|brotli/i.test(code)) return because(`the body does not decode as its Content-Encoding says (${error.message})`);
  return because(error.message, code || 'EREQUEST');
}
