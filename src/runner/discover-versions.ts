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

/** What reading the target's versions list gave: the versions and the token form it took, or why there are none. */
export type VersionsRead =
  | { readonly kind: 'listed'; readonly versions: readonly string[]; readonly encoding: TokenEncoding }
  | { readonly kind: 'refused'; readonly status: number }
  | { readonly kind: 'not-a-list'; readonly status: number; readonly contentType?: string }
  | { readonly kind: 'unreachable'; readonly message: string };

/**
 * Reads the target's versions list with the token the run was given. The token goes Base64-encoded (2.2 and later)
 * unless `--raw-token`; a refusal is tried once more with the other encoding, since a 2.1.1 party expects the token as
 * it is and the run cannot know the version before it has read the list. Nothing is judged here: VER-01 reads the list
 * again as its evidence, and `doctor` says what each outcome means.
 */
export async function readVersionsList(options: DiscoverOptions): Promise<VersionsRead> {
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
  let refused = 0;
  for (const tokenEncoding of encodings) {
    try {
      const response = await client.send({ method: 'GET', url: options.versionsUrl, token: options.token, tokenEncoding });
      if (response.status === 401 || response.status === 403) {
        refused = response.status;
        continue;
      }
      const data: unknown = response.status === 200 && response.json ? (response.body as { data?: unknown } | null)?.data : undefined;
      if (Array.isArray(data)) return { kind: 'listed', versions: offeredVersions(data), encoding: tokenEncoding };
      const contentType = response.headers['content-type'];
      return { kind: 'not-a-list', status: response.status, ...(contentType ? { contentType } : {}) };
    } catch (error) {
      if (error instanceof TransportError) return { kind: 'unreachable', message: redactor.text(error.message) };
      throw error;
    }
  }
  return { kind: 'refused', status: refused };
}

/** Why the versions list could not be read, in the user's words with what to try; undefined when it was. */
export function versionsProblem(read: VersionsRead): string | undefined {
  switch (read.kind) {
    case 'listed':
      return undefined;
    case 'unreachable':
      return read.message;
    case 'refused':
      return `the target refused the token (HTTP ${read.status}) Base64-encoded and as it is: check --token (a Token A already used by an earlier registration is no longer valid)`;
    case 'not-a-list':
      return `the versions URL answered HTTP ${read.status}${read.contentType ? ` (${read.contentType})` : ''} without an OCPI versions list: is --versions-url the target's OCPI versions endpoint?`;
  }
}
