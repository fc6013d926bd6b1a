import { citedAlike, defineCase, type CaseDefinition } from '../../src/runner/define-case.js';
import { CRAWL_CHECKS, crawlList } from '../../src/runner/crawl-list.js';
import { ListEntries } from '../../src/runner/list-entries.js';
import { ParkingAudit } from '../../src/checks/parking-audit.js';
import { chooseChargeSite, type SiteChooser } from './charge-site.js';
import { listSpecs, listUrl, listVersions, type ListModule } from './list-module.js';
import { sampleTokens, type TokenSampler } from './token-samples.js';

// Steps: (1) tester GETs the list without paging parameters; (2) follows every Link rel="next" to the last page.
// Validated on every page: HTTP 200, the envelope, status_code 1000, X-Request-ID and X-Correlation-ID echoed, the
// OCPI-from/to routing headers, X-Total-Count and X-Limit, page size within X-Limit, each object valid, no object
// twice, a usable Link keeping the filters. At the end: the crawl ends, and X-Total-Count objects were received.
// Provides what it saw to the filter cases as soon as one page answered with a list, failed checks or not.
/** The full crawl of one Sender list (LOC-01, TAR-01, SES-01, CDR-01). */
export function crawlCase(list: ListModule): CaseDefinition {
  return defineCase({
    id: `${list.prefix}-01`,
    title: `The ${list.plural} list crawls page by page to a consistent end, every object valid`,
    module: list.module,
    versions: listVersions(list),
    targetRole: list.targetRole,
    endpoint: { module: list.module, role: 'SENDER' },
    requires: ['session', 'endpoints'],
    provides: list.module === 'locations' ? [list.digest, 'chargeSite', 'parkingAudit'] : list.module === 'tokens' ? [list.digest, 'tokenSamples'] : [list.digest],
    spec: listSpecs(list, [...citedAlike({
      version: '2.2.1',
      section: `${list.section}; Transport and format, pagination`,
      rule: 'A list is served in pages: each page carries X-Total-Count and X-Limit, links to the next page (keeping the filters) unless it is the last, and the pages together hold every matching object exactly once.',
    }, '2.3.0'), {
      version: '2.1.1',
      section: `${list.section211}; transport_and_format.md, Pagination`,
      rule: 'A list is served in pages: each page carries X-Total-Count and X-Limit, links to the next page unless it is the last, and the pages together hold every object exactly once.',
    }]),
    severity: 'required',
    checks: [...CRAWL_CHECKS],
    async run(t) {
      const entries = new ListEntries();
      let sample: unknown;
      const site: SiteChooser | undefined = list.module === 'locations' ? chooseChargeSite(t.settings.testSite) : undefined;
      const tokens: TokenSampler | undefined = list.module === 'tokens' ? sampleTokens(t.version === '2.1.1' ? 'RFID' : undefined) : undefined;
      // Parking places are OCPI 2.3.0's: what LOC-06 and LOC-07 judge is tallied as the Locations stream by.
      const parking = list.module === 'locations' && t.version === '2.3.0' ? new ParkingAudit() : undefined;
      const outcome = await crawlList(t, {
        url: listUrl(t, list),
        filters: list.baseFilters,
        mode: 'full',
        object: list.object,
        keyOf: (item) => list.keyOf(item, t.version),
        onItem: (item, key, instant) => {
          const lastUpdated = (item as { last_updated?: unknown } | null)?.last_updated;
          if (key !== undefined && typeof lastUpdated === 'string') entries.record(key, lastUpdated, instant);
          sample ??= list.module !== 'locations' || hasConnector(item) ? item : undefined;
          site?.consider(item);
          tokens?.consider(item);
          parking?.consider(item);
        },
      });
      // The filter cases need the list to answer and some of its objects, not a flawless crawl: whatever LOC-01 found
      // wrong (an invalid object, a broken Link, a loop) is its own failure, and must not hide theirs.
      if (!outcome.listed) return;
      t.provide(list.digest, { entries, complete: outcome.complete, ...(sample === undefined ? {} : { sample }) });
      const chosen = site?.chosen();
      if (chosen) t.provide('chargeSite', chosen);
      if (tokens) t.provide('tokenSamples', tokens.chosen());
      if (parking) t.provide('parkingAudit', parking);
    },
  });
}

function hasConnector(location: unknown): boolean {
  const evses = (location as { evses?: unknown } | null)?.evses;
  return Array.isArray(evses) && evses.some((evse: { connectors?: unknown }) => Array.isArray(evse?.connectors) && evse.connectors.length > 0);
}
