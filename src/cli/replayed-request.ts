import { ConfigError } from '../config/config-error.js';
import { REDACTED, type Secret } from '../config/secret.js';
import type { Exchange } from '../model/exchange.js';
import type { OcpiRequest } from '../transport/ocpi-client.js';

// Headers the client sets itself on a replay (fresh ids, its own token encoding), or that describe the old connection.
const CLIENT_HEADERS = new Set(['authorization', 'x-request-id', 'x-correlation-id', 'content-length', 'content-type', 'host', 'connection', 'user-agent', 'accept']);

/** One exchange of a saved report, and whether the request could act on a charger (remote commands, profiles). */
export interface SavedExchange {
  readonly exchange: Exchange;
  readonly actsOnChargers: boolean;
  /** The OCPI version it was made in: its case's, else the version the report tested (absent when it names none). */
  readonly version?: string;
}

// The modules whose requests reach chargers: the run sends them only with --allow-commands (DESIGN §7), and so does replay.
const CHARGER_MODULES = new Set(['commands', 'chargingprofiles']);

/**
 * The exchanges of a saved JSON report, by id: every case's, the teardown's and the target's own requests. A request
 * of a Commands or ChargingProfiles case, of the teardown (a STOP_SESSION, a cancellation), or to a URL with such a
 * segment acts on chargers.
 */
export function reportExchanges(report: unknown): Map<string, SavedExchange> {
  const found = new Map<string, SavedExchange>();
  const r = (report ?? {}) as { target?: { ocpiVersion?: unknown }; cases?: Array<{ module?: string; ocpiVersion?: unknown; exchanges?: unknown }>; teardown?: Array<{ exchanges?: unknown }>; peerInbound?: unknown };
  const tested = typeof r.target?.ocpiVersion === 'string' ? r.target.ocpiVersion : undefined;
  const take = (exchanges: unknown, chargers: boolean, version = tested): void => {
    if (!Array.isArray(exchanges)) return;
    for (const exchange of exchanges as Exchange[]) {
      if (!exchange || typeof exchange.id !== 'string' || found.has(exchange.id)) continue;
      const segments = String(exchange.request?.url ?? '').split(/[/?#]/);
      const actsOnChargers = chargers || segments.some((segment) => CHARGER_MODULES.has(segment.toLowerCase()));
      found.set(exchange.id, { exchange, actsOnChargers, ...(version !== undefined ? { version } : {}) });
    }
  };
  for (const c of r.cases ?? []) take(c.exchanges, CHARGER_MODULES.has(c.module ?? ''), typeof c.ocpiVersion === 'string' ? c.ocpiVersion : tested);
  for (const step of r.teardown ?? []) take(step.exchanges, true);
  take(r.peerInbound, false);
  return found;
}

/** A JSON value with every redacted string (a token the run knew) replaced by `token`. */
function withToken(value: unknown, token: string): unknown {
  if (value === REDACTED) return token;
  if (Array.isArray(value)) return value.map((item) => withToken(item, token));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withToken(item, token)]));
  return value;
}

const holdsRedacted = (value: unknown): boolean => JSON.stringify(value ?? null).includes(`"${REDACTED}"`);

/**
 * The request a recorded outbound exchange made, ready to send again: the same method, URL, headers and body; the
 * Authorization token and any token inside the body from what the user gives (the report never holds them); headers
 * whose values were redacted (a gateway key given with --header) left out, and named.
 */
export function replayedRequest(exchange: Exchange, given: { token?: Secret; bodyToken?: Secret }): { request: OcpiRequest; droppedHeaders: string[] } {
  if (exchange.direction !== 'outbound') throw new ConfigError(`exchange ${exchange.id} is a request the target made to the tester: only the tester's own requests can be replayed`);
  const recorded = exchange.request;
  if (recorded.url.includes(REDACTED)) throw new ConfigError(`the URL of exchange ${exchange.id} held a token, which no report holds: it cannot be replayed`);
  const carriesToken = recorded.headers['authorization'] !== undefined;
  if (carriesToken && !given.token) throw new ConfigError(`exchange ${exchange.id} carried a credentials token, which no report holds: give it with --token or OCPI_CONFORMANCE_TOKEN`);
  if ((holdsRedacted(recorded.body) || (recorded.rawBody ?? '').includes(REDACTED)) && !given.bodyToken) {
    throw new ConfigError(`the body of exchange ${exchange.id} held a token, which no report holds: give it with --body-token or OCPI_BODY_TOKEN`);
  }
  const headers: Record<string, string> = {};
  const droppedHeaders: string[] = [];
  for (const [name, value] of Object.entries(recorded.headers)) {
    if (CLIENT_HEADERS.has(name)) continue;
    if (value.includes(REDACTED)) droppedHeaders.push(name);
    else headers[name] = value;
  }
  const bodyToken = given.bodyToken?.reveal() ?? '';
  const request: OcpiRequest = {
    method: recorded.method as OcpiRequest['method'],
    url: recorded.url,
    token: carriesToken ? (given.token as Secret) : null,
    headers,
    ...(recorded.body !== undefined ? { body: withToken(recorded.body, bodyToken) } : {}),
    ...(recorded.body === undefined && recorded.rawBody !== undefined ? { rawBody: recorded.rawBody.split(REDACTED).join(bodyToken) } : {}),
  };
  return { request, droppedHeaders };
}
