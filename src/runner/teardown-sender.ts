import type { PartyRole } from '../model/party-role.js';
import type { Exchange } from '../model/exchange.js';
import type { OcpiClient } from '../transport/ocpi-client.js';
import type { TeardownSender } from './compensations.js';
import { routingHeaders } from './module-request.js';
import type { RunState, StateKey } from './run-state.js';

/**
 * A sender for one compensating step: the registration's token as it is at teardown (after any rotation), the
 * routing headers of a functional request unless told otherwise, and every exchange kept for the report.
 */
export function teardownSender(client: OcpiClient, state: ReadonlyMap<StateKey, unknown>, targetRole?: PartyRole): TeardownSender & { readonly exchanges: readonly Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    async send(request, { routing = true } = {}) {
      const session = state.get('session') as RunState['session'] | undefined;
      if (!session) throw new Error('no registration is left to send it with');
      const response = await client.send({
        ...request,
        token: request.token === undefined ? session.token : request.token,
        headers: { ...(routing ? routingHeaders(session.partner, targetRole) : {}), ...(request.headers ?? {}) },
      });
      exchanges.push(response.exchange);
      return response;
    },
  };
}
