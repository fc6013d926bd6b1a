import type { SenderRequest } from '../../src/runner/case-context.js';

const PLURAL: Readonly<Record<SenderRequest['module'], string>> = { locations: 'Locations', tariffs: 'Tariffs', sessions: 'Sessions', cdrs: 'CDRs', tokens: 'Tokens' };

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * What the target got from the tester's Sender interfaces, in words: "2 pages of Locations (12 objects)" per module,
 * counting the requests answered with a list, then how many other requests it made (single objects, refused ones).
 */
export function describeFetched(requests: readonly SenderRequest[]): string {
  const pages = new Map<SenderRequest['module'], { pages: number; objects: number }>();
  let others = 0;
  for (const { module, record } of requests) {
    const response = record.exchange.response;
    const data = (response?.body as { data?: unknown } | undefined)?.data;
    if (response?.status !== 200 || !Array.isArray(data)) {
      others += 1;
      continue;
    }
    const seen = pages.get(module) ?? { pages: 0, objects: 0 };
    pages.set(module, { pages: seen.pages + 1, objects: seen.objects + data.length });
  }
  const lists = [...pages].map(([module, seen]) => `${count(seen.pages, 'page', 'pages')} of ${PLURAL[module]} (${count(seen.objects, 'object', 'objects')})`);
  if (others > 0) lists.push(count(others, 'other request', 'other requests'));
  return `the target fetched ${lists.join(', ')}`;
}
