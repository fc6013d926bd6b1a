import type { Command } from './commander.js';
import { ConfigError } from '../config/config-error.js';
import { TOOL } from '../tool-info.js';
import { printError, printInternalError, type CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { helpWidthOf } from './help-width.js';

type CommandFactory = (io: CliIo, setExitCode: (code: number) => void) => Command;

/** The commands, each loaded only when the command line names it (or names none, for the overview). */
const COMMANDS: Readonly<Record<string, () => Promise<CommandFactory>>> = {
  run: async () => (await import('./run-command.js')).runCommand,
  mock: async () => (await import('./mock-command.js')).mockCommand,
  validate: async () => (await import('./validate-command.js')).validateCommand,
  list: async () => (await import('./list-command.js')).listCommand,
  doctor: async () => (await import('./doctor-command.js')).doctorCommand,
  replay: async () => (await import('./replay-command.js')).replayCommand,
  completion: async () => {
    const { completionCommand, optionWords } = await import('./completion-command.js');
    // The words come from the commands' own definitions, loaded only when a script is asked for.
    const words = async (): Promise<{ commands: string[]; options: Record<string, string[]> }> => {
      const options: Record<string, string[]> = {};
      for (const [name, load] of Object.entries(COMMANDS)) {
        if (name === 'completion') continue;
        const quiet: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, onInterrupt: () => undefined };
        options[name] = [...optionWords((await load())(quiet, () => undefined)), '--help'];
      }
      return { commands: Object.keys(COMMANDS), options };
    };
    return (io, setExitCode) => completionCommand(io, setExitCode, words);
  },
};

/** The commands' names; the module of each is `./<name>-command.js`. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

// Start-up is part of the interface: `--version` loads neither commander nor any command, `run --help` only `run`'s
// definition, and each command loads what it needs when it runs (`validate` never loads the HTTP client, the suites
// or the parties).
/** Runs the command line and resolves with the exit code; never throws, never prints a stack trace. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${TOOL.version}\n`);
    return EXIT.ok;
  }
  // `<command> --help` as the build captured it, when nothing it came from changed (src/cli/prebuilt-help.ts).
  if (argv.length === 2 && (argv[1] === '--help' || argv[1] === '-h') && Object.hasOwn(COMMANDS, argv[0] as string)) {
    const { readPrebuiltHelp } = await import('./prebuilt-help.js');
    const text = readPrebuiltHelp(argv[0] as string, helpWidthOf(io.stdout));
    if (text !== undefined) {
      io.stdout.write(text);
      return EXIT.ok;
    }
  }
  const { Command: CommandClass, CommanderError } = await import('./commander.js');
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
    getOutHelpWidth: () => helpWidthOf(io.stdout) as number,
    getErrHelpWidth: () => helpWidthOf(io.stderr) as number,
  };
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new CommandClass('ocpi-conformance')
    .description('Conformance self-assessment for OCPI implementations')
    .version(TOOL.version)
    .exitOverride()
    .configureOutput(output)
    .showHelpAfterError('(run with --help for usage)');
  // The command named (the first word that is not an option) alone, or every command when none is named or the word is
  // none of them, for the overview and commander's own error.
  const named = argv.find((word) => !word.startsWith('-'));
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) {
    const factory = await (COMMANDS[name] as () => Promise<CommandFactory>)();
    program.addCommand(factory(io, setExitCode).exitOverride().configureOutput(output));
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version requests end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // An unknown fault or variant name is a ConfigError too.
    if (error instanceof ConfigError) {
      printError(io, error.message);
      return EXIT.usage;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      printError(io, `cannot listen: ${(error as Error).message}`);
      return EXIT.usage;
    }
    printInternalError(io, error);
    return EXIT.error;
  }
}
