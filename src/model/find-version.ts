/**
 * The entry of a versions list for one version, when it has one with a URL. A pure reading of OCPI data, here because
 * the transport (which URL to GET next) and the checks (what the list offers) must read the list the same way.
 */
export function findVersion(list: unknown, wanted: string): { version: string; url: string } | undefined {
  if (!Array.isArray(list)) return undefined;
  const entry = (list as Array<{ version?: unknown; url?: unknown }>).find((item) => item?.version === wanted);
  return entry && typeof entry.url === 'string' ? { version: wanted, url: entry.url } : undefined;
}
