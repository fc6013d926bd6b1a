import { checkDateFilter } from '../../src/checks/date-filter.js';
import { citedAlike, defineCase, type CaseDefinition } from '../../src/runner/define-case.js';
import { crawlList, FOLLOW_CHECKS } from '../../src/runner/crawl-list.js';
import { chooseDateWindow } from './date-window.js';
import { listSpecs, listUrl, listVersions, type ListModule } from './list-module.js';

// Steps: (1) tester picks date_from and date_to on two objects' last_updated, from the full crawl; (2) GETs the list
// with them, following Links. Validated: exactly the objects with date_from <= last_updated < date_to came back (when
// the pages break off before the end, that none outside the window came back); in 2.1.1 the objects strictly inside
// came back and none outside, those on an edge being free to come or not. The crawl (LOC-01 ...) need not have
// passed: a window placed on the objects it saw is enough.
/** date_from and date_to honoured (LOC-02, TAR-02, SES-02, CDR-02). */
export function dateFilterCase(list: ListModule): CaseDefinition {
  return defineCase({
    id: `${list.prefix}-02`,
    title: `The ${list.plural} list honours date_from (inclusive) and date_to (exclusive)`,
    module: list.module,
    versions: listVersions(list),
    targetRole: list.targetRole,
    endpoint: { module: list.module, role: 'SENDER' },
    requires: ['session', 'endpoints', list.digest],
    spec: listSpecs(list, [...citedAlike({
      version: '2.2.1',
      section: `${list.section}; Transport and format, paginated request`,
      rule: 'A list filtered by date_from and date_to returns the objects whose last_updated is at or after date_from and before date_to.',
    }, '2.3.0'), {
      version: '2.1.1',
      section: `${list.section211}; transport_and_format.md, Paginated Request`,
      rule: 'A list filtered by date_from and date_to returns the objects last updated after date_from and before date_to (whether an object on either edge comes is not said).',
    }]),
    severity: 'required',
    checks: [...FOLLOW_CHECKS, 'pagination.date-filter'],
    async run(t) {
      // 2.1.1 leaves the edges open: an object on either may come or not.
      const openEdges = t.version === '2.1.1';
      const chosen = chooseDateWindow(t.get(list.digest), openEdges) ?? t.skip(`the ${list.plural} list has fewer than three distinct last_updated values to place a window on`);
      const received = new Map<string, string>();
      const outcome = await crawlList(t, {
        url: listUrl(t, list),
        filters: { ...list.baseFilters, date_from: chosen.window.from, date_to: chosen.window.to },
        mode: 'follow',
        keyOf: (item) => list.keyOf(item, t.version),
        onItem: (item, key) => {
          const lastUpdated = (item as { last_updated?: unknown } | null)?.last_updated;
          if (key !== undefined) received.set(key, typeof lastUpdated === 'string' ? lastUpdated : '');
        },
      });
      // Pages that did not run to the end (FOLLOW_CHECKS say why) still show any object outside the window.
      if (outcome.listed && outcome.first) t.check(checkDateFilter({ window: chosen.window, exchange: outcome.first, received, expected: chosen.expected, complete: outcome.complete, openEdges }));
    },
  });
}
