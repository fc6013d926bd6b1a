import type { Exchange } from '../model/exchange.js';

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// Headers curl sets itself, or that only describe this one run.
const SKIPPED_HEADERS = new Set(['user-agent', 'accept', 'content-length', 'host', 'connection', 'authorization']);

// The Base64 form of $OCPI_TOKEN with any shell's base64 (GNU wraps its output at 76 columns, BSD and macOS take no -w).
const BASE64_TOKEN = '$(printf %s "$OCPI_TOKEN" | base64 | tr -d \'\\n\')';
// A token inside a body (a Credentials token the tester made up) is never printed: the line reads it from a variable.
const BODY_TOKEN_VARIABLE = 'OCPI_BODY_TOKEN';

/**
 * A curl command that repeats an outbound request, pasteable in any POSIX shell. The token never appears: the
 * Authorization header reads it from $OCPI_TOKEN and Base64-encodes it as OCPI 2.2+ requires; a token field of the
 * body reads $OCPI_BODY_TOKEN.
 */
export function toCurl(exchange: Exchange): string {
  const { request } = exchange;
  const parts = ['curl', '-sS', '-X', request.method, quote(request.url)];
  if (request.headers['authorization'] !== undefined) parts.push('-H', `"Authorization: Token ${BASE64_TOKEN}"`);
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SKIPPED_HEADERS.has(name)) parts.push('-H', quote(`${name}: ${value}`));
  }
  const body = request.body !== undefined ? JSON.stringify(request.body) : request.rawBody;
  // Inside the single-quoted body, each redacted token closes the quotes around a double-quoted variable.
  if (body !== undefined) parts.push('--data-raw', quote(body).split('"[redacted]"').join(`"'"$${BODY_TOKEN_VARIABLE}"'"`));
  return parts.join(' ');
}
