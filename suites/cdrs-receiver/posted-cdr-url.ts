import type { OcpiResponse } from '../../src/runner/case-context.js';

/**
 * The URL of a POSTed CDR in the eMSP's system, from the response's Location header: an absolute http(s) URL of at
 * most 255 characters (OCPI's URL type), or why the header gives none. With `base` (OCPI 2.1.1, whose example is a
 * path), a relative header is resolved against it.
 */
export function postedCdrUrl(response: OcpiResponse, base?: string): { url: string } | { problem: string } {
  const location = response.headers['location'];
  if (location === undefined || location.trim() === '') return { problem: 'the response has no Location header' };
  if (location.length > 255) return { problem: `the Location header is ${location.length} characters long, more than the 255 of an OCPI URL` };
  let parsed: URL;
  try {
    parsed = new URL(location, base);
  } catch {
    return { problem: `the Location header ${JSON.stringify(location)} is not an absolute URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { problem: `the Location header ${JSON.stringify(location)} is not an http(s) URL` };
  return { url: base === undefined ? location : parsed.href };
}
