import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest } from '../server/ocpi-server.js';
import type { InboundCaller, InboundRecord } from './inbound-log.js';
import { refusal, routingHeaders } from './peer-sender-lists.js';

/** The collections of the Payments Receiver the peer offers a PTP under test (OCPI 2.3.0, spec-notes P1). */
export const PEER_PAYMENTS_COLLECTIONS = ['terminals', 'financial-advice-confirmations'] as const;

export type PeerPaymentsCollection = (typeof PEER_PAYMENTS_COLLECTIONS)[number];

/** A POST the target made to one collection of the peer's Payments Receiver. */
export interface PaymentsPost {
  readonly collection: PeerPaymentsCollection;
  readonly record: InboundRecord;
}

/** Where a collection of the peer's Payments Receiver takes POSTs, and its handler. */
export interface PeerPaymentsRoute {
  readonly collection: PeerPaymentsCollection;
  readonly handler: Handler;
}

/**
 * The peer's Payments Receiver, as a CPO offers one to its PTP: a POST of a Terminal or a Financial Advice
 * Confirmation is answered 201 without data (the chapter defines none) to a registered partner, 401 to anyone else,
 * with routing headers. What was POSTed is not judged here: the peer records every request, and PAY-11 judges them.
 */
export function peerPaymentsRoutes(identify: (request: ServerRequest) => InboundCaller): PeerPaymentsRoute[] {
  return PEER_PAYMENTS_COLLECTIONS.map((collection) => ({
    collection,
    handler: (request) => {
      const spec = refusal(request, identify(request)) ?? { status: 201, body: envelope(undefined) };
      return { ...spec, headers: { ...routingHeaders(request), ...(spec.headers ?? {}) } };
    },
  }));
}

/** The collection of the peer's Payments Receiver of `version` an inbound POST addressed, or undefined for any other request. */
export function paymentsCollectionOf(record: InboundRecord, version: string): PeerPaymentsCollection | undefined {
  if (record.exchange.request.method !== 'POST') return undefined;
  const path = new URL(record.exchange.request.url).pathname.replace(/\/+$/, '');
  return PEER_PAYMENTS_COLLECTIONS.find((collection) => path === `/ocpi/${version}/payments/${collection}`);
}
