import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_NAMES } from '../../src/cli/main.js';
import { PREBUILT_HELP_WIDTH, readPrebuiltHelp, writePrebuiltHelp } from '../../src/cli/prebuilt-help.js';
import { runMain } from '../helpers/run-main.js';

const CLI_DIR = dirname(fileURLToPath(import.meta.resolve('../../src/cli/main.js')));
const commandModules = (): Record<string, string> => Object.fromEntries(COMMAND_NAMES.map((name) => [name, join(CLI_DIR, `${name}-command.js`)]));

/** What commander prints for a command's help: `help <name>`, which never takes the prebuilt path. */
async function commanderHelp(name: string): Promise<string> {
  const outcome = await runMain(['help', name]);
  assert.equal(outcome.code, 0, outcome.stderr);
  return outcome.stdout;
}

describe('prebuilt help', () => {
  let dir: string;
  let file: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prebuilt-help-'));
    file = join(dir, 'prebuilt-help.json');
    await writePrebuiltHelp(commandModules(), commanderHelp, file);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back, for every command, exactly the help commander prints', async () => {
    for (const name of COMMAND_NAMES) assert.equal(readPrebuiltHelp(name, undefined, file), await commanderHelp(name), name);
  });

  it('answers a terminal of the width it was built for, and no other', () => {
    assert.equal(typeof readPrebuiltHelp('run', PREBUILT_HELP_WIDTH, file), 'string');
    assert.equal(readPrebuiltHelp('run', 120, file), undefined);
  });

  it('refuses a help built from files whose content has changed since', () => {
    const built = JSON.parse(readFileSync(file, 'utf8')) as { commands: Record<string, { hash: number }> };
    (built.commands['run'] as { hash: number }).hash += 1;
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(built));
    assert.equal(readPrebuiltHelp('run', undefined, tampered), undefined);
  });

  it('refuses a help built from a module that no longer exists', () => {
    const built = JSON.parse(readFileSync(file, 'utf8')) as { commands: Record<string, { modules: string[] }> };
    (built.commands['run'] as { modules: string[] }).modules.push('gone.js');
    const moved = join(dir, 'moved.json');
    writeFileSync(moved, JSON.stringify(built));
    assert.equal(readPrebuiltHelp('run', undefined, moved), undefined);
  });

  it('has no help for an unknown command, a missing file or a file that is not JSON', () => {
    assert.equal(readPrebuiltHelp('nope', undefined, file), undefined);
    assert.equal(readPrebuiltHelp('run', undefined, join(dir, 'missing.json')), undefined);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{');
    assert.equal(readPrebuiltHelp('run', undefined, broken), undefined);
  });

  it('makes `run --help` and `run -h` print what commander prints, with or without a built file', async () => {
    const expected = await commanderHelp('run');
    for (const flag of ['--help', '-h']) {
      const outcome = await runMain(['run', flag]);
      assert.deepEqual(outcome, { code: 0, stdout: expected, stderr: '' });
    }
  });
});
