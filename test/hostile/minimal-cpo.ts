import type { IncomingMessage } from 'node:http';
import { generateLocations } from '../../src/ocpi-data/generate-locations.js';
import type { Location } from '../../src/ocpi-data/ocpi-objects.js';
import { SeededRandom } from '../../src/ocpi-data/seeded-random.js';
import { dateTimeMs, ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { readAuthorization } from '../../src/transport/authorization.js';

/** Which endpoint of the minimal CPO a request is for. */
export type Route = 'versions' | 'details' | 'credentials' | 'locations' | 'other';

/** The endpoint a request is for, by its path. */
export function routeOf(req: IncomingMessage): Route {
  const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
  if (path === '/ocpi/versions') return 'versions';
  if (path === '/ocpi/2.2.1') return 'details';
  if (path === '/ocpi/2.2.1/credentials') return 'credentials';
  if (path.startsWith('/ocpi/2.2.1/locations')) return 'locations';
  return 'other';
}

const PAGE = 5;
const NOW = Math.floor(Date.now() / 1000);
const LOCATIONS: readonly Location[] = generateLocations({ random: new SeededRandom(7), countryCode: 'NL', partyId: 'HOS', count: 12, tariffs: [], from: NOW - 86_400 * 30, to: NOW - 60 });

/** What the minimal CPO needs to answer one request. */
export interface MinimalCpoRequest {
  readonly req: IncomingMessage;
  readonly route: Route;
  readonly body: string;
  readonly origin: string;
  /** The tokens the CPO accepts: Token A and those it issued; it adds those it issues. */
  readonly valid: Set<string>;
  /** Every token seen so far, for leak checks; the CPO adds the Token B it is given. */
  readonly seen: Set<string>;
}

const envelope = (data: unknown, status = 1000): Record<string, unknown> => ({ ...(data === undefined ? {} : { data }), status_code: status, status_message: status === 1000 ? 'Success' : 'Error', timestamp: ocpiNow() });

/**
 * The answers of a minimal OCPI 2.2.1 CPO: versions, version details, credentials (registration issues a Token C;
 * it does not GET the tester back), and a Locations list paged by five with date filters. Enough for a run to reach
 * every stage; conformance of the details is not its point.
 */
export function minimalCpoAnswer(request: MinimalCpoRequest): { status: number; headers: Record<string, string>; body: unknown } {
  const { req, route, origin, valid, seen } = request;
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}): { status: number; headers: Record<string, string>; body: unknown } => ({
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': String(req.headers['x-request-id'] ?? ''), 'x-correlation-id': String(req.headers['x-correlation-id'] ?? ''), ...headers },
    body,
  });
  const token = readAuthorization(req.headers.authorization).token;
  if (token === undefined || !valid.has(token)) return json(envelope(undefined, 2000), 401);
  const base = `${origin}/ocpi/2.2.1`;
  switch (route) {
    case 'versions':
      return json(envelope([{ version: '2.2.1', url: base }]));
    case 'details':
      return json(envelope({ version: '2.2.1', endpoints: [{ identifier: 'credentials', role: 'RECEIVER', url: `${base}/credentials` }, { identifier: 'locations', role: 'SENDER', url: `${base}/locations` }] }));
    case 'credentials': {
      if (req.method === 'DELETE') return json(envelope(undefined));
      if (req.method === 'POST' || req.method === 'PUT') {
        const given = (JSON.parse(request.body || '{}') as { token?: unknown }).token;
        if (typeof given === 'string') seen.add(given);
      }
      const issued = `hostile-token-c-${valid.size}-0123456789`;
      if (req.method !== 'GET') {
        valid.add(issued);
        seen.add(issued);
      }
      return json(envelope({ token: req.method === 'GET' ? token : issued, url: `${origin}/ocpi/versions`, roles: [{ role: 'CPO', country_code: 'NL', party_id: 'HOS', business_details: { name: 'Hostile CPO' } }] }));
    }
    case 'locations':
      return locationsPage(req, base, json);
    default:
      return json(envelope(undefined, 2000), 404);
  }
}

function locationsPage(req: IncomingMessage, base: string, json: (body: unknown, status?: number, headers?: Record<string, string>) => ReturnType<typeof minimalCpoAnswer>): ReturnType<typeof minimalCpoAnswer> {
  const url = new URL(req.url ?? '/', base);
  const id = url.pathname.replace(/\/+$/, '').split('/locations')[1]?.split('/').filter(Boolean);
  if (id && id.length > 0) {
    const location = LOCATIONS.find((l) => l.id === id[id.length === 3 ? 2 : 0]);
    return location && id.length <= 3 ? json(envelope(location)) : json(envelope(undefined, 2003), 404);
  }
  const from = url.searchParams.get('date_from');
  const to = url.searchParams.get('date_to');
  const matching = LOCATIONS.filter((l) => (from === null || dateTimeMs(l.last_updated) >= dateTimeMs(from)) && (to === null || dateTimeMs(l.last_updated) < dateTimeMs(to)));
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = Math.min(PAGE, Number(url.searchParams.get('limit') ?? PAGE));
  const page = matching.slice(offset, offset + limit);
  const headers: Record<string, string> = { 'x-total-count': String(matching.length), 'x-limit': String(PAGE) };
  if (offset + limit < matching.length) {
    const next = new URL(`${base}/locations`);
    for (const [name, value] of url.searchParams) if (name !== 'offset') next.searchParams.set(name, value);
    next.searchParams.set('offset', String(offset + limit));
    headers['link'] = `<${next.href}>; rel="next"`;
  }
  return json(envelope(page), 200, headers);
}
