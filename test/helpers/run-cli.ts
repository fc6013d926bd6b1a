import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The launcher the tests run, exactly as a user would. */
export const BIN = fileURLToPath(new URL('../../../bin/ocpi-conformance.js', import.meta.url));

/** What a finished CLI process left behind. */
export interface CliOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI to completion (killed after `timeoutMs`), with NO_COLOR and a clean OCPI_CONFORMANCE_* environment. */
export function runCli(args: readonly string[], options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, options.env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not finish within ${options.timeoutMs ?? 30_000} ms: ${args.join(' ')}\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the CLI and leaves it running (for `mock`, and for interrupt tests). */
export function startCli(args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OCPI_CONFORMANCE_')));
  return spawn(process.execPath, [BIN, ...args], { env: { ...clean, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the first line a process prints on stdout. */
export function firstLine(child: ChildProcess, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('no line on stdout in time')), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const index = buffer.indexOf('\n');
      if (index >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, index));
      }
    });
  });
}

/** A fresh file path for a report. */
export function reportPath(name = 'report.json'): string {
  return join(mkdtempSync(join(tmpdir(), 'ocpi-conformance-test-')), name);
}

/** The JSON report a run wrote. */
export interface JsonReport {
  tool: { name: string; version: string };
  target: { versionsUrl?: string; role?: string; ocpiVersion?: string; offeredVersions?: string[]; testedVersions?: string[] };
  startedAt: string;
  durationMs: number;
  summary: { passed: number; failed: number; errored: number; skipped: number; warnings: number };
  cases: Array<{ id: string; title: string; module: string; status: string; durationMs: number; reason?: string; findings: Array<{ check: string; status: string; message: string }>; exchanges: unknown[] }>;
}

export function readReport(path: string): JsonReport {
  if (!existsSync(path)) throw new Error(`no report at ${path}`);
  return JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
}

/** Ids of the cases with the given status. */
export function casesWith(report: JsonReport, status: string): string[] {
  return report.cases.filter((c) => c.status === status).map((c) => c.id);
}

/** A CLI process in progress: its output so far (stdout and stderr interleaved), and a promise of its exit code. */
export interface RunningCli {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** Follows a started CLI process. */
export function follow(child: ChildProcess): RunningCli {
  let stdout = '';
  let stderr = '';
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    output += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, output: () => output, exited };
}

/** Resolves with the first match of `pattern` in the process's output, rejecting at the deadline. */
export async function outputMatch(run: RunningCli, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(run.output());
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
