import assert from 'node:assert/strict';
import { checkDateFilter, inWindow, type DateWindow } from '../../src/checks/date-filter.js';
import { dateTimeMs } from '../../src/schemas/ocpi-datetime.js';
import { exchange } from '../helpers/exchange.js';

const window: DateWindow = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };

const evidence = (received: Array<[string, string]>, expected: Array<[string, string]>): Parameters<typeof checkDateFilter>[0] => ({
  window,
  exchange: exchange({ body: { data: [] } }),
  received: new Map(received),
  expected: new Map(expected),
});

describe('the date filter check', () => {
  /** A last_updated value and whether it lies inside [from, to). */
  const windowRows: Array<[title: string, lastUpdated: string, inside: boolean]> = [
    ['counts an object at date_from as inside, since date_from is inclusive', '2026-01-01T00:00:00Z', true],
    ['counts an object at date_from written without Z as inside', '2026-01-01T00:00:00', true],
    ['counts an object between the edges as inside', '2026-01-15T12:00:00.5Z', true],
    ['counts an object one millisecond before date_to as inside', '2026-01-31T23:59:59.999Z', true],
    ['counts an object at date_to as outside, since date_to is exclusive', '2026-02-01T00:00:00Z', false],
    ['counts an object at date_to written without Z as outside', '2026-02-01T00:00:00', false],
    ['counts an object one millisecond before date_from as outside', '2025-12-31T23:59:59.999Z', false],
    ['counts a last_updated that is no DateTime as outside', 'not a date', false],
  ];
  for (const [title, lastUpdated, inside] of windowRows) {
    it(`inWindow ${title}`, () => assert.equal(inWindow(lastUpdated, window), inside));
  }

  it('dateTimeMs reads the same instant with and without Z, and gives NaN for anything else', () => {
    assert.equal(dateTimeMs('2026-01-01T00:00:00'), dateTimeMs('2026-01-01T00:00:00Z'));
    assert.ok(Number.isNaN(dateTimeMs('tomorrow')));
  });

  it('checkDateFilter passes when the request returned exactly the objects inside the window', () => {
    const inside: Array<[string, string]> = [['NL/ABC/T1', '2026-01-01T00:00:00Z'], ['NL/ABC/T2', '2026-01-20T00:00:00Z']];
    const findings = checkDateFilter(evidence(inside, inside));
    assert.deepEqual(findings.map((f) => [f.check, f.status]), [['pagination.date-filter', 'pass']]);
    assert.match(findings[0]?.message ?? '', /exactly the 2 objects with 2026-01-01T00:00:00Z <= last_updated < 2026-02-01T00:00:00Z/);
  });

  it('checkDateFilter fails an object returned at date_to, saying date_to is exclusive', () => {
    const findings = checkDateFilter(evidence([['NL/ABC/T1', '2026-01-10T00:00:00Z'], ['NL/ABC/T9', '2026-02-01T00:00:00Z']], [['NL/ABC/T1', '2026-01-10T00:00:00Z']]));
    assert.deepEqual(findings.map((f) => f.status), ['fail']);
    assert.match(findings[0]?.message ?? '', /^NL\/ABC\/T9 \(last_updated 2026-02-01T00:00:00Z\) is outside .* \(date_to is exclusive\)$/);
    assert.equal(findings[0]?.actual, '2026-02-01T00:00:00Z');
  });

  it('checkDateFilter says date_to is exclusive also when the object writes that instant without Z', () => {
    const [finding] = checkDateFilter(evidence([['NL/ABC/T9', '2026-02-01T00:00:00']], []));
    assert.match(finding?.message ?? '', /\(date_to is exclusive\)/);
  });

  it('checkDateFilter fails an object missing at date_from, saying date_from is inclusive', () => {
    const findings = checkDateFilter(evidence([], [['NL/ABC/T1', '2026-01-01T00:00:00Z']]));
    assert.deepEqual(findings.map((f) => f.status), ['fail']);
    assert.match(findings[0]?.message ?? '', /^NL\/ABC\/T1 .* is inside .* but was not returned \(date_from is inclusive\)$/);
    assert.deepEqual([findings[0]?.expected, findings[0]?.actual], ['NL/ABC/T1', null]);
  });

  it('checkDateFilter fails a missing object inside the window without naming an edge rule', () => {
    const [finding] = checkDateFilter(evidence([], [['NL/ABC/T2', '2026-01-20T00:00:00Z']]));
    assert.equal(finding?.status, 'fail');
    assert.doesNotMatch(finding?.message ?? '', /inclusive|exclusive/);
  });

  it('checkDateFilter fails an extra object from before the window, one failure per object', () => {
    const findings = checkDateFilter(evidence([['NL/ABC/T0', '2025-06-01T00:00:00Z'], ['NL/ABC/T1', '2026-01-10T00:00:00Z']], [['NL/ABC/T1', '2026-01-10T00:00:00Z']]));
    assert.deepEqual(findings.map((f) => [f.status, f.exchangeId]), [['fail', 'x1']]);
    assert.match(findings[0]?.message ?? '', /^NL\/ABC\/T0 \(last_updated 2025-06-01T00:00:00Z\) is outside date_from=2026-01-01T00:00:00Z date_to=2026-02-01T00:00:00Z$/);
  });

  it('checkDateFilter still fails an object outside the window when the pages broke off, but does not call a missing one missing', () => {
    const findings = checkDateFilter({ ...evidence([['NL/ABC/T0', '2025-06-01T00:00:00Z']], [['NL/ABC/T1', '2026-01-10T00:00:00Z']]), complete: false });
    assert.deepEqual(findings.map((f) => f.status), ['fail']);
    assert.match(findings[0]?.message ?? '', /^NL\/ABC\/T0 .* is outside /);
  });

  it('checkDateFilter passes pages that broke off with only objects inside the window, saying completeness was not judged', () => {
    const findings = checkDateFilter({ ...evidence([['NL/ABC/T1', '2026-01-10T00:00:00Z']], [['NL/ABC/T1', '2026-01-10T00:00:00Z'], ['NL/ABC/T2', '2026-01-20T00:00:00Z']]), complete: false });
    assert.deepEqual(findings.map((f) => f.status), ['pass']);
    assert.match(findings[0]?.message ?? '', /whether any is missing is not judged/);
  });
});

describe('checkDateFilter with open edges (OCPI 2.1.1)', () => {
  const window: DateWindow = { from: '2026-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' };
  const inside = new Map([['B', '2026-01-02T00:00:00Z']]);
  const statuses = (received: Map<string, string>) => checkDateFilter({ window, exchange: exchange({ body: { data: [] } }), received, expected: inside, openEdges: true }).map((f) => f.status);

  it('passes with or without the objects on either edge, as long as the one inside came', () => {
    assert.deepEqual(statuses(new Map(inside)), ['pass']);
    assert.deepEqual(statuses(new Map([['A', window.from], ...inside, ['C', window.to]])), ['pass']);
  });

  it('fails an object outside both edges, and a missing object strictly inside', () => {
    assert.deepEqual(statuses(new Map([...inside, ['D', '2026-01-04T00:00:00Z']])), ['fail']);
    assert.deepEqual(statuses(new Map([['A', window.from]])), ['fail']);
  });
});
