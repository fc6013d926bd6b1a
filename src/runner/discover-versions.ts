import type { Secret } from '../config/secret.js';
import { TOOL } from '../tool-info.js';
import { OcpiClient } from '../transport/ocpi-client.js';
import { OriginPolicy } from '../transport/origin-policy.js';
import { Redactor } from '../transport/redactor.js';
import { TransportError } from '../transport/transport-error.js';
import type { Network } from '../transport/network.js';
import type { TokenEncoding } from '../transport/authorization.js';
import { offeredVersions } from './choose-versions.js';

/** How to read a target's versions list before a run chooses what to test. */
export interface DiscoverOptions {
  readonly versionsUrl: string;
  readonly token: Secret;
  /** The encoding the user asked for (`--raw-token`), tried first. */
  readonly rawToken: boolean;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly allowOrigins: readonly string[];
  readonly signal: AbortSignal;
  /** Extra headers, TLS, proxy and pace, as the run's requests have them. */
  readonly network?: Network;
}

/**
 * The versions the target's versions list names, read with the token the run was given; undefined when the list could
 * not be read (no answer, a refusal, no envelope), in which case the run goes ahead and VER-01 says what is wrong. The
 * token goes Base64-encoded (2.2 and later) unless `--raw-token`; a refusal is tried once more with the other encoding,
 * since a 2.1.1 party expects the token as it is and the run cannot know the version before it has read the list.
 * Nothing is judged here: VER-01 reads the list again as its evidence.
 */
export async function discoverVersions(options: DiscoverOptions): Promise<readonly string[] | undefined> {
  const redactor = new Redactor();
  redactor.add(options.token);
  let count = 0;
  const client = new OcpiClient({
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    tokenEncoding: 'base64',
    redactor,
    nextExchangeId: () => `discovery${++count}`,
    userAgent: `${TOOL.name}/${TOOL.version}`,
    origins: new OriginPolicy([options.versionsUrl, ...options.allowOrigins]),
    signal: options.signal,
    ...(options.network ? { network: options.network } : {}),
  });
  const encodings: TokenEncoding[] = options.rawToken ? ['raw', 'base64'] : ['base64', 'raw'];
  for (const tokenEncoding of encodings) {
    try {
      const response = await client.send({ method: 'GET', url: options.versionsUrl, token: options.token, tokenEncoding });
      if (response.status === 401 || response.status === 403) continue;
      const data: unknown = response.status === 200 && response.json ? (response.body as { data?: unknown } | null)?.data : undefined;
      return Array.isArray(data) ? offeredVersions(data) : undefined;
    } catch (error) {
      if (error instanceof TransportError) return undefined;
      throw error;
    }
  }
  return undefined;
}
