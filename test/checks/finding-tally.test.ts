import assert from 'node:assert/strict';
import { fail, pass, warn } from '../../src/checks/finding.js';
import { FindingTally } from '../../src/checks/finding-tally.js';

const pages = (): string => 'pages';

describe('the finding tally', () => {
  it('collapses the passes of a check into one finding "held on N <unit>"', () => {
    const tally = new FindingTally();
    tally.add(pass('pagination.page-size', 'p1'), [pass('pagination.page-size', 'p2'), pass('pagination.page-size', 'p3')]);
    tally.add(pass('schema.response', 'o1'));
    const findings = tally.findings((check) => (check === 'schema.response' ? 'objects' : 'pages'));
    assert.deepEqual(findings.map((f) => [f.check, f.status, f.message]), [
      ['pagination.page-size', 'pass', 'held on 3 pages'],
      ['schema.response', 'pass', 'held on 1 objects'],
    ]);
  });

  it('keeps the first failures up to `keep`, then counts the rest in one "and N more" finding', () => {
    const tally = new FindingTally({ keep: 2 });
    tally.add(['a', 'b', 'c', 'd', 'e'].map((id) => fail('pagination.no-duplicates', `${id} again`)));
    const findings = tally.findings(pages);
    assert.deepEqual(findings.map((f) => [f.status, f.message]), [
      ['fail', 'a again'],
      ['fail', 'b again'],
      ['fail', 'and 3 more failures of pagination.no-duplicates like the ones above'],
    ]);
  });

  it('keeps every failure by default, so the JSON report holds all of them', () => {
    const tally = new FindingTally();
    tally.add(Array.from({ length: 250 }, (_, i) => fail('schema.response', `/data/${i}/id: bad ${'x'.repeat(i)}`)));
    const findings = tally.findings(pages);
    assert.equal(findings.length, 250);
    assert.ok(findings.every((f) => f.status === 'fail' && !/more failures/.test(f.message)));
  });

  it('folds one failure repeated on many objects or pages into one, keeping the place of every repeat', () => {
    const tally = new FindingTally();
    tally.add(Array.from({ length: 250 }, (_, i) => fail('schema.response', `/data/${i}/id: bad`, { at: `/data/${i}/id`, exchangeId: `e${i}` })));
    const [finding, ...rest] = tally.findings(pages);
    assert.equal(rest.length, 0);
    assert.equal(finding?.message, '/data/0/id: bad (and 249 more like it: /data/1/id, /data/2/id, /data/3/id, ...)');
    assert.equal(finding?.repeats?.length, 249);
    assert.deepEqual(finding?.repeats?.[248], { at: '/data/249/id', exchangeId: 'e249' });
  });

  it('reports no pass for a check that failed once among many passes', () => {
    const tally = new FindingTally();
    tally.add(pass('headers.routing', 'ok'), fail('headers.routing', 'missing'), pass('headers.routing', 'ok'));
    assert.deepEqual(tally.findings(pages).map((f) => [f.status, f.message]), [['fail', 'missing']]);
  });

  it('keeps warnings beside the pass of the same check', () => {
    const tally = new FindingTally();
    tally.add(pass('pagination.link-next', 'ok'), warn('pagination.link-next', 'empty trailing page'));
    assert.deepEqual(tally.findings(pages).map((f) => [f.status, f.message]), [['warn', 'empty trailing page'], ['pass', 'held on 1 pages']]);
    assert.equal(tally.failed(), false);
  });

  it('keeps the findings it holds unchanged, with their evidence', () => {
    const tally = new FindingTally();
    const failure = fail('pagination.page-size', 'too big', { exchangeId: 'x7', at: '/data' });
    tally.add(failure);
    assert.equal(tally.findings(pages)[0], failure);
  });

  it('says whether any check, or one named check, failed', () => {
    const tally = new FindingTally();
    assert.equal(tally.failed(), false);
    tally.add(pass('pagination.complete', 'ok'), warn('pagination.link-next', 'hm'));
    assert.equal(tally.failed(), false);
    tally.add(fail('pagination.terminates', 'loop'));
    assert.equal(tally.failed(), true);
    assert.equal(tally.failed('pagination.terminates'), true);
    assert.equal(tally.failed('pagination.complete'), false);
    assert.equal(tally.failed('never.seen'), false);
  });

  it('still says a check failed, and reports no pass for it, when it keeps no failures (keep: 0)', () => {
    const tally = new FindingTally({ keep: 0 });
    tally.add(pass('headers.routing', 'ok'), fail('headers.routing', 'missing'));
    assert.equal(tally.failed('headers.routing'), true);
    assert.deepEqual(tally.findings(pages).map((f) => f.status), ['fail']);
  });

  it('gives no findings when nothing was added', () => {
    assert.deepEqual(new FindingTally().findings(pages), []);
  });
});
