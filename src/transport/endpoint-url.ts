/**
 * The URL of a resource under a module URL a party declared in its version details.
 *
 * OCPI leaves the form of a module URL to the party that declares it, and the other party appends the object's path
 * segments to it. Some servers answer only the URL exactly as declared (a trailing slash included) and redirect any
 * other form, so the declared URL is never reshaped: with no segments it is returned as is, and with segments exactly
 * one slash separates it from the first, whether or not the declared URL ends in one. Each segment is URL-encoded,
 * since ids come from the parties' data. A query string (or fragment) of the declared URL stays at the end.
 */
export function endpointUrl(declared: string, ...segments: readonly string[]): string {
  if (segments.length === 0) return declared;
  if (segments.some((segment) => segment === '')) {
    // An empty segment would silently address another resource (`…/locations/` is the list itself).
    throw new RangeError(`an empty path segment cannot be appended to ${declared}`);
  }
  const cut = declared.search(/[?#]/);
  const path = cut === -1 ? declared : declared.slice(0, cut);
  const suffix = cut === -1 ? '' : declared.slice(cut);
  const separator = path.endsWith('/') ? '' : '/';
  return `${path}${separator}${segments.map(encodeURIComponent).join('/')}${suffix}`;
}
