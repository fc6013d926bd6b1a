import type { Output } from '../report/console-reporter.js';
import { DEBUG_VARIABLE, printError, printInternalError, type CliIo, type StdinText, type StopReason } from './cli-io.js';
import { EXIT, stoppedExitCode } from './exit-codes.js';
import { main } from './main.js';

/** A standard stream as the launcher uses it. */
export interface ProcessStream extends Output {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** The parts of a Node process the launcher touches: the real `process`, or a test's stand-in. */
export interface LaunchProcess {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: ProcessStream;
  readonly stderr: ProcessStream;
  on(event: 'SIGINT' | 'SIGTERM' | 'SIGHUP', listener: () => void): unknown;
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exit(code: number): void;
  exitCode?: number | string | null | undefined;
  /** Standard input, for `validate -`; absent in tests that have none. */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
}

/** How long the launcher waits: for a stopped run to end, and for the process to end by itself once main returned. */
export interface LaunchDeadlines {
  /** From the first stop signal (or internal error) to a forced exit; the run's teardown has deadlines well inside it. */
  readonly stopMs?: number;
  /** From main's return to a forced exit, when something left behind (a timer, a socket) would keep the process alive. */
  readonly lingerMs?: number;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The most bytes `validate -` reads from standard input, as the largest response body a run reads by default. */
const MAX_STDIN_BYTES = 20 * 1024 * 1024;

/**
 * Standard input to its end, at most MAX_STDIN_BYTES. A terminal is refused rather than waited on: `validate -` is for
 * a pipe or a redirected file, and a prompt waiting for typed JSON would read as a hang.
 */
async function readStdin(stdin: NonNullable<LaunchProcess['stdin']>): Promise<StdinText> {
  if (stdin.isTTY) return { refused: 'validate - reads JSON from standard input, which is a terminal here: pipe a document into it (cat file.json | ocpi-conformance validate ... -)' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) return { refused: `standard input holds more than ${MAX_STDIN_BYTES / (1024 * 1024)} MB` };
    chunks.push(buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs the command line as a process and ends it with the documented exit code, whatever happens: SIGINT, SIGTERM and
 * SIGHUP stop the run once (its teardown runs and its report is written; a second signal does not cut that short), an
 * exception or rejection nothing caught is an internal error (one line, exit 3, the run stopped the same way), and a
 * deadline ends a process that would not end by itself. No stack trace is printed unless OCPI_CONFORMANCE_DEBUG is set.
 */
export async function launch(proc: LaunchProcess = process, deadlines: LaunchDeadlines = {}): Promise<void> {
  const stopMs = deadlines.stopMs ?? 60_000;
  const debug = isSet(proc.env[DEBUG_VARIABLE]);
  const handlers: Array<(reason: StopReason) => void> = [];
  let stopped: StopReason | undefined;
  let crashed = false;

  const stop = (reason: StopReason): void => {
    if (stopped) {
      if (reason !== 'internal-error') proc.stderr.write(`ocpi-conformance: ${reason} again: still stopping, reports first (at most ${stopMs / 1000} s)\n`);
      return;
    }
    stopped = reason;
    // Nothing to end or to write (no run or mock going yet): stop now.
    if (handlers.length === 0) return proc.exit(crashed ? EXIT.error : stoppedExitCode(reason));
    if (reason !== 'internal-error') proc.stderr.write(`ocpi-conformance: ${reason}: stopping; what a run started is undone and its reports are written first (at most ${stopMs / 1000} s)\n`);
    for (const handler of handlers) handler(reason);
    setTimeout(() => {
      printError(proc, `the run did not end within ${stopMs / 1000} s of being stopped; exiting without waiting for it`);
      proc.exit(crashed ? EXIT.error : stoppedExitCode(reason));
    }, stopMs).unref();
  };
  const fatal = (error: unknown): void => {
    if (!crashed) printInternalError(proc, error);
    else if (debug) printInternalError(proc, error);
    crashed = true;
    stop('internal-error');
  };

  for (const signal of SIGNALS) proc.on(signal, () => stop(signal));
  proc.on('uncaughtException', fatal);
  proc.on('unhandledRejection', fatal);
  // A reader that stops early (`list | head`) or a terminal that closed is no error of ours: the run goes on to its
  // teardown and its report files.
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('error', (error) => {
      if (error.code !== 'EPIPE' && error.code !== 'EIO') fatal(error);
    });
  }

  const io: CliIo = {
    stdout: proc.stdout,
    stderr: proc.stderr,
    env: proc.env,
    onInterrupt(handler) {
      handlers.push(handler);
      if (stopped) handler(stopped);
    },
    // The real process is the command's own to tune; a test's stand-in runs inside a process that is not. Loaded when
    // a run starts: node:v8 costs the commands that do not run a few milliseconds of start-up.
    ...(proc === process ? { boundHeapGrowth: async () => (await import('./heap-growth.js')).boundHeapGrowth() } : {}),
    ...(proc.stdin ? { readStdin: () => readStdin(proc.stdin as NonNullable<LaunchProcess['stdin']>), terminal: { input: proc.stdin, output: proc.stderr } } : {}),
  };
  const code = await main(proc.argv.slice(2), io);
  const exitCode = crashed ? EXIT.error : code;
  proc.exitCode = exitCode;
  setTimeout(() => {
    if (debug) printError(proc, `the process did not end by itself ${(deadlines.lingerMs ?? 5000) / 1000} s after the command returned (a tester defect); ending it`);
    proc.exit(exitCode);
  }, deadlines.lingerMs ?? 5000).unref();
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}
