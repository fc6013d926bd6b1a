import type { Exchange } from '../model/exchange.js';

// A body longer than this is cut in a transcript (the JSON report keeps it whole).
const MAX_BODY_CHARS = 20_000;

function bodyLines(body: unknown, rawBody: string | undefined): string[] {
  const text = body !== undefined ? JSON.stringify(body, null, 2) : rawBody;
  if (text === undefined || text === '') return [];
  const cut = text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}\n… (${text.length - MAX_BODY_CHARS} more characters)` : text;
  return ['', ...cut.split('\n')];
}

/** Who called whom, in the words every report uses. */
export const exchangeDirection = (exchange: Exchange): string => (exchange.direction === 'inbound' ? 'the target called the tester' : 'the tester called the target');

/** What came back: the HTTP status, or why there was no response. */
export const exchangeOutcome = (exchange: Exchange): string => (exchange.response ? `HTTP ${exchange.response.status}` : `no response (${exchange.error?.message ?? 'unknown error'})`);

const headerLines = (headers: Readonly<Record<string, string>>): string[] => Object.entries(headers).map(([name, value]) => `${name}: ${value}`);

/**
 * One exchange as a person reads it in a transcript: the request line, headers and body marked `>`, then the status,
 * headers and body of the response marked `<` (or why there was none). Exchanges are redacted when recorded, so
 * neither tokens nor Authorization values appear.
 */
export function renderTranscript(exchange: Exchange): string[] {
  const { request, response, error, timings } = exchange;
  const lines = [`${exchangeDirection(exchange)}, ${timings.startedAt}`];
  for (const line of [`${request.method} ${request.url}`, ...headerLines(request.headers), ...bodyLines(request.body, request.rawBody)]) lines.push(`> ${line}`.trimEnd());
  if (!response) {
    lines.push(`< no response: ${error?.message ?? 'unknown error'} (${timings.durationMs} ms)`);
    return lines;
  }
  for (const line of [`HTTP ${response.status} (${timings.durationMs} ms)`, ...headerLines(response.headers), ...bodyLines(response.body, response.rawBody)]) lines.push(`< ${line}`.trimEnd());
  return lines;
}
