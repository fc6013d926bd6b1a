import { checkLimitHonoured, checkLinkKeepsFilters } from '../../src/checks/pagination.js';
import { citedAlike, defineCase, type CaseDefinition } from '../../src/runner/define-case.js';
import { crawlList, FOLLOW_CHECKS } from '../../src/runner/crawl-list.js';
import { nextLink } from '../../src/transport/next-link.js';
import { listSpecs, listUrl, listVersions, type ListModule } from './list-module.js';
import { oldestLastUpdated } from './date-window.js';

const LIMIT = 2;

// Steps: (1) tester GETs the list with limit=2 and a date_from at the oldest object (so every object matches);
// (2) follows the next Link once. Validated: no page holds more than 2 objects; the Link keeps date_from.
/** limit honoured, and the filters kept across pages (LOC-03, TAR-03, SES-03, CDR-03). */
export function limitCase(list: ListModule): CaseDefinition {
  return defineCase({
    id: `${list.prefix}-03`,
    title: `The ${list.plural} list honours limit, and its next Link keeps the filters`,
    module: list.module,
    versions: listVersions(list),
    targetRole: list.targetRole,
    endpoint: { module: list.module, role: 'SENDER' },
    requires: ['session', 'endpoints', list.digest],
    // A page with limit, then the page its Link names.
    roundTrips: 2,
    spec: listSpecs(list, [...citedAlike({
      version: '2.2.1',
      section: `${list.section}; Transport and format, pagination`,
      rule: 'The server returns at most `limit` objects per page, and the Link to the next page contains the filters of the original request.',
    }, '2.3.0'), {
      version: '2.1.1',
      section: `${list.section211}; transport_and_format.md, Pagination`,
      rule: 'The server returns at most `limit` objects per page, and the Link to the next page should keep the filters of the original request.',
    }]),
    severity: 'required',
    checks: [...FOLLOW_CHECKS, 'pagination.limit-honoured', 'pagination.link-keeps-filters'],
    async run(t) {
      const oldest = oldestLastUpdated(t.get(list.digest).entries) ?? t.skip(`the ${list.plural} list is empty`);
      const filters = { ...list.baseFilters, date_from: oldest };
      let page = 0;
      await crawlList(t, {
        url: listUrl(t, list),
        filters,
        limit: LIMIT,
        mode: 'follow',
        maxPages: 2,
        keyOf: (item) => list.keyOf(item, t.version),
        onPage: ({ exchange, count, headers }) => {
          page += 1;
          t.check(checkLimitHonoured({ exchange, count, limit: LIMIT }));
          const next = nextLink(headers['link'], exchange.request.url);
          if (page === 1 && next.kind === 'next') t.check(checkLinkKeepsFilters({ exchange, next: next.url, filters }));
        },
      });
    },
  });
}
