import type { Exchange } from '../model/exchange.js';

/**
 * A request that got no HTTP response: connection refused, name not resolved, timeout, body over the size limit.
 * It carries the recorded exchange, so the report still shows what was sent.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  readonly code: string;
  readonly exchange: Exchange;
  /** The redirects followed before the hop that got no response, in order (empty for a request without any). */
  readonly redirects: readonly Exchange[];

  constructor(message: string, options: { code: string; exchange: Exchange; cause?: unknown; redirects?: readonly Exchange[] }) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.exchange = options.exchange;
    this.redirects = options.redirects ?? [];
  }
}
