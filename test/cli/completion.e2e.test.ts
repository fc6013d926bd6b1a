import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from '../helpers/run-main.js';

/** What bash completes for the words typed, with the script sourced. */
function complete(script: string, words: string[]): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'completion-')), 'ocpi-conformance.bash');
  writeFileSync(file, script);
  const typed = words.map((word) => `'${word}'`).join(' ');
  const result = spawnSync('bash', ['-c', `source '${file}'; COMP_WORDS=(${typed}); COMP_CWORD=${words.length - 1}; _ocpi_conformance; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').filter(Boolean);
}

describe('ocpi-conformance completion', function () {
  this.timeout(30_000);

  it('prints a bash script that completes the commands and each command\'s own options.', async function () {
    if (spawnSync('bash', ['--version']).status !== 0) this.skip();
    const outcome = await runMain(['completion', 'bash']);
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.deepEqual(complete(outcome.stdout, ['ocpi-conformance', 'do']), ['doctor']);
    assert.deepEqual(complete(outcome.stdout, ['ocpi-conformance', 'run', '--peer-u']), ['--peer-url']);
    assert.deepEqual(complete(outcome.stdout, ['ocpi-conformance', 'run', '--fail']), ['--fail-fast']);
    assert.deepEqual(complete(outcome.stdout, ['ocpi-conformance', 'list', '--ne']), ['--needs']);
  });

  it('prints a zsh script through bashcompinit, and refuses another shell with exit 2.', async () => {
    const zsh = await runMain(['completion', 'zsh']);
    assert.equal(zsh.code, 0);
    assert.match(zsh.stdout, /^autoload -U \+X bashcompinit && bashcompinit$/m);
    const fish = await runMain(['completion', 'fish']);
    assert.equal(fish.code, 2);
  });
});
