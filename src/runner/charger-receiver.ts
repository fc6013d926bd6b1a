import type { EndpointEntry } from '../model/endpoint-entry.js';

/** The Receiver interfaces whose requests can act on a real charger: remote commands and charging profiles. */
export const CHARGER_MODULES: readonly string[] = ['commands', 'chargingprofiles'];

const withoutTrailingSlash = (path: string): string => path.replace(/\/+$/, '');

/**
 * The charger module (`commands`, `chargingprofiles`) whose declared Receiver URL a request URL is at or under, or
 * undefined. Compared by origin and path segments, so `.../commands/START_SESSION` is under `.../commands/` and
 * `.../commandsfoo` is not.
 */
export function chargerReceiverAt(url: string, endpoints: readonly EndpointEntry[]): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  const path = withoutTrailingSlash(target.pathname);
  for (const endpoint of endpoints) {
    if (!CHARGER_MODULES.includes(endpoint.identifier) || (endpoint.role ?? '').toUpperCase() !== 'RECEIVER') continue;
    let declared: URL;
    try {
      declared = new URL(endpoint.url);
    } catch {
      continue;
    }
    const base = withoutTrailingSlash(declared.pathname);
    if (declared.origin === target.origin && (path === base || path.startsWith(`${base}/`))) return endpoint.identifier;
  }
  return undefined;
}
