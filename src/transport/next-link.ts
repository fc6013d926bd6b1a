import LinkHeader from 'http-link-header';

/** What a paginated response's Link header says about the next page. */
export type NextLink =
  | { readonly kind: 'none' }
  | { readonly kind: 'next'; readonly url: string }
  | { readonly kind: 'malformed'; readonly header: string; readonly reason: string };

/**
 * Reads `Link: <url>; rel="next"` (RFC 8288) from a response. A relative reference is resolved against the request
 * URL, as the RFC says; a header that does not parse, or a next URL that is not http(s), is `malformed`.
 */
export function nextLink(header: string | undefined, requestUrl: string): NextLink {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  let next: string | undefined;
  try {
    next = LinkHeader.parse(header).rel('next')[0]?.uri;
  } catch (error) {
    return { kind: 'malformed', header, reason: error instanceof Error ? error.message : String(error) };
  }
  if (next === undefined) return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(next, requestUrl);
  } catch {
    return { kind: 'malformed', header, reason: `"${next}" is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'malformed', header, reason: `"${next}" is not an http(s) URL` };
  return { kind: 'next', url: url.href };
}
