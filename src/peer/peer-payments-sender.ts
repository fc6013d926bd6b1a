import { envelope } from '../server/envelope.js';
import type { Handler, ServerRequest } from '../server/ocpi-server.js';
import { senderListRoute } from '../parties/sender-list.js';
import type { InboundCaller, InboundRecord } from './inbound-log.js';
import { refusal, routingHeaders } from './peer-sender-lists.js';

/** What a CPO may ask of a PTP's Terminals interface besides reading it (spec-notes P4). */
export type TerminalsRequestKind = 'activate' | 'put' | 'patch' | 'deactivate';

/** A request the target (a CPO) made to the Terminals interface the peer offers as a PTP. */
export interface TerminalsRequest {
  readonly kind: TerminalsRequestKind;
  readonly record: InboundRecord;
}

/** One route of the peer's Payments Sender, relative to the version's details path. */
export interface PeerPaymentsSenderRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  readonly path: string;
  readonly handler: Handler;
}

/**
 * The peer's Payments Sender, as a PTP offers one to its CPO (OCPI 2.3.0): its Terminals and Financial Advice
 * Confirmations lists, empty (the tester has no terminals), and the writes a CPO may send on Terminals (activation,
 * PUT, PATCH, deactivation), each answered with success and no data (the chapter defines none) to a registered
 * partner, 401 to anyone else, with routing headers. The peer records every request; PAY-04 judges the writes.
 */
export function peerPaymentsSenderRoutes(identify: (request: ServerRequest) => InboundCaller): PeerPaymentsSenderRoute[] {
  const answer = (handler: Handler): Handler => async (request) => {
    const spec = refusal(request, identify(request)) ?? (await handler(request));
    return { ...spec, headers: { ...routingHeaders(request), ...(spec.headers ?? {}) } };
  };
  const done: Handler = () => ({ status: 200, body: envelope(undefined) });
  const empty = (module: 'terminals' | 'confirmations'): Handler => senderListRoute({ module, items: () => [], pageSize: 10, faults: new Set() }).handler;
  return [
    { method: 'GET', path: '/payments/terminals', handler: answer(empty('terminals')) },
    { method: 'GET', path: '/payments/financial-advice-confirmations', handler: answer(empty('confirmations')) },
    { method: 'POST', path: '/payments/terminals/activate', handler: answer(done) },
    { method: 'PUT', path: '/payments/terminals/:terminal_id', handler: answer(done) },
    { method: 'PATCH', path: '/payments/terminals/:terminal_id', handler: answer(done) },
    { method: 'POST', path: '/payments/terminals/:terminal_id/deactivate', handler: answer(done) },
  ];
}

/** What an inbound request to the peer's Terminals interface of `version` asked, or undefined for a read or any other request. */
export function terminalsRequestKindOf(record: InboundRecord, version: string): TerminalsRequestKind | undefined {
  const { method, url } = record.exchange.request;
  const path = new URL(url).pathname.replace(/\/+$/, '');
  const prefix = `/ocpi/${version}/payments/terminals/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length).split('/');
  if (method === 'POST' && rest.length === 1 && rest[0] === 'activate') return 'activate';
  if (method === 'POST' && rest.length === 2 && rest[1] === 'deactivate') return 'deactivate';
  if (rest.length === 1 && (method === 'PUT' || method === 'PATCH')) return method === 'PUT' ? 'put' : 'patch';
  return undefined;
}
