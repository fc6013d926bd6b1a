import type { Secret } from '../config/secret.js';

/** How a credentials token travels in the Authorization header. */
export type TokenEncoding = 'base64' | 'raw';

/**
 * The Authorization header value for a token: `Token <base64(utf8(token))>` from OCPI 2.2 on, the raw token in 2.1.1
 * or when the target only understands the raw form (`--raw-token`).
 */
export function authorizationHeader(token: Secret, encoding: TokenEncoding): string {
  const value = token.reveal();
  return `Token ${encoding === 'raw' ? value : Buffer.from(value, 'utf8').toString('base64')}`;
}

/** What an Authorization header carried, as the receiving side reads it. */
export interface PresentedToken {
  /** The token after decoding, when the header had the `Token <value>` form. */
  readonly token?: string;
  /** How the value was encoded; `raw` when it is not valid Base64 of printable ASCII. */
  readonly encoding?: TokenEncoding;
  /** Set when the header is missing or not of the `Token <value>` form. */
  readonly problem?: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PRINTABLE_TOKEN = /^[\x21-\x7E]+$/;

/**
 * Reads an Authorization header. A value that is canonical Base64 of a printable token is taken as encoded; anything
 * else as a raw token (the form many 2.1.1 and 2.2 implementations send).
 */
export function readAuthorization(header: string | undefined): PresentedToken {
  if (header === undefined || header === '') return { problem: 'no Authorization header' };
  const match = /^Token (\S+)$/.exec(header);
  if (!match?.[1]) return { problem: 'the Authorization header is not of the form "Token <credentials token>"' };
  const value = match[1];
  if (BASE64.test(value) && value.length % 4 === 0) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    if (PRINTABLE_TOKEN.test(decoded) && Buffer.from(decoded, 'utf8').toString('base64') === value) {
      return { token: decoded, encoding: 'base64' };
    }
  }
  return { token: value, encoding: 'raw' };
}
