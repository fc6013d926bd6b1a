import { dateTimeMs } from '../schemas/ocpi-datetime.js';
import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { CpoListModule, CpoStore } from './cpo-store.js';
import type { ModuleRoute } from './functional-endpoint.js';
import type { PartyContext } from './party-context.js';


/** The paging query of a list request, or the 2001 answer explaining what is wrong with it. */
interface PageQuery {
  readonly from?: number;
  readonly to?: number;
  readonly offset: number;
  readonly limit?: number;
}

function readQuery(query: URLSearchParams): PageQuery | ServerResponseSpec {
  const bad = (message: string): ServerResponseSpec => ({ status: 200, body: envelope(undefined, 2001, message) });
  const parsed: { from?: number; to?: number; offset: number; limit?: number } = { offset: 0 };
  for (const [name, key] of [['date_from', 'from'], ['date_to', 'to']] as const) {
    const value = query.get(name);
    if (value === null) continue;
    const at = dateTimeMs(value);
    if (Number.isNaN(at)) return bad(`${name} is not a DateTime`);
    parsed[key] = at;
  }
  for (const name of ['offset', 'limit'] as const) {
    const value = query.get(name);
    if (value === null) continue;
    if (!/^\d+$/.test(value) || (name === 'limit' && Number(value) === 0)) return bad(`${name} is not a ${name === 'limit' ? 'positive ' : ''}whole number`);
    parsed[name] = Number(value);
  }
  return parsed;
}

/** The objects matching the date filter: date_from inclusive, date_to exclusive (a fault makes date_from exclusive). */
function matching(party: PartyContext, module: CpoListModule, items: readonly { readonly last_updated: string }[], q: PageQuery): readonly { readonly last_updated: string }[] {
  if (q.from === undefined && q.to === undefined) return items;
  const fromExclusive = module === 'tariffs' && party.faults.has('tariffs-date-from-exclusive');
  return items.filter((item) => {
    const at = dateTimeMs(item.last_updated);
    const afterFrom = q.from === undefined || (fromExclusive ? at > q.from : at >= q.from);
    return afterFrom && (q.to === undefined || at < q.to);
  });
}

/** The Link to the next page: the request's own URL with the filters kept and offset/limit moved on. */
function linkTo(party: PartyContext, module: CpoListModule, request: ServerRequest, offset: number, limit: number): string {
  const url = new URL(request.url);
  if (module === 'locations' && party.faults.has('locations-link-drops-filters')) {
    url.searchParams.delete('date_from');
    url.searchParams.delete('date_to');
  }
  url.searchParams.set('offset', String(offset));
  url.searchParams.set('limit', String(limit));
  return `<${url.href}>; rel="next"`;
}

/** The page a list request gets, with its pagination headers; faults bend exactly one rule each. */
function page(party: PartyContext, module: CpoListModule, store: CpoStore, request: ServerRequest, pageSize: number): ServerResponseSpec {
  const q = readQuery(request.query);
  if ('status' in q) return q;
  const items = matching(party, module, store.list(module), q);
  const has = (fault: string, of: CpoListModule): boolean => module === of && party.faults.has(fault);
  const size = q.limit === undefined || has('tariffs-ignore-limit', 'tariffs') ? pageSize : Math.min(q.limit, pageSize);
  const start = has('locations-duplicate-across-pages', 'locations') && q.offset > 0 ? q.offset - 1 : q.offset;
  let data: unknown[] = items.slice(start, start + size);
  if (has('locations-invalid-object', 'locations')) data = data.map((item) => (item === store.locations.at(-1) ? withoutAddress(item) : item));
  const next = q.offset + size + (has('sessions-skip-objects', 'sessions') ? 1 : 0);
  const headers: Record<string, string> = {};
  if (!has('tariffs-no-total-count', 'tariffs')) headers['x-total-count'] = String(items.length);
  if (!has('sessions-no-x-limit', 'sessions')) headers['x-limit'] = String(has('locations-page-exceeds-x-limit', 'locations') && q.limit === undefined && data.length > 1 ? data.length - 1 : pageSize);
  if (next < items.length && !has('cdrs-no-link', 'cdrs')) headers['link'] = linkTo(party, module, request, next, size);
  else if (has('cdrs-link-loop', 'cdrs') && q.offset > 0) headers['link'] = linkTo(party, module, request, 0, size);
  return { status: 200, body: envelope(data), headers };
}

function withoutAddress(item: unknown): unknown {
  const { address: _address, ...rest } = item as Record<string, unknown>;
  return rest;
}

/** The GET list route of one of the reference CPO's Sender interfaces, pages of at most `pageSize` objects. */
export function senderListRoute(party: PartyContext, store: CpoStore, module: CpoListModule, pageSize: number): ModuleRoute {
  return { method: 'GET', path: '', handler: (request) => page(party, module, store, request, pageSize) };
}
