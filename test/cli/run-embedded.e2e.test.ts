import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ALL_CASES } from '../../suites/index.js';
import { casesWith, readReport, reportPath, runCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

/** The list cases of a Hub's ClientInfo Sender: no reference party serves one, so they skip in every embedded run. */
const HUB_LIST_CASES = ['HCI-LIST-01', 'HCI-LIST-02', 'HCI-LIST-03'];

describe('ocpi-conformance run --embedded', function () {
  this.timeout(60_000);

  it('passes every case against the conformant reference CPO, commands included, and exits 0', async () => {
    const path = reportPath();
    const outcome = await runCli(['run', '--embedded', 'cpo', '--allow-commands', '--report-json', path]);
    const report = readReport(path);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.deepEqual(casesWith(report, 'failed'), []);
    assert.deepEqual(casesWith(report, 'errored'), []);
    // VER-06 needs --handshake await; VER-07 a second version both offer (the embedded party offers 2.2.1 alone here);
    // HCI-LIST-01..03 a Hub's ClientInfo Sender, which no reference party serves (test/suites/sender-lists proves them).
    assert.deepEqual(casesWith(report, 'skipped').sort(), ['CRED-07', 'CRED-08', ...HUB_LIST_CASES, 'VER-06', 'VER-07']);
    // The default run tests 2.2.1: the cases of 2.3.0 alone (Payments) are not in it.
    assert.equal(report.summary.passed, ALL_CASES.filter((c) => c.targetRole !== 'emsp' && c.versions.includes('2.2.1')).length - 7);
    for (const id of ['LOC-01', 'TAR-01', 'SES-01', 'CDR-01', 'TOK-01', 'CMD-01', 'CMD-02', 'CPR-01', 'AUTH-03', 'HCI-01', 'HCI-02']) assert.equal(report.cases.find((c) => c.id === id)?.status, 'passed', id);
    assert.equal(report.summary.warnings, 0);
  });

  it('passes every case against the conformant reference eMSP, leaving out the CPO cases, and exits 0.', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'emsp', '--report-json', path]);
    const report = readReport(path);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.deepEqual(casesWith(report, 'failed'), []);
    assert.deepEqual(casesWith(report, 'errored'), []);
    assert.deepEqual(casesWith(report, 'skipped').sort(), ['CRED-07', 'CRED-08', ...HUB_LIST_CASES, 'VER-06', 'VER-07']);
    const forEmsp = ALL_CASES.filter((c) => c.targetRole !== 'cpo' && c.versions.includes('2.2.1'));
    assert.equal(report.summary.passed, forEmsp.length - 7);
    assert.equal(report.cases.find((c) => c.id === 'LOC-01'), undefined);
    for (const id of ['AUTH-01', 'AUTH-04', 'LOC-PUSH-01', 'TAR-PUSH-02', 'SES-PUSH-02', 'CDR-PUSH-01', 'TOK-PULL-01', 'TOK-AUTH-01', 'PEER-01', 'HCI-01', 'HCI-02']) assert.equal(report.cases.find((c) => c.id === id)?.status, 'passed', id);
    assert.equal(report.summary.warnings, 0);
  });

  it('keeps every crawled page out of the evidence except the first, so a long list costs no memory', async () => {
    const path = reportPath();
    await runMain(['run', '--embedded', 'cpo', '--only', 'VER-01,VER-02,CRED-02,LOC-01', '--report-json', path]);
    const crawl = readReport(path).cases.find((c) => c.id === 'LOC-01');
    assert.equal(crawl?.status, 'passed');
    assert.equal(crawl?.exchanges.length, 1);
    assert.ok(crawl?.findings.some((f) => f.check === 'schema.response' && /held on 12 objects/.test(f.message)), JSON.stringify(crawl?.findings));
  });

  it('writes the stable fields of the JSON report', async () => {
    const path = reportPath();
    await runMain(['run', '--embedded', 'cpo', '--report-json', path]);
    const report = readReport(path);
    assert.equal(report.tool.name, 'ocpi-conformance');
    assert.match(report.tool.version, /^\d+\.\d+\.\d+/);
    assert.match(report.target.versionsUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/ocpi\/cpo\/versions$/);
    assert.equal(report.target.role, 'cpo');
    assert.equal(report.target.ocpiVersion, '2.2.1');
    assert.ok(!Number.isNaN(Date.parse(report.startedAt)));
    assert.equal(typeof report.durationMs, 'number');
    const registration = report.cases.find((c) => c.id === 'CRED-02');
    assert.ok(registration);
    assert.deepEqual(Object.keys(registration).filter((k) => ['id', 'title', 'module', 'status', 'durationMs', 'findings', 'exchanges'].includes(k)).sort(), ['durationMs', 'exchanges', 'findings', 'id', 'module', 'status', 'title']);
    assert.ok(registration.exchanges.length >= 3, 'the POST and the two GETs back are evidence');
  });

  it('passes with --handshake await, where the embedded party registers with the tester', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'emsp', '--handshake', 'await', '--report-json', path]);
    const report = readReport(path);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.equal(report.cases.find((c) => c.id === 'CRED-07')?.status, 'passed');
    assert.match(outcome.stderr, /versions URL: http:\/\/127\.0\.0\.1:\d+\/ocpi\/versions/);
    // The tester offers every version; the party registers in the highest both offer, and that one is tested.
    assert.deepEqual(report.target.testedVersions, ['2.3.0']);
    assert.deepEqual(report.target.offeredVersions, ['2.1.1', '2.2.1', '2.3.0']);
    for (const id of ['VER-06', 'VER-07', 'VER-08']) assert.equal(report.cases.find((c) => c.id === id)?.status, 'passed', id);
  });

  it('passes with --handshake none, and neither rotates nor unregisters the given token', async () => {
    const path = reportPath();
    const outcome = await runMain(['run', '--embedded', 'cpo', '--handshake', 'none', '--report-json', path]);
    const report = readReport(path);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.equal(report.cases.find((c) => c.id === 'CRED-08')?.status, 'passed');
    for (const id of ['CRED-05', 'CRED-06']) assert.match(report.cases.find((c) => c.id === id)?.reason ?? '', /handshake none/);
  });

  it('writes a JUnit report whose failing testcase holds the failed check, its diff and the exchange, without a token.', async () => {
    const junitPath = reportPath('report.xml');
    const outcome = await runMain(['run', '--embedded', 'emsp', '--embedded-fault', 'location-put-drops-field', '--report-junit', junitPath]);
    assert.equal(outcome.code, 1, outcome.stdout + outcome.stderr);
    const xml = readFileSync(junitPath, 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    const root = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml) as { testsuites: { '@_failures': string; testsuite: Array<{ '@_name': string; testcase: Array<{ '@_name': string; failure?: { '@_message': string } }> }> } };
    assert.equal(root.testsuites['@_failures'], '1');
    const locations = root.testsuites.testsuite.find((suite) => suite['@_name'] === 'locations');
    const failed = locations?.testcase.find((c) => c.failure);
    assert.match(failed?.['@_name'] ?? '', /^LOC-PUSH-01 /);
    assert.match(failed?.failure?.['@_message'] ?? '', /^LOC-PUSH-01 locations\.stored-as-put: \S/);
    assert.match(xml, /@ \/data\/evses\/0\/connectors\/0\/max_electric_power \(missing\)/);
    assert.match(xml, /> authorization: Token \[redacted\]/);
    assert.doesNotMatch(xml, /Token (?!\[redacted\])[A-Za-z0-9_=-]{20,}/);
  });

  it('says so in one line and exits 2 before the run when the JUnit report could not be written.', async () => {
    const outcome = await runMain(['run', '--embedded', 'emsp', '--only', 'VER-01', '--report-junit', '/nonexistent-dir/report.xml']);
    assert.equal(outcome.code, 2);
    assert.equal(outcome.stderr, 'ocpi-conformance: error: --report-junit: the folder of /nonexistent-dir/report.xml does not exist\n');
    assert.equal(outcome.stdout, '');
  });

  it('never prints or reports a token, in any handshake mode', async () => {
    for (const mode of ['register', 'none'] as const) {
      const path = reportPath();
      // The fault (a rotation answered with the same token) shows only where the tester rotates: not with --handshake none.
      const fault = mode === 'register' ? ['--embedded-fault', 'rotation-same-token'] : [];
      const outcome = await runCli(['run', '--embedded', 'cpo', '--handshake', mode, '--report-json', path, ...fault]);
      const text = outcome.stdout + outcome.stderr + readFileSync(path, 'utf8');
      // Tokens are 32 characters of base64url (or their Base64 form); none may survive redaction.
      assert.doesNotMatch(text, /Token [A-Za-z0-9_-]{32}\b/);
      assert.doesNotMatch(text, /"token": "(?!\[redacted\])/);
      assert.match(text, /\[redacted\]/);
    }
  });
});
