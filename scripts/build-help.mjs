// Build step after tsc: captures each command's `--help` as `main` prints it (not a terminal: commander's default
// width) into dist/src/cli/prebuilt-help.json, which `<command> --help` prints without loading commander when nothing
// it came from changed since (src/cli/prebuilt-help.ts).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMAND_NAMES, main } from '../dist/src/cli/main.js';
import { PREBUILT_HELP_FILE, writePrebuiltHelp } from '../dist/src/cli/prebuilt-help.js';

// The help is captured from commander, never from a help file an earlier build left.
rmSync(PREBUILT_HELP_FILE, { force: true });

const commands = Object.fromEntries(COMMAND_NAMES.map((name) => [name, fileURLToPath(new URL(`../dist/src/cli/${name}-command.js`, import.meta.url))]));
await writePrebuiltHelp(commands, async (name) => {
  let out = '';
  let err = '';
  const io = { stdout: { write: (text) => (out += text) }, stderr: { write: (text) => (err += text) }, env: {}, onInterrupt: () => undefined };
  const code = await main([name, '--help'], io);
  if (code !== 0 || err !== '') throw new Error(`${name} --help exited ${code}: ${err}`);
  return out;
});
