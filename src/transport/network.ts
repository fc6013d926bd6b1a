import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import pThrottle from 'p-throttle';
import { getProxyForUrl } from 'proxy-from-env';

/** How the tester reaches a target beyond plain HTTP: what a staging set-up or a gateway asks of a client. */
export interface NetworkOptions {
  /** Headers added to every request (a gateway key, a tenant): never the ones the client itself sets. */
  readonly headers?: Readonly<Record<string, string>>;
  /** PEM certificates trusted besides Node's bundled authorities (a private CA). */
  readonly ca?: string;
  /** A client certificate and its key, PEM, for targets that ask for mutual TLS. */
  readonly cert?: string;
  readonly key?: string;
  /** Accepts any server certificate: the token can then go to whoever answers (the run says so loudly). */
  readonly insecure?: boolean;
  /** Whether requests go through the proxy the standard variables name (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). */
  readonly proxyFromEnv?: boolean;
  /** The most requests started per second, for targets that limit their callers. */
  readonly requestsPerSecond?: number;
}

/** What a request needs to reach one URL besides plain HTTP: its TLS settings and, through a proxy, the agents that tunnel to it. */
export interface Connection {
  /** Node's TLS options for an https URL. */
  readonly tls?: {
    readonly ca?: string | string[];
    readonly cert?: string;
    readonly key?: string;
    readonly rejectUnauthorized?: boolean;
  };
  readonly agent?: { readonly http?: HttpAgent; readonly https?: HttpsAgent };
}

/**
 * One run's way onto the network: its extra headers, TLS trust and identity, proxy agents (one per proxy, kept alive)
 * and request pace. The proxy is chosen per URL by proxy-from-env, which reads the standard variables as curl does;
 * hpagent tunnels https through CONNECT and sends http in absolute form.
 */
export class Network {
  readonly headers: Readonly<Record<string, string>>;
  /** Whether server certificates go unchecked (`--insecure`). */
  readonly insecure: boolean;
  readonly #tls: NonNullable<Connection['tls']> | undefined;
  readonly #proxyFromEnv: boolean;
  readonly #agents = new Map<string, NonNullable<Connection['agent']>>();
  // The proxy of each origin a request went to: the variables are read once, not on every request of a crawl.
  readonly #proxies = new Map<string, string | undefined>();
  readonly #throttle: (<T>(send: () => Promise<T>) => Promise<T>) | undefined;

  constructor(options: NetworkOptions = {}) {
    this.headers = Object.freeze({ ...(options.headers ?? {}) });
    this.insecure = options.insecure === true;
    const tls = {
      ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
      ...(options.cert ? { cert: options.cert } : {}),
      ...(options.key ? { key: options.key } : {}),
      ...(options.insecure ? { rejectUnauthorized: false } : {}),
    };
    this.#tls = Object.keys(tls).length > 0 ? tls : undefined;
    this.#proxyFromEnv = options.proxyFromEnv === true;
    if (options.requestsPerSecond !== undefined) {
      const throttled = pThrottle({ limit: options.requestsPerSecond, interval: 1000 })(<T>(send: () => Promise<T>) => send());
      this.#throttle = throttled as <T>(send: () => Promise<T>) => Promise<T>;
    }
  }

  /** The proxy a request to `url` goes through, or undefined for a direct connection (read once per origin). */
  proxyFor(url: string): string | undefined {
    if (!this.#proxyFromEnv) return undefined;
    const origin = new URL(url).origin;
    if (!this.#proxies.has(origin)) this.#proxies.set(origin, getProxyForUrl(url) || undefined);
    return this.#proxies.get(origin);
  }

  /** What a request to `url` needs: the TLS settings, and the proxy's agents when it goes through one. */
  connectionFor(url: string): Connection {
    const proxy = this.proxyFor(url);
    return {
      ...(this.#tls ? { tls: this.#tls } : {}),
      ...(proxy ? { agent: this.#agentsFor(proxy) } : {}),
    };
  }

  /** Whether requests wait for their turn (`--rate-limit`). */
  get paces(): boolean {
    return this.#throttle !== undefined;
  }

  /** Runs `send` when the request pace allows it (at once without a pace). */
  paced<T>(send: () => Promise<T>): Promise<T> {
    return this.#throttle ? this.#throttle(send) : send();
  }

  /** Closes the proxy connections kept alive. */
  close(): void {
    for (const agents of this.#agents.values()) {
      agents.http?.destroy();
      agents.https?.destroy();
    }
    this.#agents.clear();
  }

  #agentsFor(proxy: string): NonNullable<Connection['agent']> {
    let agents = this.#agents.get(proxy);
    if (!agents) {
      const options = { proxy, keepAlive: true, maxSockets: 16 };
      agents = { http: new HttpProxyAgent(options), https: new HttpsProxyAgent(options) };
      this.#agents.set(proxy, agents);
    }
    return agents;
  }
}

/** A network with nothing beyond plain HTTP and HTTPS with Node's authorities: the reference parties' and the tests'. */
export const DIRECT = new Network();
