import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkPagesContinued, checkPagingParameters, listPages } from './paging-use.js';
import { notRegisteredWithTester } from '../common/not-registered.js';
import { partnerPulls } from './partner-pulls.js';

// The rule, as 2.1.1, 2.2.1 and 2.3.0 state it alike.
const RULE = 'A list request may carry date_from and date_to (DateTime), offset and limit (int); a client reads all objects by following the next pages, each starting after the objects the previous one returned.';

// Steps: none during the case. As PEER-01, it reads the target's GETs of the tester's Sender lists recorded during the
// run (waiting up to 5 s for a first one), here the GETs of whole lists. The tester serves at most 10 objects a page
// (X-Limit 10, fewer when asked), with a next Link while objects remain, so that its 25 Tokens and its Locations take
// several pages.
// Validated: date_from and date_to, where sent, are DateTimes of the version, offset and limit ints (required: the
// types of the Paginated Request); within each crawl of a list (its filters), the pages the target got leave no
// objects out between the first and the last offset it asked for (a warning: the spec describes the crawl and binds
// the client to nothing, but what it skips never reaches it).
export default defineCase({
  id: 'PEER-02',
  title: 'The target pages through the tester\'s Sender lists with well-typed parameters and without skipping objects',
  module: 'transport',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'any',
  requires: ['session'],
  skipWhen: notRegisteredWithTester,
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Transport and format, Pagination: Paginated Request and Paginated Response',
    rule: RULE,
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'transport_and_format.md, Pagination',
    rule: RULE,
  }],
  severity: 'required',
  checks: ['peer.paging-parameters', 'peer.pages-continued'],
  async run(t) {
    const pages = listPages(await partnerPulls(t), `/ocpi/${t.version}/`);
    if (pages.length === 0) t.skip('the target fetched single objects from the tester\'s Sender interfaces, but no list');
    t.attach(...pages.map((page) => page.exchange));
    t.check(checkPagingParameters(pages, t.version));
    t.check(checkPagesContinued(pages));
  },
});
