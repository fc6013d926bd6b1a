import assert from 'node:assert/strict';
import type { SenderRequest } from '../../../src/runner/case-context.js';
import { checkPagesContinued, checkPagingParameters, listPages } from '../../../suites/peer/paging-use.js';

const BASE = 'http://127.0.0.1:1/ocpi/2.2.1';

/** A GET of the tester's Tokens list at `query`, answered with `count` objects out of `total` (or refused). */
function get(seq: number, query: string, count: number | 'refused', total = 25, path = '/tokens'): SenderRequest {
  const body = count === 'refused' ? { status_code: 2000 } : { status_code: 1000, data: Array.from({ length: count }, () => ({})) };
  return {
    module: 'tokens',
    record: {
      seq,
      caller: 'token-b',
      exchange: {
        id: `x${seq}`,
        direction: 'inbound',
        request: { method: 'GET', url: `${BASE}${path}${query}`, headers: {} },
        response: { status: count === 'refused' ? 401 : 200, headers: { 'x-total-count': String(total) }, body },
        timings: { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
      },
    },
  } as unknown as SenderRequest;
}

const pages = (...requests: SenderRequest[]) => listPages(requests, '/ocpi/2.2.1/');

describe('the judgement of how a target pages through the tester\'s lists (PEER-02)', () => {
  it('counts only GETs of whole lists, not of single objects, with their offset and filters.', () => {
    const listed = pages(get(1, '?date_from=2020-01-01T00:00:00Z&offset=10&limit=5', 5), get(2, '', 1, 25, '/tokens/NL/TNM/123'));
    assert.equal(listed.length, 1);
    assert.equal(listed[0]?.offset, 10);
    assert.equal(listed[0]?.count, 5);
    assert.equal(listed[0]?.filters, 'tokens?date_from=2020-01-01T00:00:00Z');
  });

  it('passes paging parameters in the types the spec gives them, fractions allowed from 2.2.', () => {
    const findings = checkPagingParameters(pages(get(1, '?date_from=2020-01-01T00:00:00.123Z&date_to=2030-01-01T00:00:00&offset=0&limit=10', 10)), '2.2.1');
    assert.deepEqual(findings.map((f) => f.status), ['pass']);
  });

  it('fails a date_from with a time-zone offset once, however many requests carried it.', () => {
    const findings = checkPagingParameters(pages(get(1, '?date_from=2020-01-01T01:00:00%2B01:00', 10), get(2, '?date_from=2020-01-01T01:00:00%2B01:00&offset=10', 10)), '2.2.1');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.status, 'fail');
    assert.match(findings[0]?.message ?? '', /^date_from=2020-01-01T01:00:00\+01:00 is not an OCPI 2\.2\.1 DateTime .*\(in 2 list requests; the first is shown\)/);
  });

  it('fails fractional seconds in OCPI 2.1.1 and a negative or fractional offset or limit in any version.', () => {
    assert.equal(checkPagingParameters(pages(get(1, '?date_from=2020-01-01T00:00:00.5Z', 10)), '2.1.1')[0]?.status, 'fail');
    const findings = checkPagingParameters(pages(get(1, '?offset=-1&limit=2.5', 10)), '2.3.0');
    assert.deepEqual(findings.map((f) => `${f.status} ${f.message.split(' ')[0]}`), ['fail offset=-1', 'fail limit=2.5']);
  });

  it('passes pages that follow one another, in whatever order they came, and pages fetched side by side.', () => {
    assert.deepEqual(checkPagesContinued(pages(get(1, '', 10), get(2, '?offset=10&limit=10', 10), get(3, '?offset=20&limit=10', 5))).map((f) => f.status), ['pass']);
    assert.deepEqual(checkPagesContinued(pages(get(1, '?limit=4', 4), get(3, '?offset=8&limit=4', 4), get(2, '?offset=4&limit=4', 4))).map((f) => f.status), ['pass']);
  });

  it('passes a page asked again from a lower offset, as the spec advises when a count drops.', () => {
    assert.deepEqual(checkPagesContinued(pages(get(1, '', 10), get(2, '?offset=9', 10), get(3, '?offset=19', 6))).map((f) => f.status), ['pass']);
  });

  it('warns once per list when a client moves on by its own limit and skips what a smaller page left out.', () => {
    const findings = checkPagesContinued(pages(get(1, '?limit=20', 10), get(2, '?offset=20&limit=20', 5), get(3, '?offset=40&limit=20', 0),
      get(4, '?date_from=2020-01-01T00:00:00Z&limit=20', 10), get(5, '?date_from=2020-01-01T00:00:00Z&offset=20&limit=20', 5)));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.status, 'warn');
    assert.match(findings[0]?.message ?? '', /asked for offset 20, but the pages the target got of this list ended at 10: the 10 objects from offset 10 on were never read/);
  });

  it('counts no skipped objects beyond the X-Total-Count, and judges nothing of a list read in one page or refused.', () => {
    const beyond = checkPagesContinued(pages(get(1, '', 10, 12), get(2, '?offset=20', 0, 12)));
    assert.match(beyond[0]?.message ?? '', /the 2 objects from offset 10 on/);
    assert.deepEqual(checkPagesContinued(pages(get(1, '', 10), get(2, '?offset=10', 'refused'))), []);
  });
});
