import type { TokenEncoding } from './authorization.js';
import type { Secret } from '../config/secret.js';
import type { Exchange } from '../model/exchange.js';
import type { OcpiClient } from './ocpi-client.js';
import { TransportError } from './transport-error.js';
import type { EndpointEntry } from '../model/endpoint-entry.js';
import { findVersion } from '../model/find-version.js';

/** The partner's endpoints for one version, or why they could not be had. */
export type VersionDetailsResult =
  | { readonly ok: true; readonly version: string; readonly detailsUrl: string; readonly endpoints: readonly EndpointEntry[]; readonly exchanges: readonly Exchange[] }
  | { readonly ok: false; readonly reason: string; readonly exchanges: readonly Exchange[] };

function dataOf(body: unknown): unknown {
  return body !== null && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
}

/**
 * The GETs every registering party makes of the other: the versions list, then the details of `version`. Used by the
 * reference parties and by the tester's peer when they act on a registration; never throws.
 */
export async function fetchVersionDetails(client: OcpiClient, options: { versionsUrl: string; token: Secret; version: string; tokenEncoding?: TokenEncoding }): Promise<VersionDetailsResult> {
  const encoding = options.tokenEncoding === undefined ? {} : { tokenEncoding: options.tokenEncoding };
  const exchanges: Exchange[] = [];
  try {
    const versions = await client.send({ method: 'GET', url: options.versionsUrl, token: options.token, ...encoding });
    exchanges.push(...versions.redirects, versions.exchange);
    if (versions.status !== 200 || !versions.json) return { ok: false, reason: `versions endpoint answered HTTP ${versions.status}`, exchanges };
    const list = dataOf(versions.body);
    const entry = findVersion(list, options.version);
    if (!entry) return { ok: false, reason: `versions list has no ${options.version}`, exchanges };
    const details = await client.send({ method: 'GET', url: entry.url, token: options.token, ...encoding });
    exchanges.push(...details.redirects, details.exchange);
    if (details.status !== 200 || !details.json) return { ok: false, reason: `version details endpoint answered HTTP ${details.status}`, exchanges };
    const endpoints = (dataOf(details.body) as { endpoints?: unknown } | undefined)?.endpoints;
    if (!Array.isArray(endpoints)) return { ok: false, reason: 'version details have no endpoints list', exchanges };
    const valid = endpoints.filter((e): e is EndpointEntry => typeof e?.identifier === 'string' && typeof e?.url === 'string');
    return { ok: true, version: options.version, detailsUrl: entry.url, endpoints: valid, exchanges };
  } catch (error) {
    if (error instanceof TransportError) {
      exchanges.push(...error.redirects, error.exchange);
      return { ok: false, reason: error.message, exchanges };
    }
    throw error;
  }
}
