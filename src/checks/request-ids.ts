import type { Exchange } from '../model/exchange.js';
import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';

function echoed(exchange: Exchange, header: string, check: string): Finding {
  const sent = exchange.request.headers[header];
  const received = exchange.response?.headers[header];
  const name = header.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => `${dash}${c.toUpperCase()}`).replace('Id', 'ID');
  if (sent !== undefined && received === sent) return pass(check, `${name} echoed`, { exchangeId: exchange.id });
  const what = received === undefined ? `the response has no ${name}` : `the response's ${name} differs from the request's`;
  return fail(check, `${what}: every response must carry the request's ${name}`, { exchangeId: exchange.id, expected: sent ?? null, actual: received ?? null });
}

/** Asserts the response echoes the request's X-Request-ID (OCPI 2.2+). */
export function checkRequestIdEchoed(exchange: Exchange): Finding {
  return echoed(exchange, 'x-request-id', 'headers.request-id-echoed');
}

/** Asserts the response echoes the request's X-Correlation-ID (OCPI 2.2+). */
export function checkCorrelationIdEchoed(exchange: Exchange): Finding {
  return echoed(exchange, 'x-correlation-id', 'headers.correlation-id-echoed');
}
