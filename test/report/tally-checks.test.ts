import assert from 'node:assert/strict';
import { fail, pass, warn } from '../../src/checks/finding.js';
import { tallyChecks } from '../../src/report/tally-checks.js';
import { caseResult } from '../helpers/run-result.js';

describe('tallyChecks', () => {
  const cases = [
    caseResult({ id: 'A-01', status: 'failed', findings: [pass('x.ok', 'fine'), fail('x.echo', 'first'), fail('x.echo', 'second', { repeats: [{ at: '/1' }, { at: '/2' }] })] }),
    caseResult({ id: 'B-01', status: 'failed', knownFailures: ['y.known'], findings: [fail('y.known', 'known'), fail('x.echo', 'third')] }),
    caseResult({ id: 'C-01', status: 'known-failure', knownFailures: ['x.echo'], findings: [fail('x.echo', 'known here')] }),
    caseResult({ id: 'D-01', status: 'passed', findings: [warn('z.should', 'a warning'), warn('z.should', 'another')] }),
  ];

  it('gives each failing check once, in the order it first appears, with its cases, places and first message.', () => {
    const [echo, ...rest] = tallyChecks(cases, 'fail');
    assert.deepEqual(rest, []);
    assert.equal(echo?.check, 'x.echo');
    assert.equal(echo?.message, 'first');
    assert.deepEqual(echo?.cases.map((c) => c.id), ['A-01', 'B-01']);
    assert.equal(echo?.places, 5);
  });

  it('leaves out failures the baseline lists, in a failed case and in a known-failure case.', () => {
    assert.ok(!tallyChecks(cases, 'fail').some((t) => t.check === 'y.known'));
    assert.ok(!tallyChecks(cases, 'fail').some((t) => t.cases.some((c) => c.id === 'C-01')));
  });

  it('tallies warnings the same way.', () => {
    assert.deepEqual(tallyChecks(cases, 'warn').map((t) => [t.check, t.cases.length, t.places]), [['z.should', 1, 2]]);
  });
});
