import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/config-error.js';
import { checkOutputPaths } from '../../src/config/output-paths.js';

describe('the output paths of a run, checked before it starts', () => {
  const folder = mkdtempSync(join(tmpdir(), 'output-paths-'));
  const refused = (pattern: RegExp) => (error: unknown): boolean => error instanceof ConfigError && pattern.test(error.message);

  it('accepts new and existing files in writable folders, stdout for the JSON report, and an evidence folder to create', () => {
    writeFileSync(join(folder, 'old.json'), '{}');
    assert.doesNotThrow(() => checkOutputPaths({ reportJson: join(folder, 'old.json'), reportJunit: join(folder, 'new.xml'), reportHtml: join(folder, 'r.html'), evidence: join(folder, 'evidence') }));
    assert.doesNotThrow(() => checkOutputPaths({ reportJson: '-', evidence: folder }));
    assert.doesNotThrow(() => checkOutputPaths({ evidence: join(folder, 'new', 'nested') }));
  });

  it('refuses a file in a missing folder, a file that is a folder, and evidence that is a file', () => {
    assert.throws(() => checkOutputPaths({ reportHtml: join(folder, 'missing', 'r.html') }), refused(/^--report-html: the folder of .* does not exist$/));
    assert.throws(() => checkOutputPaths({ reportJson: folder }), refused(/^--report-json: .* is a folder$/));
    writeFileSync(join(folder, 'a-file'), '');
    assert.throws(() => checkOutputPaths({ evidence: join(folder, 'a-file') }), refused(/^--evidence: .* is a file, not a folder$/));
    assert.throws(() => checkOutputPaths({ writeBaseline: join(folder, 'a-file', 'b.json') }), refused(/^--write-baseline: .*a-file is not a folder$/));
  });
});
