/**
 * The origins (scheme, host, port) the tester sends requests and tokens to: the origin of the versions URL the user
 * gave (or, with `--handshake await`, the one the target registered with) and those the user allows with
 * `--allow-origin`. A target that declares its version details or modules elsewhere does not widen it: a token goes
 * only where the user pointed (DESIGN §7).
 */
export class OriginPolicy {
  readonly #origins = new Set<string>();

  constructor(urls: readonly string[] = []) {
    for (const url of urls) this.allow(url);
  }

  /** Allows the origin of an absolute URL from now on. */
  allow(url: string): void {
    this.#origins.add(new URL(url).origin);
  }

  /** True when the URL is absolute and on an allowed origin. */
  allows(url: string): boolean {
    try {
      return this.#origins.has(new URL(url).origin);
    } catch {
      return false;
    }
  }

  /** Why a request to this URL is not sent, naming the origin and the flag that would allow it. */
  refusal(url: string): string {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return `not sent: "${url}" is not an absolute URL`;
    }
    return `not sent: ${origin} is not the origin of the versions URL nor one allowed with --allow-origin, and the tester sends its token nowhere else (add --allow-origin ${origin} if that server is the target's)`;
  }
}
