import type { Output } from '../report/console-reporter.js';

/** What a command may touch of the process: injected, so tests can drive the CLI in-process too. */
export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  onInterrupt(handler: () => void): void;
}

/** Prints a one-line error, the way every command reports a usage or runtime error. */
export function printError(io: CliIo, message: string): void {
  io.stderr.write(`ocpi-conformance: error: ${message}\n`);
}
