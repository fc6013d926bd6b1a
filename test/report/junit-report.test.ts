import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, warn } from '../../src/checks/finding.js';
import type { CaseResult, RunResult } from '../../src/model/case-result.js';
import { failureMessage, toJunitReport } from '../../src/report/junit-report.js';
import { exchange } from '../helpers/exchange.js';
import { runResult } from '../helpers/run-result.js';

const base = { title: 'a case', ocpiVersion: '2.2.1' as const, severity: 'required' as const, spec: { version: '2.2.1' as const, section: 's', rule: 'r' }, durationMs: 1500, findings: [], exchanges: [] };

const runOf = (cases: CaseResult[]): RunResult => runResult(cases);

// Attributes and text as the parser gives them: arrays for the repeated elements, `@_` before attribute names.
const parse = (xml: string): Record<string, unknown> =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name), cdataPropName: '#cdata' }).parse(xml) as Record<string, unknown>;

describe('the JUnit report', () => {
  const failing: CaseResult = {
    ...base,
    id: 'LOC-PUSH-01',
    module: 'locations',
    status: 'failed',
    findings: [fail('locations.stored-as-put', 'differs', { exchangeId: 'x1', at: '/data', diff: [{ path: '/name', kind: 'changed', expected: 'A', actual: 'B' }] })],
    // A target may answer anything: a control character and a CDATA end must not break the XML.
    exchanges: [exchange({ status: 200, rawBody: 'B\u0001 ]]> end' }, { headers: { authorization: 'Token [redacted]' } })],
  };
  const xml = toJunitReport(runOf([
    failing,
    { ...base, id: 'LOC-PUSH-02', module: 'locations', status: 'passed', findings: [warn('http.unknown-object-404', 'a 200 for a missing object')] },
    { ...base, id: 'VER-01', module: 'versions', status: 'skipped', reason: 'not this time' },
    { ...base, id: 'VER-02', module: 'versions', status: 'errored', reason: 'the tester broke' },
  ]));

  it('is well-formed XML even when a response holds control characters and a CDATA end.', () => {
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(xml.includes('< B\uFFFD ]]]]><![CDATA[> end'), 'the control character is replaced and the CDATA end split');
  });

  it('has one testsuite per module and one testcase per case, with the counts CI servers read.', () => {
    const root = parse(xml)['testsuites'] as Record<string, unknown>;
    assert.equal(root['@_tests'], '4');
    assert.equal(root['@_failures'], '1');
    assert.equal(root['@_errors'], '1');
    assert.equal(root['@_skipped'], '1');
    const suites = root['testsuite'] as Array<Record<string, unknown>>;
    assert.deepEqual(suites.map((s) => [s['@_name'], s['@_tests']]), [['locations', '2'], ['versions', '2']]);
    const cases = suites.flatMap((s) => s['testcase'] as Array<Record<string, unknown>>);
    assert.deepEqual(cases.map((c) => c['@_name']), ['LOC-PUSH-01 a case', 'LOC-PUSH-02 a case', 'VER-01 a case', 'VER-02 a case']);
    assert.ok(cases.every((c) => String(c['@_classname']).startsWith('ocpi-conformance.') && c['@_time'] === '1.5'));
  });

  it('gives a failure its case and first failed check as its message, and the diff and the exchange as its text.', () => {
    const suites = (parse(xml)['testsuites'] as Record<string, unknown>)['testsuite'] as Array<Record<string, unknown>>;
    const failure = ((suites[0]?.['testcase'] as Array<Record<string, unknown>>)[0]?.['failure']) as Record<string, unknown>;
    assert.equal(failure['@_message'], 'LOC-PUSH-01 locations.stored-as-put: differs');
    assert.equal(failure['@_type'], 'conformance');
    const text = String(failure['#cdata']);
    assert.match(text, /@ \/data\/name\n\s+- "A"\n\s+\+ "B"/);
    assert.match(text, /> GET http:\/\/127\.0\.0\.1:1\/ocpi\/versions\n> authorization: Token \[redacted\]/);
    assert.match(text, /< HTTP 200/);
  });

  it('gives every testsuite a time, the sum of its cases\' durations in seconds.', () => {
    const suites = (parse(xml)['testsuites'] as Record<string, unknown>)['testsuite'] as Array<Record<string, unknown>>;
    assert.deepEqual(suites.map((s) => s['@_time']), ['3', '3']);
    const odd = toJunitReport(runOf([{ ...base, id: 'VER-03', module: 'versions', status: 'passed', durationMs: 100.4 }, { ...base, id: 'VER-04', module: 'versions', status: 'passed', durationMs: 200 }]));
    assert.match(odd, /<testsuite name="versions" [^>]*time="0\.3"/);
    assert.match(odd, /name="VER-03 a case" time="0\.1"/);
  });

  it('keeps the failure message to one shortened line naming the case, its first failed check and how many others failed.', () => {
    const long = `line one\n${'x'.repeat(400)}`;
    const many: CaseResult = {
      ...base,
      id: 'LOC-01',
      module: 'locations',
      status: 'failed',
      knownFailures: ['schema.response'],
      findings: [fail('schema.response', 'known and listed first'), fail('pagination.link', long), fail('pagination.link', 'again'), fail('headers.request-id-echoed', 'no id')],
    };
    const message = failureMessage(many);
    assert.ok(message.startsWith('LOC-01 pagination.link: line one xxx'), message);
    assert.ok(message.endsWith('… (+2 more failed checks)'), message);
    assert.ok(message.length <= 200, `${message.length} characters`);
    assert.doesNotMatch(message, /\n/);
    assert.equal(failureMessage({ ...many, findings: [fail('a.b', 'one'), fail('c.d', 'two')], knownFailures: [] }), 'LOC-01 a.b: one (+1 more failed check)');
  });

  it('marks skipped and errored cases, with the reason, and keeps a passed case\'s warnings.', () => {
    assert.match(xml, /<skipped\/>\s*<system-out><!\[CDATA\[skipped: not this time\]\]><\/system-out>/);
    assert.match(xml, /<error message="VER-02 tester error: the tester broke" type="tester-error">/);
    assert.match(xml, /<system-out><!\[CDATA\[warning http\.unknown-object-404: a 200 for a missing object\]\]><\/system-out>/);
  });

  it('reports a known failure (baseline) as skipped, not failed, with its checks and failure text in system-out.', () => {
    const known: CaseResult = { ...failing, id: 'LOC-PUSH-03', status: 'known-failure', knownFailures: ['locations.stored-as-put'] };
    const knownXml = toJunitReport(runOf([known]));
    const root = parse(knownXml)['testsuites'] as Record<string, unknown>;
    assert.equal(root['@_failures'], '0');
    assert.equal(root['@_skipped'], '1');
    assert.doesNotMatch(knownXml, /<failure/);
    assert.match(knownXml, /<skipped\/>\s*<system-out><!\[CDATA\[known failure \(in the baseline\): locations\.stored-as-put\n\nLOC-PUSH-03 a case \[known-failure, required\]/);
    assert.match(knownXml, /@ \/data\/name/);
  });
});
