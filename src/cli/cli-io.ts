import type { Output } from '../report/console-reporter.js';

/** Why the process is asked to stop: a signal, or an internal error caught at the process level. */
export type StopReason = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'internal-error';

/** What a command may touch of the process: injected, so tests can drive the CLI in-process too. */
export interface CliIo {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Calls `handler` once when the process is asked to stop (SIGINT, SIGTERM, SIGHUP, or an internal error elsewhere in
   * the process), at once when it already was; later signals do not call it again.
   */
  onInterrupt(handler: (reason: StopReason) => void): void;
  /** Reads standard input to its end (`validate -`); absent where there is none to read. */
  readStdin?(): Promise<StdinText>;
  /** Where a trigger prompt asks a person to act on the target (stdin and stderr); absent where nobody can be asked. */
  readonly terminal?: { readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean }; readonly output: { write(text: string): unknown } };
  /** Tunes this process's heap for a run (see heap-growth.ts); absent where the process is not the command's own. */
  boundHeapGrowth?(): Promise<void>;
}

/** What standard input held, or why it was not read. */
export type StdinText = { readonly text: string } | { readonly refused: string };

/** Prints a one-line error, the way every command reports a usage or runtime error. */
export function printError(io: Pick<CliIo, 'stderr'>, message: string): void {
  io.stderr.write(`ocpi-conformance: error: ${message}\n`);
}

/** Prints a one-line warning: something the user should fix that does not stop the command. */
export function printWarning(io: Pick<CliIo, 'stderr'>, message: string): void {
  io.stderr.write(`ocpi-conformance: warning: ${message}\n`);
}

/** The variable that adds stack traces to internal errors (README, "Exit codes"). */
export const DEBUG_VARIABLE = 'OCPI_CONFORMANCE_DEBUG';

/**
 * Prints an internal error (a defect of the tester, never a verdict on the target) as one line; its stack follows
 * only when OCPI_CONFORMANCE_DEBUG is set.
 */
export function printInternalError(io: Pick<CliIo, 'stderr' | 'env'>, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  printError(io, `internal error: ${message.split('\n')[0] ?? ''} (a defect of the tester, not of the target; set ${DEBUG_VARIABLE}=1 for details)`);
  const debug = io.env[DEBUG_VARIABLE];
  if (debug !== undefined && debug !== '' && debug !== '0' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
}
