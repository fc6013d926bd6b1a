import { sameOrigin } from '../model/same-origin.js';

/** What the client does with a response: keep it, follow its redirect, or refuse to follow it. */
export type RedirectTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'follow'; readonly url: string }
  | { readonly kind: 'refuse'; readonly url: string };

// Only these keep the method and body by definition (RFC 9110 §15.4.8, §15.4.9); 301, 302 and 303 may turn a POST or
// PUT into a GET, which would test something other than what the case sent, so they are returned as they are.
const METHOD_KEEPING = new Set([307, 308]);

/**
 * Where a 307 or 308 response sends the request: its Location header resolved against the request URL. A target on
 * another origin (scheme, host or port) is refused, since following it would hand the credentials token to a server
 * the target's declared URLs never named. A missing or unparsable Location is nothing to follow.
 */
export function redirectTarget(status: number, location: string | undefined, requestUrl: string): RedirectTarget {
  if (!METHOD_KEEPING.has(status) || location === undefined || location.trim() === '') return { kind: 'none' };
  let target: URL;
  try {
    target = new URL(location.trim(), requestUrl);
  } catch {
    return { kind: 'none' };
  }
  return sameOrigin(target.href, requestUrl) ? { kind: 'follow', url: target.href } : { kind: 'refuse', url: target.href };
}
