import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BIN, reportPath, runCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const VALID = fileURLToPath(new URL('../../../test/fixtures/schemas/2.2.1/Credentials.json', import.meta.url));

describe('ocpi-conformance validate', function () {
  this.timeout(20_000);

  it('lists the object names of every version', async () => {
    const outcome = await runMain(['validate', '--list-objects', '--json']);
    assert.equal(outcome.code, 0);
    const catalogue = JSON.parse(outcome.stdout) as Record<string, { object: string[]; enum: string[] }>;
    assert.deepEqual(Object.keys(catalogue), ['2.1.1', '2.2.1', '2.3.0']);
    for (const name of ['Location', 'EVSE', 'Connector', 'Session', 'CDR', 'Tariff', 'Token', 'Credentials']) {
      for (const version of ['2.1.1', '2.2.1', '2.3.0']) assert.ok(catalogue[version]?.object.includes(name), `${version} lacks ${name}`);
    }
    for (const name of ['Terminal', 'Booking', 'InvoiceReconciliationRecord']) assert.ok(catalogue['2.3.0']?.object.includes(name), `2.3.0 lacks ${name}`);
    assert.ok(catalogue['2.2.1']?.enum.includes('ConnectorType'));
  });

  it('exits 0 for a valid file and 1 for an invalid one, naming the path', async () => {
    const good = reportPath('good.json');
    const bad = reportPath('bad.json');
    const credentials = { token: 'abc-123', url: 'https://x.example.net/versions', roles: [{ role: 'CPO', party_id: 'ABC', country_code: 'NL', business_details: { name: 'n' } }] };
    writeFileSync(good, JSON.stringify(credentials));
    writeFileSync(bad, JSON.stringify({ ...credentials, roles: [] }));
    const ok = await runCli(['validate', '--ocpi-version', '2.2.1', '--object', 'Credentials', good]);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    const failing = await runMain(['validate', '--ocpi-version', '2.2.1', '--object', 'Credentials', good, bad, '--json']);
    assert.equal(failing.code, 1);
    const verdicts = JSON.parse(failing.stdout) as Array<{ valid: boolean; findings: Array<{ at: string; status: string }> }>;
    assert.deepEqual(verdicts.map((v) => v.valid), [true, false]);
    assert.deepEqual(verdicts[1]?.findings.filter((f) => f.status === 'fail').map((f) => f.at), ['/roles']);
  });

  it('says a file is not JSON, without a stack trace, and exits 1', async () => {
    const path = reportPath('not.json');
    writeFileSync(path, 'status_code: 1000');
    const outcome = await runMain(['validate', '--ocpi-version', '2.2.1', '--object', 'Credentials', path]);
    assert.equal(outcome.code, 1);
    assert.match(outcome.stdout, /not\.json: invalid: not JSON: /);
    assert.doesNotMatch(outcome.stdout + outcome.stderr, /\n\s+at /);
  });

  it('says a file nested 100,000 deep is not an OCPI document, without walking it, and exits 1', async () => {
    const path = reportPath('deep.json');
    writeFileSync(path, `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    const outcome = await runMain(['validate', '--ocpi-version', '2.2.1', '--object', 'Location', path, '--json']);
    assert.equal(outcome.code, 1, outcome.stderr);
    assert.deepEqual((JSON.parse(outcome.stdout) as Array<{ error?: string }>).map((v) => v.error), ['not an OCPI document: it nests deeper than 128 levels']);
  });

  it('refuses an unknown object name or a missing file with exit 2', async () => {
    const unknown = await runMain(['validate', '--ocpi-version', '2.2.1', '--object', 'Lokation', VALID]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /OCPI 2\.2\.1 has no object "Lokation"/);
    const missing = await runMain(['validate', '--ocpi-version', '2.2.1', '--object', 'Location', '/nonexistent/file.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read \/nonexistent\/file\.json: ENOENT/);
  });

  it('validates a document read from standard input with -, named stdin in the verdict.', async () => {
    const credentials = { token: 'abcdefgh12345', url: 'https://ocpi.example.com/versions', roles: [{ role: 'CPO', party_id: 'ABC', country_code: 'NL', business_details: { name: 'Example' } }] };
    const valid = await runMain(['validate', '--ocpi-version', '2.2.1', '--object', 'Credentials', '-'], { stdin: JSON.stringify(credentials) });
    assert.equal(valid.code, 0, valid.stdout + valid.stderr);
    assert.equal(valid.stdout, 'stdin: valid Credentials (OCPI 2.2.1)\n');
    const invalid = await runMain(['validate', '--ocpi-version', '2.2.1', '--object', 'Credentials', '-'], { stdin: '{"token": 1}' });
    assert.equal(invalid.code, 1);
    assert.match(invalid.stdout, /^stdin: invalid Credentials/);
    const twice = await runMain(['validate', '--ocpi-version', '2.2.1', '--object', 'Credentials', '-', '-'], { stdin: '{}' });
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /reads standard input \(-\) once/);
  });

  it('refuses - when standard input is a terminal instead of waiting for typed JSON (through script(1)).', function () {
    if (spawnSync('script', ['--version']).status !== 0) this.skip();
    const command = `${process.execPath} ${BIN} validate --ocpi-version 2.2.1 --object Credentials -; echo "exit=$?"`;
    const outcome = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(outcome.stdout, /ocpi-conformance: error: validate - reads JSON from standard input, which is a terminal here: pipe a document into it/);
    assert.match(outcome.stdout, /exit=2/);
  });
});
