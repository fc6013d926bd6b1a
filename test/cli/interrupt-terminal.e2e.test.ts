import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { BIN, firstLine, reportPath, startCli } from '../helpers/run-cli.js';

const TOKEN_A = 'terminal-test-token-a';
// util-linux `script` gives the command a pseudo-terminal: stdin, stdout and stderr are a terminal, as in a shell.
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** A command line run in a pseudo-terminal, `columns` wide (0: left unsized); what it prints, and how it ends. */
interface TerminalRun {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
  /** Ends the command itself (it runs in the terminal's own session, out of reach of a signal to `script`). */
  kill(): void;
}

function inTerminal(args: readonly string[], columns: number): TerminalRun {
  const command = [process.execPath, BIN, ...args].map((word) => `'${word}'`).join(' ');
  // The shell says its pid before it becomes the command, so that the test can end it whatever state it is in.
  const sized = `${columns > 0 ? `stty cols ${columns} rows 40; ` : ''}echo "pid $$"; exec ${command}`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OCPI_CONFORMANCE_') && key !== 'NO_COLOR'));
  const child = spawn('script', ['-qfec', sized, '/dev/null'], { env: { ...clean, TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let pid: number | undefined;
  // Only the tail is kept: a spinner gone wrong may draw without end, and the test must still fail, not choke.
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-100_000);
    pid ??= Number(/^pid (\d+)/m.exec(output)?.[1] ?? Number.NaN) || undefined;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const kill = (): void => {
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It had ended.
      }
    }
    child.kill('SIGKILL');
  };
  return { child, output: () => output, exited, kill };
}

/** Resolves once the output matches, rejecting at the deadline. */
async function shows(run: TerminalRun, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.output())) {
    if (Date.now() > deadline) throw new Error(`no ${String(pattern)} in time:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The escape codes a terminal run prints, for readable assertions.
const plain = (text: string): string => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

describe('ocpi-conformance run on a terminal', function () {
  this.timeout(60_000);
  let mock: ChildProcess | undefined;
  let run: TerminalRun | undefined;

  before(function () {
    if (!HAS_SCRIPT) this.skip();
  });
  afterEach(() => {
    run?.kill();
    mock?.kill('SIGKILL');
    run = undefined;
    mock = undefined;
  });

  it('stops on Ctrl-C while the spinner shows: it undoes what it started, prints the summary, writes the report and exits 130.', async () => {
    // The UNLOCK_CONNECTOR result never comes: CMD-05 waits for it, with the spinner saying so.
    mock = startCli(['mock', '--role', 'cpo', '--token-a', TOKEN_A, '--fault', 'unlock-result-never-sent']);
    const { versionsUrl } = JSON.parse(await firstLine(mock)) as { versionsUrl: string };
    const json = reportPath();
    run = inTerminal(['run', '--versions-url', versionsUrl, '--token', TOKEN_A, '--allow-commands', '--deadline', '30000', '--report-json', json], 120);
    await shows(run, /waiting for/);
    run.child.stdin?.write('\u0003');
    assert.equal(await run.exited, 130, plain(run.output()));
    const text = plain(run.output());
    assert.match(text, /SIGINT: stopping;/);
    assert.match(text, /^INTERRUPTED \d+ cases: /m);
    assert.match(text, /interrupted: the report is partial/);
    assert.match(text, /teardown: unregister: .*unregistered/);
    assert.ok(existsSync(json), 'the report is written');
    assert.equal((JSON.parse(readFileSync(json, 'utf8')) as { interrupted: boolean }).interrupted, true);
    assert.doesNotMatch(run.output(), new RegExp(`${TOKEN_A}|${Buffer.from(TOKEN_A).toString('base64')}`));
  });

  it('runs to its end on a terminal that reports no width (an unsized pseudo-terminal), spinner and all.', async () => {
    run = inTerminal(['run', '--embedded', 'cpo', '--only', 'VER-01,VER-02,CRED-02'], 0);
    assert.equal(await run.exited, 0, plain(run.output()).slice(-2000));
    assert.match(plain(run.output()), /^PASSED 3 cases: 3 passed/m);
  });
});
