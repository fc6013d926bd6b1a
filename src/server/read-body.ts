import type { IncomingMessage } from 'node:http';
import type { ByteBudget } from './byte-budget.js';

/** How reading a request body ended; reading never rejects. */
export type BodyOutcome =
  | { readonly kind: 'read'; readonly text: string; readonly bytes: number; readonly utf8: boolean }
  /** Past the per-request limit: the rest is drained unread. */
  | { readonly kind: 'too-large'; readonly limit: number }
  /** Past what the server holds of all requests at once (a flood): the rest is drained unread. */
  | { readonly kind: 'overloaded'; readonly max: number }
  /** The caller closed the connection (or a server timeout did) before the body ended. */
  | { readonly kind: 'aborted'; readonly bytes: number };

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a request body up to `limit` bytes, holding the bytes against the server-wide `inFlight` budget until it
 * resolves; a body that is not valid UTF-8 is decoded with replacement characters and flagged.
 */
export function readBody(req: IncomingMessage, { limit, inFlight }: { readonly limit: number; readonly inFlight: ByteBudget }): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome): void => {
      if (settled) return;
      settled = true;
      inFlight.release(size);
      chunks.length = 0;
      req.off('data', onData);
      // What is left is read and dropped, so the answer can still be written.
      if (outcome.kind === 'too-large' || outcome.kind === 'overloaded') req.resume();
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      if (size + chunk.length > limit) return settle({ kind: 'too-large', limit });
      if (!inFlight.take(chunk.length)) return settle({ kind: 'overloaded', max: inFlight.max });
      size += chunk.length;
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      const bytes = Buffer.concat(chunks);
      settle({ kind: 'read', ...decode(bytes), bytes: bytes.length });
    });
    req.once('error', () => settle({ kind: 'aborted', bytes: size }));
    req.once('close', () => settle({ kind: 'aborted', bytes: size }));
  });
}

function decode(bytes: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: STRICT_UTF8.decode(bytes), utf8: true };
  } catch {
    return { text: bytes.toString('utf8'), utf8: false };
  }
}
