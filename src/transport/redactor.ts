import { REDACTED, type Secret } from '../config/secret.js';
import { flattenHeaders } from './flatten-headers.js';

// Property names whose values are credentials tokens wherever they appear in an OCPI body (Credentials.token).
const TOKEN_FIELDS = new Set(['token']);

/**
 * Removes credentials tokens from everything that is recorded: every token the run knows (raw and Base64 forms),
 * every `token` field of a JSON body, and the value of every Authorization header. Shared by the transport and the
 * peer, so that no exchange is ever stored with a token in it.
 */
export class Redactor {
  // Longest first, so a token that contains another is replaced whole; kept sorted on add, since text() is hot.
  #needles: readonly string[] = [];

  /** Registers a token so that its raw and Base64 forms are redacted from then on. */
  add(secret: Secret): void {
    const value = secret.reveal();
    if (value.length < 4) return; // too short to redact without mangling unrelated text
    const added = [value, Buffer.from(value, 'utf8').toString('base64')].filter((needle) => !this.#needles.includes(needle));
    if (added.length > 0) this.#needles = [...this.#needles, ...added].sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
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
