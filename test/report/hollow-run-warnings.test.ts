import assert from 'node:assert/strict';
import { pass } from '../../src/checks/finding.js';
import { hollowRunWarnings } from '../../src/report/hollow-run-warnings.js';
import { exchange } from '../helpers/exchange.js';
import { caseResult, runResult } from '../helpers/run-result.js';

const ok = pass('http.status', 'ok');

describe('hollowRunWarnings', () => {
  it('says nothing about a run that checked real objects with accepted requests.', () => {
    const run = runResult([caseResult({ id: 'LOC-01', status: 'passed', findings: [ok], exchanges: [exchange({ status: 200 })], objectsReceived: 12 })]);
    assert.deepEqual(hollowRunWarnings(run), []);
  });

  it('warns when every case was skipped.', () => {
    const run = runResult([caseResult({ id: 'VER-01', status: 'skipped', reason: 'r' })]);
    assert.match(hollowRunWarnings(run).join('\n'), /every case was skipped, so this run checked nothing/);
  });

  it('warns when every request the tester made got HTTP 401, and not when one got through.', () => {
    const refused = caseResult({ id: 'VER-01', status: 'failed', exchanges: [exchange({ status: 401 }), exchange({ status: 401 })] });
    assert.match(hollowRunWarnings(runResult([refused])).join('\n'), /every request the tester made \(2\) was answered with HTTP 401/);
    const mixed = caseResult({ ...refused, exchanges: [exchange({ status: 401 }), exchange({ status: 200 })] });
    assert.deepEqual(hollowRunWarnings(runResult([mixed])), []);
  });

  it('warns when every crawled list was empty, naming the cases.', () => {
    const run = runResult([caseResult({ id: 'LOC-01', status: 'passed', findings: [ok], objectsReceived: 0 }), caseResult({ id: 'TAR-01', status: 'passed', findings: [ok], objectsReceived: 0 })]);
    assert.match(hollowRunWarnings(run).join('\n'), /every list the tester crawled was empty \(LOC-01, TAR-01\)/);
    const one = runResult([caseResult({ id: 'LOC-01', status: 'passed', findings: [ok], objectsReceived: 0 }), caseResult({ id: 'TAR-01', status: 'passed', findings: [ok], objectsReceived: 3 })]);
    assert.deepEqual(hollowRunWarnings(one), []);
  });

  it('does not call lists empty that answered an error or no data, and names what each answered instead.', () => {
    const run = runResult([
      caseResult({ id: 'LOC-01', status: 'failed', listProblem: 'HTTP 307 to http://127.0.0.1/ocpi/locations/' }),
      caseResult({ id: 'TAR-01', status: 'failed', listProblem: 'an envelope without data' }),
      caseResult({ id: 'SES-01', status: 'passed', findings: [ok], objectsReceived: 0 }),
    ]);
    const warnings = hollowRunWarnings(run).join('\n');
    assert.doesNotMatch(warnings, /every list the tester crawled was empty/);
    assert.match(warnings, /no list the tester crawled gave a page of objects: LOC-01 answered HTTP 307 to http:\/\/127\.0\.0\.1\/ocpi\/locations\/, TAR-01 answered an envelope without data; SES-01 empty/);
  });

  it('names the interfaces the target does not declare and how many cases were skipped for them.', () => {
    const run = runResult([
      caseResult({ id: 'LOC-01', status: 'skipped', reason: 'r', undeclared: { module: 'locations', role: 'SENDER' } }),
      caseResult({ id: 'LOC-02', status: 'skipped', reason: 'r', undeclared: { module: 'locations', role: 'SENDER' } }),
      caseResult({ id: 'VER-01', status: 'passed', findings: [ok] }),
    ]);
    assert.deepEqual(hollowRunWarnings(run), [
      '2 of 3 cases were skipped, so this verdict rests on the 1 that ran (see each skip\'s reason)',
      'the target does not declare locations SENDER: 2 cases were skipped, not passed',
    ]);
  });

  it('leaves out a Hub\'s own interface (the ClientInfo Sender), which a CPO or eMSP need not declare.', () => {
    const run = runResult([
      caseResult({ id: 'HCI-LIST-01', status: 'skipped', reason: 'r', undeclared: { module: 'hubclientinfo', role: 'SENDER' } }),
      caseResult({ id: 'HCI-01', status: 'skipped', reason: 'r', undeclared: { module: 'hubclientinfo', role: 'RECEIVER' } }),
      caseResult({ id: 'VER-01', status: 'passed', findings: [ok] }),
      caseResult({ id: 'VER-02', status: 'passed', findings: [ok] }),
    ]);
    assert.deepEqual(hollowRunWarnings(run), ['the target does not declare hubclientinfo RECEIVER: 1 case was skipped, not passed']);
  });
});
