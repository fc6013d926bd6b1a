import { dateTimeMs } from '../schemas/ocpi-datetime.js';
import { envelope } from '../server/envelope.js';
import type { ServerRequest, ServerResponseSpec } from '../server/ocpi-server.js';
import type { ModuleRoute } from './functional-endpoint.js';
import { servedParking } from './served-parking.js';

/** The lists a Sender serves: the CPO's four, the eMSP's Tokens, and the PTP's Terminals and Financial Advice Confirmations. */
export type ListModule = 'locations' | 'tariffs' | 'sessions' | 'cdrs' | 'tokens' | 'terminals' | 'confirmations';

/** Objects with a last_updated, as every list holds. */
type Dated = { readonly last_updated: string };

/** What one Sender list serves: its objects (oldest first), page size, and the faults of the party serving it. */
export interface SenderList {
  readonly module: ListModule;
  readonly items: () => readonly Dated[];
  /** The most objects on one page (the X-Limit). */
  readonly pageSize: number;
  readonly faults: ReadonlySet<string>;
  /** Conformant variants of the party; none when left out (the tester's own peer lists). */
  readonly variants?: ReadonlySet<string>;
}

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

/**
 * Whether a list fault bends this list: its module's own fault (`tariffs-no-total-count`), or the same fault of a
 * paginator every list shares (`lists-no-total-count`), as a real implementation's one paging helper would have it.
 */
function bent(list: SenderList, fault: `${ListModule}-${string}`): boolean {
  const [module] = fault.split('-');
  return (list.module === module && list.faults.has(fault)) || list.faults.has(fault.replace(/^[a-z]+-/, 'lists-'));
}

/** The objects matching the date filter: date_from inclusive, date_to exclusive (a fault makes date_from exclusive). */
function matching(list: SenderList, items: readonly Dated[], q: PageQuery): readonly Dated[] {
  if (q.from === undefined && q.to === undefined) return items;
  const fromExclusive = bent(list, 'tariffs-date-from-exclusive') || bent(list, 'confirmations-date-from-exclusive');
  const toInclusive = bent(list, 'tokens-date-to-inclusive') || bent(list, 'terminals-date-to-inclusive');
  return items.filter((item) => {
    const at = dateTimeMs(item.last_updated);
    const afterFrom = q.from === undefined || (fromExclusive ? at > q.from : at >= q.from);
    return afterFrom && (q.to === undefined || (toInclusive ? at <= q.to : at < q.to));
  });
}

/** The Link to the next page: the request's own URL with the filters kept and offset/limit moved on. */
function linkTo(list: SenderList, request: ServerRequest, offset: number, limit: number): string {
  const url = new URL(request.url);
  if (bent(list, 'locations-link-drops-filters') || bent(list, 'tokens-link-drops-filters')) {
    url.searchParams.delete('date_from');
    url.searchParams.delete('date_to');
  }
  url.searchParams.set('offset', String(offset));
  url.searchParams.set('limit', String(limit));
  // A server behind a TLS-terminating proxy that builds its Link with the public scheme (seen in the field).
  if (list.module === 'locations' && list.faults.has('locations-link-other-scheme') && !request.query.has('date_from')) url.protocol = 'https:';
  // A link builder that fills in a query template with every parameter, rendering a missing date_to as Python's None.
  if (list.module === 'sessions' && list.faults.has('sessions-link-date-to-none') && !url.searchParams.has('date_to')) url.searchParams.set('date_to', 'None');
  // A link builder that takes its base URL from the wrong module, for the unfiltered list.
  if (list.module === 'locations' && list.faults.has('locations-link-other-module') && !request.query.has('date_from')) url.pathname = url.pathname.replace(/\/locations(\/?)$/, '/tariffs$1');
  if (list.variants?.has('link-params-reordered')) {
    // Paging first, filters after: the same query in another order.
    const paging = ['offset', 'limit'].map((name): [string, string] => [name, url.searchParams.get(name) as string]);
    const rest = [...url.searchParams].filter(([name]) => name !== 'offset' && name !== 'limit');
    url.search = new URLSearchParams([...paging, ...rest]).toString();
  }
  return `<${url.href}>; rel="next"`;
}

/** The page a list request gets, with its pagination headers; faults bend exactly one rule each. */
function page(list: SenderList, request: ServerRequest): ServerResponseSpec {
  const has = (fault: `${ListModule}-${string}`): boolean => bent(list, fault);
  const read = readQuery(request.query);
  if ('status' in read) return read;
  // A server that never reads the query: every request gets the first page, with the Link and total of the whole list.
  const ignoresQuery = has('cdrs-ignore-filters');
  const q: PageQuery = ignoresQuery ? { offset: 0 } : read;
  const all = list.items();
  const items = matching(list, all, q);
  const smaller = list.variants?.has('pages-smaller-than-asked') === true;
  const pageSize = smaller ? Math.min(3, list.pageSize) : list.pageSize;
  let size = q.limit === undefined || has('tariffs-ignore-limit') || has('terminals-ignore-limit') || has('confirmations-ignore-limit') ? pageSize : Math.min(q.limit, pageSize);
  // A server may return fewer than asked: below its X-Limit it gives one fewer than the limit (but at least one).
  if (smaller && q.limit !== undefined && q.limit < pageSize) size = Math.max(1, q.limit - 1);
  const start = has('locations-duplicate-across-pages') && q.offset > 0 ? q.offset - 1 : q.offset;
  let data: unknown[] = items.slice(start, start + size);
  if (has('locations-invalid-object')) data = data.map((item) => (item === all.at(-1) ? without(item, 'address') : item));
  if (list.module === 'locations') data = data.map((item) => servedParking(list.faults, list.variants, item));
  // The contract id is a 2.1.1 Token's auth_id.
  if (has('tokens-list-invalid-object')) data = data.map((item) => (item === all.at(-1) ? without(item, 'auth_id' in (item as object) ? 'auth_id' : 'contract_id') : item));
  // A PTP whose Terminal coordinates come from a numeric database column: the last Terminal has them as numbers.
  if (has('terminals-coordinates-numbers')) data = data.map((item) => (item === all.at(-1) ? numericCoordinates(item) : item));
  if (ignoresQuery) data = data.map((item, index) => (index === 1 ? without(item, 'auth_method') : item));
  const next = q.offset + size + (has('sessions-skip-objects') ? 1 : 0);
  const headers: Record<string, string> = {};
  if (!has('tariffs-no-total-count')) headers['x-total-count'] = String(items.length);
  if (!has('sessions-no-x-limit')) headers['x-limit'] = String(has('locations-page-exceeds-x-limit') && q.limit === undefined && data.length > 1 ? data.length - 1 : pageSize);
  if (next < items.length && !has('cdrs-no-link') && !has('confirmations-no-link')) headers['link'] = linkTo(list, request, next, size);
  else if (has('cdrs-link-loop') && q.offset > 0) headers['link'] = linkTo(list, request, 0, size);
  // A server whose "more pages" test is always true: its Links go on past the end, one empty page after another.
  else if (has('tariffs-links-never-end')) headers['link'] = linkTo(list, request, next, size);
  // A list envelope that carries its objects under the module's name instead of `data` (seen in the field).
  if (list.faults.has('lists-data-under-module-name')) {
    const { data: objects, ...rest } = envelope(data);
    return { status: 200, body: { [list.module]: objects, ...rest }, headers };
  }
  return { status: 200, body: envelope(data), headers };
}

function numericCoordinates(item: unknown): unknown {
  const { coordinates } = item as { coordinates?: { latitude: string; longitude: string } };
  return coordinates ? { ...(item as object), coordinates: { latitude: Number(coordinates.latitude), longitude: Number(coordinates.longitude) } } : item;
}

function without(item: unknown, field: string): unknown {
  const { [field]: _dropped, ...rest } = item as Record<string, unknown>;
  return rest;
}

/** The GET list route of a Sender interface, in pages of at most `pageSize` objects; faults bend one rule each. */
export function senderListRoute(list: SenderList): ModuleRoute {
  return { method: 'GET', path: '', handler: (request) => page(list, request) };
}
