import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkCatalogue, type CatalogueCase } from '../../src/cli/check-catalogue.js';
import { renderChecksDoc } from '../../src/cli/checks-doc.js';
import { FAULTS } from '../../src/parties/fault-catalogue.js';
import { ALL_CASES } from '../../suites/index.js';
import { runCli, startCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

const DOC = new URL('../../../docs/checks.md', import.meta.url);

describe('ocpi-conformance list', () => {
  it('prints one line per case and the profiles with their case counts.', async () => {
    const outcome = await runCli(['list']);
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.match(outcome.stdout, /^VER-01\s+required\s+any\s+versions\s+The versions endpoint/m);
    assert.match(outcome.stdout, new RegExp(`^${ALL_CASES.length} cases\\. Cases per OCPI version \\(--ocpi-version\\): 2\\.1\\.1: \\d+, 2\\.2\\.1: \\d+, 2\\.3\\.0: \\d+\\. Profiles \\(--profile\\):`, 'm'));
    const required = ALL_CASES.filter((c) => c.severity === 'required').length;
    assert.match(outcome.stdout, new RegExp(`^  required\\s+${required} cases  only the cases of MUST/SHALL rules`, 'm'));
    assert.match(outcome.stdout, new RegExp(`^  full\\s+${ALL_CASES.length} cases  every case`, 'm'));
  });

  it('leaves out the cases of SHOULD rules with --profile required.', async () => {
    const outcome = await runMain(['list', '--profile', 'required']);
    const recommended = ALL_CASES.filter((c) => c.severity !== 'required').map((c) => c.id);
    assert.ok(recommended.length > 0);
    for (const id of recommended) assert.doesNotMatch(outcome.stdout, new RegExp(`^${id} `, 'm'));
    assert.match(outcome.stdout, /^VER-01 /m);
  });

  it('shows a severity that differs per version beside the others, and only the version\'s own with --ocpi-version.', async () => {
    assert.match((await runMain(['list'])).stdout, /^AUTH-03\s+required; 2\.1\.1 recommended\s/m);
    assert.match((await runMain(['list', '--ocpi-version', '2.1.1'])).stdout, /^AUTH-03\s+recommended\s/m);
    assert.match((await runMain(['list', '--ocpi-version', '2.2.1'])).stdout, /^AUTH-03\s+required\s/m);
  });

  it('shows each case\'s checks and the faults that prove them with --checks.', async () => {
    const outcome = await runMain(['list', '--checks']);
    assert.match(outcome.stdout, /^VER-01 .*\n(\s+\S+\s+\(.*\)\n)*\s+envelope\.status-code\s+\(proved by versions-status-2000\)$/m);
  });

  it('gives every case with its spec reference, severity, profiles and each check with its faults and failure text as JSON.', async () => {
    const outcome = await runMain(['list', '--json']);
    const cases = JSON.parse(outcome.stdout) as CatalogueCase[];
    assert.equal(cases.length, ALL_CASES.length);
    const ver01 = cases.find((c) => c.id === 'VER-01');
    assert.equal(ver01?.severity, 'required');
    assert.deepEqual(ver01?.profiles, ['required', 'full']);
    assert.match(ver01?.spec.section ?? '', /Versions/);
    const statusCode = ver01?.checks.find((check) => check.id === 'envelope.status-code');
    assert.deepEqual(statusCode?.faults.map((f) => [f.name, f.text]), [['versions-status-2000', 'expected status_code 1000, got 2000']]);
  });
});

describe('a reader that stops early', () => {
  it('ends the CLI quietly, as `list | head` does, without a stack trace.', async () => {
    const child = startCli(['list', '--checks']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.once('data', () => child.stdout?.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});

describe('docs/checks.md', () => {
  const generated = renderChecksDoc(checkCatalogue(ALL_CASES, FAULTS));

  it('is what `ocpi-conformance list --markdown` generates (run `npm run docs:checks` when this fails).', () => {
    assert.ok(readFileSync(DOC, 'utf8') === generated, 'docs/checks.md is out of date: run `npm run docs:checks` and commit the result');
  });

  it('names a proving fault and its failure text for every check of the catalogue.', () => {
    assert.doesNotMatch(generated, /No fault proves this check yet/);
    for (const id of new Set(ALL_CASES.flatMap((c) => c.checks))) assert.match(generated, new RegExp(`^### ${id.replace(/\./g, '\\.')}\\n\\nReported by .*\\n\\n\\| fault \\| case`, 'm'), id);
  });
});
