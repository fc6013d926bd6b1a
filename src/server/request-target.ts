/** Where a request went, read without trusting it. */
export interface RequestTarget {
  /** The path as sent (still percent-encoded), "/" when the target was not a path. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The full URL, always one `new URL()` accepts, so that whoever reads the record later cannot trip on it. */
  readonly url: string;
  /** The decoded path segments, for routing. */
  readonly segments: readonly string[];
  /** Why the target cannot be routed (not a path, a malformed percent-encoding); the request is answered 400. */
  readonly problem?: string;
}

/**
 * Reads the request target of an inbound request against the server's base URL. Never throws: a target that is not an
 * origin-form path, or whose segments do not decode, comes back with a `problem` instead.
 */
export function readRequestTarget(raw: string, base: string): RequestTarget {
  const shown = JSON.stringify(raw.length > 200 ? `${raw.slice(0, 200)}...` : raw);
  const unroutable = (problem: string): RequestTarget => ({ path: '/', query: new URLSearchParams(), url: `${base}/`, segments: [], problem });
  // "//host/x" would read as another host; "*" and absolute forms are not paths of ours.
  if (!raw.startsWith('/') || raw.startsWith('//')) return unroutable(`the request target ${shown} is not a path`);
  let parsed: URL;
  try {
    parsed = new URL(`${base}${raw}`);
  } catch {
    return unroutable(`the request target ${shown} is not a valid URL path`);
  }
  const segments: string[] = [];
  for (const segment of parsed.pathname.split('/').filter(Boolean)) {
    try {
      segments.push(decodeURIComponent(segment));
    } catch {
      return { path: parsed.pathname, query: parsed.searchParams, url: `${base}${raw}`, segments: [], problem: `the path ${shown} has a malformed percent-encoding` };
    }
  }
  return { path: parsed.pathname, query: parsed.searchParams, url: `${base}${raw}`, segments };
}
