import type { Exchange } from '../model/exchange.js';
import type { OcpiResponse } from './ocpi-client.js';

// Every view handed out, so that the one place that keeps evidence can refuse one.
const views = new WeakSet<Exchange>();

/**
 * The exchange of a response with its body as received, not redacted: for checks that judge a page and drop it (a
 * crawl), so that a page no one keeps is never copied to be redacted. Never evidence: a case context refuses to keep
 * one, and redacts every finding it records, so nothing read from the body reaches a report with a token in it.
 */
export function receivedView(response: OcpiResponse): Exchange {
  const { exchange } = response;
  const recorded = exchange.response;
  if (!recorded || !response.json) return exchange;
  const view: Exchange = Object.freeze({
    id: exchange.id,
    direction: exchange.direction,
    request: exchange.request,
    // Every field but the body, read one by one: spreading the recorded response would redact its body.
    response: Object.freeze({ status: recorded.status, headers: recorded.headers, body: response.body, ...(recorded.note === undefined ? {} : { note: recorded.note }) }),
    timings: exchange.timings,
  });
  views.add(view);
  return view;
}

/** Whether an exchange is a view with its body as received, which must never be kept as evidence. */
export function isReceivedView(exchange: Exchange): boolean {
  return views.has(exchange);
}
