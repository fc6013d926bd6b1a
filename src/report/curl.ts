import type { Exchange } from '../model/exchange.js';

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// Headers curl sets itself, or that only describe this one run.
const SKIPPED_HEADERS = new Set(['user-agent', 'accept', 'content-length', 'host', 'connection', 'authorization']);

/**
 * A curl command that repeats an outbound request. The token never appears: the Authorization header reads the
 * token from $OCPI_TOKEN and Base64-encodes it as OCPI 2.2+ requires; tokens inside bodies stay redacted.
 */
export function toCurl(exchange: Exchange): string {
  const { request } = exchange;
  const parts = ['curl', '-sS', '-X', request.method, quote(request.url)];
  if (request.headers['authorization'] !== undefined) parts.push('-H', '"Authorization: Token $(printf %s "$OCPI_TOKEN" | base64 -w0)"');
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SKIPPED_HEADERS.has(name)) parts.push('-H', quote(`${name}: ${value}`));
  }
  const body = request.body !== undefined ? JSON.stringify(request.body) : request.rawBody;
  if (body !== undefined) parts.push('--data-raw', quote(body));
  return parts.join(' ');
}
