import type { Network } from '../transport/network.js';

/** A proxy URL as it may be printed: without the user name and password it may carry. */
function printable(proxy: string): string {
  try {
    const url = new URL(proxy);
    url.username = '';
    url.password = '';
    return url.href.replace(/\/$/, '');
  } catch {
    return 'a proxy';
  }
}

/**
 * What a run says before it sends anything about how it reaches the target, when that is not a plain connection: the
 * certificate checks turned off (loudly: the token then goes to whoever answers), and the proxy the environment names.
 */
export function networkNotices(network: Network, versionsUrl: string | undefined): string[] {
  const notices: string[] = [];
  if (network.insecure) {
    notices.push('WARNING --insecure: TLS certificates are not checked, so whoever answers at the target\'s address receives the token; trust a private authority with --cacert FILE instead');
  }
  const proxy = versionsUrl ? network.proxyFor(versionsUrl) : undefined;
  if (proxy) notices.push(`Requests to the target go through the proxy ${printable(proxy)} (HTTPS_PROXY / HTTP_PROXY; hosts in NO_PROXY are reached directly)`);
  return notices;
}
