import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { UnknownFaultError } from '../parties/unknown-fault-error.js';
import { UnknownVariantError } from '../parties/unknown-variant-error.js';
import { TOOL } from '../tool-info.js';
import { printError, printInternalError, type CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { listCommand } from './list-command.js';
import { mockCommand } from './mock-command.js';
import { runCommand } from './run-command.js';
import { validateCommand } from './validate-command.js';

// Each command loads what it needs when it runs, so `validate` does not pay for the HTTP client, the suites and the parties.
/** Runs the command line and resolves with the exit code; never throws, never prints a stack trace. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('ocpi-conformance')
    .description('Conformance self-assessment for OCPI implementations')
    .version(TOOL.version)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run with --help for usage)');
  for (const command of [runCommand(io, setExitCode), mockCommand(io, setExitCode), validateCommand(io, setExitCode), listCommand(io)]) {
    program.addCommand(command.exitOverride().configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) }));
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version requests end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ConfigError || error instanceof UnknownFaultError || error instanceof UnknownVariantError) {
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
