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
  // The tokens already added: the client adds the token of every request it sends, nearly always one it knows.
  readonly #added = new Set<string>();
  // Headers whose values are secrets of the user's (a gateway key given with --header): never recorded.
  readonly #secretHeaders = new Set<string>();

  /** Redacts the value of header `name` (any case) from every recorded exchange. */
  addSecretHeader(name: string): void {
    this.#secretHeaders.add(name.toLowerCase());
  }

  /** Registers a token so that every encoding of it (tokenEncodings) is redacted from then on, whatever its length. */
  add(secret: Secret): void {
    if (this.#added.has(secret.reveal())) return;
    this.#added.add(secret.reveal());
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
    for (const [name, value] of Object.entries(result)) result[name] = name === 'authorization' ? redactAuthorization(value) : this.#secretHeaders.has(name) ? REDACTED : this.text(value);
    return result;
  }

  /** A redacted copy of a JSON value; a loop over a stack, not a recursion, so a value of any depth is safe. */
  json(value: unknown): unknown {
    const root: { value?: unknown } = {};
    const pending: Array<{ readonly from: unknown; readonly into: Record<string, unknown> | unknown[]; readonly key: string | number }> = [{ from: value, into: root as Record<string, unknown>, key: 'value' }];
    while (pending.length > 0) {
      const { from, into, key } = pending.pop() as (typeof pending)[number];
      let copy: unknown = from;
      if (typeof from === 'string') copy = this.text(from);
      else if (Array.isArray(from)) {
        const items: unknown[] = new Array<unknown>(from.length);
        from.forEach((item, index) => pending.push({ from: item, into: items, key: index }));
        copy = items;
      } else if (from !== null && typeof from === 'object') {
        const fields: Record<string, unknown> = {};
        for (const [name, item] of Object.entries(from)) {
          const token = TOKEN_FIELDS.has(name) && typeof item === 'string';
          // Set now, so the copy keeps the received order; a placeholder is filled in when its turn comes.
          setOwn(fields, name, token ? REDACTED : undefined);
          if (!token) pending.push({ from: item, into: fields, key: name });
        }
        copy = fields;
      }
      if (typeof key === 'number') (into as unknown[])[key] = copy;
      else setOwn(into as Record<string, unknown>, key, copy);
    }
    return root.value;
  }
}

// An own property even for "__proto__", which a received body may carry and plain assignment would turn into a prototype.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function redactAuthorization(value: string): string {
  const scheme = /^(\S+)\s/.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}
