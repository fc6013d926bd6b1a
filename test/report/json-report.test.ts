import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, pass, warn } from '../../src/checks/finding.js';
import { jsonReportOf, toJsonReport } from '../../src/report/json-report.js';
import { REPORT_FORMAT } from '../../src/report/report-format.js';
import { exchange } from '../helpers/exchange.js';
import { REPORT_SCHEMA_PATH, reportValidator } from '../helpers/report-schema.js';
import { caseResult, runResult } from '../helpers/run-result.js';

const run = runResult([
  caseResult({ id: 'VER-01', status: 'passed', findings: [pass('schema.response', 'valid', { exchangeId: 'x1' })], exchanges: [exchange({ status: 200, body: { data: [] } })] }),
  caseResult({ id: 'LOC-05', module: 'locations', status: 'passed', severity: 'recommended', findings: [warn('http.unknown-object-404', 'a 200 for a missing object')] }),
  caseResult({ id: 'LOC-01', module: 'locations', status: 'failed', findings: [fail('schema.response', 'bad', { at: '/data/0', diff: [{ path: '/name', kind: 'missing', expected: 'A' }] })] }),
  caseResult({ id: 'TAR-01', module: 'tariffs', status: 'skipped', reason: 'not declared', undeclared: { module: 'tariffs', role: 'SENDER' } }),
  caseResult({ id: 'SES-01', module: 'sessions', status: 'known-failure', knownFailures: ['schema.response'], objectsReceived: 0, listProblem: 'HTTP 401', findings: [fail('schema.response', 'bad', { repeats: [{ at: '/data/1', exchangeId: 'x2' }] })] }),
  caseResult({ id: 'CDR-01', module: 'cdrs', status: 'errored', reason: 'refused', exchanges: [exchange(undefined)] }),
], {
  // Everything a run may add besides its cases: the schema names each of them.
  teardown: [{ what: 'stop the session', caseId: 'CMD-01', status: 'done', detail: 'stopped', exchanges: [exchange({ status: 200, rawBody: 'not json' })] }],
  revocation: { caseId: 'CRED-09', lastAcceptedBy: 'LOC-01', request: 'GET http://127.0.0.1:1/ocpi/versions', exchangeId: 'x1' },
  baseline: { file: 'known.json', matched: [{ case: 'SES-01', check: 'schema.response', version: '2.2.1', note: 'ticket 1' }], fixed: [], unchecked: [{ case: 'X-01', check: 'a.b' }] },
  peerInbound: [{ ...exchange({ status: 200, body: {} }), id: 'x9', direction: 'inbound' }],
  untested: 'no version both support',
  pulledIn: ['VER-01'],
  roleConflict: '--role emsp contradicts the target\'s credentials, which name its role CPO: run with --role cpo',
  target: { versionsUrl: 'http://127.0.0.1:1/ocpi/versions', role: 'emsp', ocpiVersion: '2.2.1', offeredVersions: ['2.2.1', '9.9'], testedVersions: ['2.2.1'] },
});

describe('the JSON report', () => {
  const validate = reportValidator({ closed: true });

  it('starts with the version of its format, a semver string.', () => {
    const report = JSON.parse(toJsonReport(run)) as Record<string, unknown>;
    assert.equal(Object.keys(report)[0], 'reportFormat');
    assert.equal(report['reportFormat'], REPORT_FORMAT);
    assert.match(REPORT_FORMAT, /^\d+\.\d+\.\d+$/);
  });

  it('validates against the shipped schema, with no field the schema does not name.', () => {
    const verdict = validate(JSON.parse(toJsonReport(run)));
    assert.deepEqual(verdict.errors, []);
    assert.equal(verdict.valid, true);
  });

  it('writes the target role as "unknown" when the run was not told it, and the schema accepts it.', () => {
    const { role: _role, ...target } = run.target;
    const report = jsonReportOf({ ...run, target });
    assert.equal(report.target.role, 'unknown');
    assert.equal(validate(JSON.parse(JSON.stringify(report))).valid, true);
  });

  it('is rejected by the schema when a required field is missing, naming the field.', () => {
    const report = JSON.parse(toJsonReport(run)) as Record<string, unknown> & { cases: Array<Record<string, unknown>>; target: Record<string, unknown> };
    const { summary: _summary, ...withoutSummary } = report;
    assert.equal(validate(withoutSummary).valid, false);
    assert.match(validate(withoutSummary).errors.join('\n'), /must have required property 'summary'/);
    const { reportFormat: _format, ...withoutFormat } = report;
    assert.match(validate(withoutFormat).errors.join('\n'), /must have required property 'reportFormat'/);
    const { role: _role, ...target } = report.target;
    assert.match(validate({ ...report, target }).errors.join('\n'), /\/target must have required property 'role'/);
    const { status: _status, ...caseWithoutStatus } = report.cases[0] ?? {};
    assert.match(validate({ ...report, cases: [caseWithoutStatus] }).errors.join('\n'), /\/cases\/0 must have required property 'status'/);
  });

  it('is rejected by the schema when a value is out of its range, and by the closed schema when a field is unknown.', () => {
    const report = JSON.parse(toJsonReport(run)) as Record<string, unknown> & { cases: Array<Record<string, unknown>> };
    assert.match(validate({ ...report, cases: [{ ...report.cases[0], status: 'maybe' }] }).errors.join('\n'), /\/cases\/0\/status must be equal to one of the allowed values/);
    assert.match(validate({ ...report, reportFormat: 'one' }).errors.join('\n'), /\/reportFormat must match pattern/);
    assert.match(validate({ ...report, extra: true }).errors.join('\n'), /must NOT have additional properties \(extra\)/);
    // The shipped schema is open, as a consumer of a later minor format needs it: a field added later still validates.
    assert.equal(reportValidator()({ ...report, extra: true }).valid, true);
  });

  it('ships its schema in the package: package.json files covers schemas/report/report.schema.json.', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { files: string[] };
    const schema = relative(root, REPORT_SCHEMA_PATH).split('\\').join('/');
    assert.ok(pkg.files.some((entry) => schema === entry || schema.startsWith(`${entry.replace(/\/$/, '')}/`)), `${schema} in ${pkg.files.join(', ')}`);
  });
});
