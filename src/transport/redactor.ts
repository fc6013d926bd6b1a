import { REDACTED, type Secret } from '../config/secret.js';
import { flattenHeaders } from './flatten-headers.js';
import { tokenEncodings } from './token-encodings.js';

// Property names whose values are credentials tokens wherever they appear in an OCPI body (Credentials.token).
const TOKEN_FIELDS = new Set(['token']);

/**
 * Removes credentials tokens from everything that is recorded: every token the run knows (in every encoding),
 * every `token` field of a JSON body, and the value of every Authorization header. Shared by the transport and the
 * peer, so that no exchange is ever stored with a token in it.
 */
export class Redactor {
  // Longest first, so a token that contains another is replaced whole; kept sorted on add, since text() is hot.
  #needles: readonly string[] = [];

  /** Registers a token so that every encoding of it (tokenEncodings) is redacted from then on, whatever its length. */
  add(secret: Secret): void {
    const added = tokenEncodings(secret.reveal()).filter((needle) => !this.#needles.includes(needle));
    if (added.length > 0) this.#needles = [...this.#needles, ...added].sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    // Most strings of a payload (ids, statuses, numbers) are shorter than any token: nothing to look for in them.
    if (value.length < (this.#needles.at(-1)?.length ?? Number.POSITIVE_INFINITY)) return value;
    let result = value;
    for (const needle of this.#needles) {
      if (result.includes(needle)) result = result.split(needle).join(REDACTED);
    }
    return result;
  }

  headers(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
    const result = flattenHeaders(headers);
    for (const [name, value] of Object.entries(result)) result[name] = name === 'authorization' ? redactAuthorization(value) : this.text(value);
    return result;
  }

  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value !== null && typeof value === 'object') {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        result[key] = TOKEN_FIELDS.has(key) && typeof item === 'string' ? REDACTED : this.json(item);
      }
      return result;
    }
    return value;
  }
}

function redactAuthorization(value: string): string {
  const scheme = /^(\S+)\s/.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}
