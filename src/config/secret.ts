import { inspect } from 'node:util';
import { timingSafeEqual, randomBytes } from 'node:crypto';

/** The text every redacted secret is replaced with, in reports, logs and curl lines. */
export const REDACTED = '[redacted]';

/**
 * A credentials token. Its string, JSON and inspect forms are redacted, so a token can only reach output
 * through an explicit `reveal()`; the transport reveals it to build the Authorization header and nowhere else.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** A fresh random token: 32 characters of URL-safe Base64, printable non-whitespace ASCII as OCPI requires. */
  static generate(): Secret {
    return new Secret(randomBytes(24).toString('base64url'));
  }

  reveal(): string {
    return this.#value;
  }

  /** Constant-time comparison, so comparing a presented token does not leak its prefix. */
  equals(other: Secret | string | undefined): boolean {
    if (other === undefined) return false;
    const a = Buffer.from(this.#value, 'utf8');
    const b = Buffer.from(typeof other === 'string' ? other : other.reveal(), 'utf8');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
