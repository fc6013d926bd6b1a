import type { Exchange } from '../model/exchange.js';
import { pass } from './finding.js';
import type { Finding } from '../model/finding.js';
import { judgeRouting, type RoutingParties } from './routing-headers.js';

/**
 * Asserts a request the target sent to one of the tester's functional modules carries the OCPI routing headers of a
 * peer-to-peer request: OCPI-from names one of the target's own identities (when its credentials named any), OCPI-to
 * names the tester, whose endpoint it called.
 */
export function checkRequestRouting(exchange: Exchange, parties: RoutingParties): Finding {
  return judgeRouting(exchange.request.headers, exchange.id, parties, {
    check: 'headers.request-routing',
    message: 'the request',
    due: 'requests to functional modules carry the OCPI-from and OCPI-to routing headers',
    tester: 'the tester',
    toReason: 'a request to a party\'s own endpoint is addressed to that party',
    passed: 'OCPI-from names the target and OCPI-to the tester',
  });
}

/**
 * The routing verdict on every request the target made in one step (its pulls, its results): each request that
 * fails, or one pass for them all.
 */
export function checkRequestsRouting(exchanges: readonly Exchange[], parties: RoutingParties): Finding[] {
  const wrong = exchanges.map((exchange) => checkRequestRouting(exchange, parties)).filter((finding) => finding.status === 'fail');
  if (wrong.length > 0) return wrong;
  const which = exchanges.length === 1 ? 'the one request' : `all ${exchanges.length} requests`;
  return [pass('headers.request-routing', `OCPI-from names the target and OCPI-to the tester on ${which}`, exchanges.length === 1 ? { exchangeId: (exchanges[0] as Exchange).id } : {})];
}
