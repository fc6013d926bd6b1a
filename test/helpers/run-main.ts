import { main } from '../../src/cli/main.js';
import type { CliOutcome } from './run-cli.js';

/**
 * Runs the command line in this process, through `main` with captured output, as `runCli` does in a child process:
 * the same arguments, a clean OCPI_CONFORMANCE_* environment and NO_COLOR, the same outcome. Everything but the
 * process launcher (signals, exit, stream errors; test/cli/launch.test.ts and the spawned end-to-end tests cover it)
 * runs, at a fraction of a process's start-up and cold-JIT cost. Stdout and stderr are pipes, not terminals.
 */
export async function runMain(args: readonly string[], options: { timeoutMs?: number; env?: Record<string, string>; stdin?: string } = {}): Promise<CliOutcome> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OCPI_CONFORMANCE_')));
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
    env: { ...clean, NO_COLOR: '1', ...options.env },
    onInterrupt: () => undefined,
    ...(options.stdin !== undefined ? { readStdin: () => Promise.resolve({ text: options.stdin as string }) } : {}),
  };
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the command did not finish within ${timeoutMs} ms: ${args.join(' ')}\n${stdout}\n${stderr}`)), timeoutMs);
  });
  try {
    const code = await Promise.race([main(args, io), timeout]);
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}
