import assert from 'node:assert/strict';
import { fail } from '../../src/checks/finding.js';
import type { CaseResult, RunResult } from '../../src/model/case-result.js';
import { ConsoleReporter, type Output, type Terminal } from '../../src/report/console-reporter.js';
import { renderDiff, renderDiffEntries } from '../../src/report/render-diff.js';
import { toCurl } from '../../src/report/curl.js';
import { exchange } from '../helpers/exchange.js';
import { runResult } from '../helpers/run-result.js';

const failedCase: CaseResult = {
  id: 'VER-01',
  title: 'The versions endpoint lists versions',
  ocpiVersion: '2.2.1',
  module: 'versions',
  severity: 'required',
  spec: { version: '2.2.1', section: 'Versions', rule: 'a rule' },
  status: 'failed',
  durationMs: 5,
  findings: [fail('envelope.status-code', 'expected status_code 1000, got 2000', { exchangeId: 'x1', expected: 1000, actual: 2000 })],
  exchanges: [exchange({ status: 200, body: { status_code: 2000 } }, { headers: { authorization: 'Token [redacted]', 'x-request-id': 'r1' } })],
};

function render(result: RunResult, color = false): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  const reporter = new ConsoleReporter({ stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, color, quiet: false });
  reporter.listener({ type: 'case-end', result: result.cases[0] as CaseResult });
  reporter.listener({ type: 'run-end', result });
  return out;
}

const run: RunResult = runResult([failedCase]);

describe('the console reporter', () => {
  it('shows a failure with its exchange, check, labelled diff, curl line and spec rule', () => {
    const { stdout } = render(run);
    assert.match(stdout, /VER-01 The versions endpoint lists versions \[failed, required\]/);
    assert.match(stdout, /GET http:\/\/127\.0\.0\.1:1\/ocpi\/versions -> HTTP 200 \(1 ms\)/);
    assert.match(stdout, /x envelope\.status-code: expected status_code 1000, got 2000\n\s+- expected  \+ actual\n\s+- 1000\n\s+\+ 2000/);
    assert.match(stdout, /reproduce: curl -sS -X GET 'http:\/\/127\.0\.0\.1:1\/ocpi\/versions' -H "Authorization: Token \$\(printf %s "\$OCPI_TOKEN" \| base64 \| tr -d '\\n'\)" -H 'x-request-id: r1'/);
    assert.match(stdout, /spec: OCPI 2\.2\.1, Versions: a rule/);
    assert.match(stdout, /FAILED 1 cases: 0 passed, 1 failed/);
  });

  it('shows a round trip\'s differences by JSON Pointer, each with its expected and actual value.', () => {
    const diff = [
      { path: '/evses/0/connectors/0/max_electric_power', kind: 'missing' as const, expected: 22000 },
      { path: '/name', kind: 'changed' as const, expected: 'A', actual: 'B' },
      { path: '/extra', kind: 'unexpected' as const, actual: true },
    ];
    const roundTrip = { ...failedCase, findings: [fail('locations.stored-as-put', 'differs in 3 places', { exchangeId: 'x1', at: '/data', diff })] };
    const { stdout } = render({ ...run, cases: [roundTrip] });
    assert.match(stdout, /x locations\.stored-as-put: differs in 3 places\n\s+- expected  \+ actual\n\s+@ \/data\/evses\/0\/connectors\/0\/max_electric_power \(missing\)\n\s+- 22000\n\s+@ \/data\/name\n\s+- "A"\n\s+\+ "B"\n\s+@ \/data\/extra \(unexpected\)\n\s+\+ true\n/);
  });

  it('shows at most twenty differences and says how many more the JSON report holds.', () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ path: `/f${i}`, kind: 'changed' as const, expected: i, actual: i + 1 }));
    const lines = renderDiffEntries(many);
    assert.equal(lines.filter((line) => line.startsWith('@ ')).length, 20);
    assert.equal(lines.at(-1), '… and 3 more differences (all of them are in the JSON report)');
  });

  it('writes no escape codes when colour is off', () => {
    assert.doesNotMatch(render(run).stdout, /\u001b\[/);
  });

  it('warns when every case was skipped', () => {
    const skipped = runResult([{ ...failedCase, status: 'skipped', findings: [], reason: 'not declared' }]);
    assert.match(render(skipped).stdout, /every case was skipped, so this run checked nothing/);
  });
});

describe('renderDiff', () => {
  it('marks removed and added lines of structured values, keeping context', () => {
    assert.deepEqual(renderDiff({ a: 1, b: 2 }, { a: 1, b: 3 }), ['- expected  + actual', '  {', '    "a": 1,', '-   "b": 2', '+   "b": 3', '  }']);
  });
});

describe('toCurl', () => {
  it('quotes single quotes in bodies and never includes a token', () => {
    const line = toCurl({ ...exchange({}), request: { method: 'POST', url: 'http://h/x', headers: { authorization: 'Token [redacted]' }, body: { name: "O'Neil" } } });
    assert.match(line, /--data-raw '\{"name":"O'\\''Neil"\}'/);
    assert.doesNotMatch(line, /Token [A-Za-z0-9]{8,}/);
  });
});

/** A terminal as ora sees one: it records what is drawn on it. */
function fakeTerminal(): { terminal: Terminal; text: () => string } {
  let written = '';
  const terminal: Terminal = {
    isTTY: true,
    columns: 120,
    write: (text: string) => {
      written += text;
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  };
  return { terminal, text: () => written };
}

describe('the console reporter in a terminal', () => {
  const drive = (stderr: Output, quiet = false, stdoutIsTTY = true): { stdout: string } => {
    const out = { stdout: '' };
    const reporter = new ConsoleReporter({ stdout: { write: (t: string) => (out.stdout += t), isTTY: stdoutIsTTY }, stderr, color: false, quiet });
    reporter.listener({ type: 'run-start', versions: ['2.2.1'], cases: [{ id: 'VER-01', title: 't' }, { id: 'CMD-01', title: 't' }] });
    reporter.listener({ type: 'stage-start', stage: 'connect', cases: 1 });
    reporter.listener({ type: 'case-end', result: { ...failedCase, status: 'passed', findings: [] } });
    reporter.listener({ type: 'stage-end', stage: 'connect' });
    reporter.listener({ type: 'stage-start', stage: 'modules', cases: 1 });
    reporter.listener({ type: 'wait-start', caseId: 'CMD-01', what: 'the CommandResult', timeoutMs: 30_000 });
    reporter.listener({ type: 'wait-end', caseId: 'CMD-01' });
    reporter.listener({ type: 'run-end', result: runResult([{ ...failedCase, status: 'passed', findings: [] }]) });
    return out;
  };

  it('shows a spinner on stderr during discovery and during waits for the target, never on stdout.', () => {
    const { terminal, text } = fakeTerminal();
    const { stdout } = drive(terminal);
    assert.match(text(), /connecting: discovering the target and exchanging credentials \(0\/1 cases\)/);
    assert.match(text(), /CMD-01: waiting for the CommandResult \(up to 30 s\)/);
    assert.doesNotMatch(stdout, /\u001b|connecting|waiting/);
    assert.match(stdout, /ok\s+VER-01/);
  });

  it('draws nothing when stderr or stdout is not a terminal, or when the run is quiet.', () => {
    let piped = '';
    drive({ write: (t: string) => (piped += t), isTTY: false });
    assert.equal(piped, '');
    const redirected = fakeTerminal();
    drive(redirected.terminal, false, false);
    assert.equal(redirected.text(), '', 'stdout goes to a file or a log: no spinner');
    const { terminal, text } = fakeTerminal();
    const { stdout } = drive(terminal, true);
    assert.equal(text(), '');
    assert.doesNotMatch(stdout, /VER-01/, 'quiet prints only the summary');
    assert.match(stdout, /PASSED 1 cases/);
  });
});

describe('the console reporter during long work', () => {
  const crawl = (pages: number, done = false, caseId = 'LOC-01', url = 'http://127.0.0.1:1/ocpi/2.2.1/locations') => ({ type: 'crawl-progress' as const, caseId, url, pages, objects: pages * 50, elapsedMs: pages * 100, done });
  // Every reporter a test starts ends its run, so no spinner is left drawing after the test.
  const started: ConsoleReporter[] = [];
  afterEach(() => {
    for (const reporter of started.splice(0)) reporter.listener({ type: 'run-end', result: runResult([{ ...failedCase, status: 'passed', findings: [] }]) });
  });
  const start = (stderr: Output, options: { quiet?: boolean; verbose?: boolean } = {}): { reporter: ConsoleReporter; stdout: () => string } => {
    let stdout = '';
    const reporter = new ConsoleReporter({ stdout: { write: (t: string) => (stdout += t), isTTY: true }, stderr, color: false, quiet: options.quiet ?? false, verbose: options.verbose ?? false });
    reporter.listener({ type: 'run-start', versions: ['2.2.1'], cases: [{ id: 'LOC-01', title: 't' }, { id: 'TAR-01', title: 't' }] });
    reporter.listener({ type: 'stage-start', stage: 'modules', cases: 2 });
    started.push(reporter);
    return { reporter, stdout: () => stdout };
  };

  it('shows the crawl on the spinner line: the case, pages, objects and objects per second, the newest count, and how many more crawls run.', () => {
    const { terminal, text } = fakeTerminal();
    const { reporter, stdout } = start(terminal);
    reporter.listener(crawl(3));
    reporter.listener(crawl(40));
    assert.match(text(), /LOC-01: crawling, 3 pages, 150 objects, 500 objects\/s/);
    assert.match(text(), /LOC-01: crawling, 40 pages, 2000 objects, 500 objects\/s/);
    reporter.listener(crawl(2, false, 'TAR-01', 'http://127.0.0.1:1/ocpi/2.2.1/tariffs'));
    assert.match(text(), /LOC-01: crawling, 40 pages, 2000 objects, 500 objects\/s \(and 1 more crawl\)/);
    reporter.listener(crawl(41, true));
    assert.match(text(), /TAR-01: crawling, 2 pages, 100 objects, 500 objects\/s(?! \()/);
    assert.doesNotMatch(stdout(), /crawling/, 'progress never reaches stdout');
  });

  it('drops a crawl from the spinner line when its case ends, even without its end, and lets a wait for the target show first.', () => {
    const { terminal, text } = fakeTerminal();
    const { reporter } = start(terminal);
    reporter.listener(crawl(3));
    reporter.listener({ type: 'wait-start', caseId: 'TAR-01', what: 'the CommandResult', timeoutMs: 30_000 });
    reporter.listener(crawl(4));
    assert.doesNotMatch(text(), /4 pages/, 'the wait shows, not the crawl');
    reporter.listener({ type: 'wait-end', caseId: 'TAR-01' });
    assert.match(text(), /LOC-01: crawling, 4 pages/);
    const before = text().length;
    reporter.listener({ type: 'case-end', result: { ...failedCase, id: 'LOC-01', status: 'passed', findings: [] } });
    reporter.listener(crawl(5, false, 'TAR-01'));
    reporter.listener({ type: 'case-end', result: { ...failedCase, id: 'TAR-01', status: 'passed', findings: [] } });
    assert.doesNotMatch(text().slice(before), /LOC-01: crawling/);
  });

  it('draws no crawl progress when the run is quiet or stderr is not a terminal.', () => {
    const { terminal, text } = fakeTerminal();
    start(terminal, { quiet: true }).reporter.listener(crawl(3));
    assert.equal(text(), '');
    let piped = '';
    start({ write: (t: string) => (piped += t), isTTY: false }).reporter.listener(crawl(3));
    assert.equal(piped, '');
  });

  it('draws on a terminal that reports 0 columns (an unsized pseudo-terminal) as if it were 80 wide, rather than clearing lines without end.', () => {
    const { terminal, text } = fakeTerminal();
    const unsized: Terminal = { ...terminal, columns: 0 };
    const { reporter } = start(unsized);
    reporter.listener(crawl(3));
    reporter.listener(crawl(4));
    reporter.listener({ type: 'run-end', result: runResult([{ ...failedCase, status: 'passed', findings: [] }]) });
    assert.match(text(), /LOC-01: crawling, 4 pages/);
  });

  const traced = exchange({ status: 200, body: { data: [] } }, { headers: { authorization: 'Token [redacted]' } });

  it('prints a trace line per exchange on stderr with --verbose, clearing the spinner out of its way, quiet or not.', () => {
    const { terminal, text } = fakeTerminal();
    const { reporter, stdout } = start(terminal, { verbose: true, quiet: true });
    reporter.listener({ type: 'exchange', exchange: traced, by: 'LOC-01' });
    reporter.listener({ type: 'exchange', exchange: { ...traced, direction: 'inbound', request: { ...traced.request, method: 'POST', url: 'http://127.0.0.1:2/ocpi/2.2.1/credentials' } }, by: 'inbound' });
    const { response: _response, ...unanswered } = traced;
    reporter.listener({ type: 'exchange', exchange: { ...unanswered, error: { code: 'ECONNREFUSED', message: 'refused' } }, by: 'teardown' });
    assert.equal(text(), [
      '-> GET http://127.0.0.1:1/ocpi/versions 200 1 ms [LOC-01]',
      '<- POST http://127.0.0.1:2/ocpi/2.2.1/credentials 200 1 ms [inbound]',
      '-> GET http://127.0.0.1:1/ocpi/versions ECONNREFUSED 1 ms [teardown]',
      '',
    ].join('\n'));
    assert.equal(stdout(), '', 'the trace is on stderr only');
  });

  it('prints no trace without --verbose.', () => {
    let piped = '';
    start({ write: (t: string) => (piped += t), isTTY: false }).reporter.listener({ type: 'exchange', exchange: traced, by: 'LOC-01' });
    assert.equal(piped, '');
  });

  it('calls an interrupted run INTERRUPTED, not PASSED.', () => {
    const out = { stdout: '' };
    const reporter = new ConsoleReporter({ stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: () => true }, color: false, quiet: false });
    reporter.listener({ type: 'run-end', result: { ...runResult([{ ...failedCase, status: 'skipped', findings: [], reason: 'the run was interrupted' }]), interrupted: true } });
    assert.match(out.stdout, /^INTERRUPTED 1 cases: 0 passed/m);
  });
});

describe('the console reporter with a baseline', () => {
  it('marks a known failure as known, shows its anatomy, and lists the entries to remove.', () => {
    const known = { ...failedCase, status: 'known-failure' as const, knownFailures: ['envelope.status-code'] };
    const result = runResult([known], { baseline: { file: 'known.json', matched: [{ case: 'VER-01', check: 'envelope.status-code' }], fixed: [{ case: 'LOC-01', check: 'schema.response' }], unchecked: [] } });
    const out = { stdout: '' };
    const reporter = new ConsoleReporter({ stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: () => true }, color: false, quiet: false });
    reporter.listener({ type: 'case-end', result: known });
    reporter.listener({ type: 'run-end', result });
    assert.match(out.stdout, /known VER-01/);
    assert.match(out.stdout, /! envelope\.status-code \(known failure, in the baseline\): expected status_code 1000, got 2000/);
    assert.match(out.stdout, /PASSED 1 cases: 0 passed, 0 failed, 1 known failure,/);
    assert.match(out.stdout, /baseline: 1 entry now passes; remove it from known\.json: LOC-01 schema\.response/);
  });
});

describe('the console reporter\'s case lines', () => {
  it('folds the skips for a reason already printed into one line per reason at the end, naming the cases.', () => {
    let stdout = '';
    const reporter = new ConsoleReporter({ stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, color: false, quiet: false });
    const skipped = (id: string, reason: string): CaseResult => ({ ...failedCase, id, status: 'skipped', reason, findings: [], exchanges: [] });
    const cases = [skipped('LOC-01', 'needs session'), skipped('CMD-01', 'acts on a real charger'), skipped('TAR-01', 'needs session'), { ...failedCase, id: 'VER-03', status: 'passed' as const, findings: [] }, skipped('SES-01', 'needs session'), skipped('CMD-02', 'acts on a real charger')];
    for (const result of cases) reporter.listener({ type: 'case-end', result });
    reporter.listener({ type: 'run-end', result: runResult(cases) });
    const lines = stdout.split('\n').filter((line) => /^ {2}(skip|ok) /.test(line));
    assert.deepEqual(lines.map((line) => line.replace(/ +/g, ' ').replace(/ The versions endpoint lists versions.*$/, '')), [
      ' skip LOC-01',
      ' skip CMD-01',
      ' ok VER-03',
      ' skip +2 skipped for the same reason as LOC-01: TAR-01, SES-01',
      ' skip +1 skipped for the same reason as CMD-01: CMD-02',
    ]);
  });
});

describe('the console reporter\'s teardown lines', () => {
  it('says how to clear a registration the teardown could not remove.', () => {
    const result = runResult([failedCase], { teardown: [{ what: 'unregister: DELETE the tester\'s credentials at the target', caseId: 'CRED-02', status: 'failed', detail: 'no answer', exchanges: [] }] });
    const { stdout } = render(result);
    assert.match(stdout, /teardown: unregister: DELETE the tester's credentials at the target: no answer/);
    assert.match(stdout, /the target still holds the tester's registration \(party ZZ\/OCT\): remove it on the target's side before the next run/);
  });
});

