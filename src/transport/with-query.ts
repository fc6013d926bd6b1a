/**
 * A URL with query parameters appended (each name and value URL-encoded), after any query it already has. Unlike
 * `URL.searchParams`, it leaves the rest of the URL (a declared module URL's own query included) byte for byte as it
 * was, so a server that only answers the exact URL it declared still does; with no parameters the URL is unchanged.
 */
export function withQuery(url: string, query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  if (pairs.length === 0) return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const joiner = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${joiner}${pairs.join('&')}${fragment}`;
}
