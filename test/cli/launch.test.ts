import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { launch, type LaunchProcess, type ProcessStream } from '../../src/cli/launch.js';

/** A stand-in for `process`: signals and errors are emitted by the test, exits are recorded instead of made. */
class FakeProcess extends EventEmitter implements LaunchProcess {
  readonly argv: readonly string[];
  readonly env: Record<string, string | undefined>;
  readonly stdout = new FakeStream();
  readonly stderr = new FakeStream();
  readonly exits: number[] = [];
  exitCode?: number | string | null | undefined;

  constructor(args: readonly string[], env: Record<string, string | undefined> = {}) {
    super();
    this.argv = ['node', 'ocpi-conformance', ...args];
    this.env = env;
  }

  exit(code: number): void {
    this.exits.push(code);
  }
}

class FakeStream extends EventEmitter implements ProcessStream {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Resolves once the fake stdout has a first line (the mock's ready line). */
function readyLine(proc: FakeProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the mock printed no line in time')), 10_000);
    const poll = setInterval(() => {
      if (proc.stdout.text.includes('\n')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 10);
  });
}

describe('the launcher', function () {
  this.timeout(20_000);

  it('ends the command on an uncaught exception with exit code 3 and one line, no stack trace', async () => {
    const proc = new FakeProcess(['mock', '--role', 'cpo']);
    const launched = launch(proc, { stopMs: 5000, lingerMs: 60_000 });
    await readyLine(proc);
    proc.emit('uncaughtException', new Error('something broke\n    at somewhere (file.js:1:1)'));
    await launched;
    assert.equal(proc.exitCode, 3);
    assert.equal(proc.stderr.text, 'ocpi-conformance: error: internal error: something broke (a defect of the tester, not of the target; set OCPI_CONFORMANCE_DEBUG=1 for details)\n');
  });

  it('adds the stack trace of an unhandled rejection when OCPI_CONFORMANCE_DEBUG is set', async () => {
    const proc = new FakeProcess(['mock', '--role', 'emsp'], { OCPI_CONFORMANCE_DEBUG: '1' });
    const launched = launch(proc, { stopMs: 5000, lingerMs: 60_000 });
    await readyLine(proc);
    proc.emit('unhandledRejection', new Error('rejected'));
    await launched;
    assert.equal(proc.exitCode, 3);
    assert.match(proc.stderr.text, /^ocpi-conformance: error: internal error: rejected .*\nError: rejected\n\s+at /);
  });

  it('stops a running command once on SIGINT, and a second SIGINT or a SIGHUP only says it is still finishing', async () => {
    const proc = new FakeProcess(['mock', '--role', 'cpo']);
    const launched = launch(proc, { stopMs: 5000, lingerMs: 60_000 });
    await readyLine(proc);
    proc.emit('SIGINT');
    proc.emit('SIGINT');
    proc.emit('SIGHUP');
    await launched;
    assert.deepEqual(proc.exits, []);
    assert.equal(proc.exitCode, 0);
    assert.match(proc.stderr.text, /SIGINT: stopping;/);
    assert.match(proc.stderr.text, /SIGINT again: still stopping/);
    assert.match(proc.stderr.text, /SIGHUP again: still stopping/);
  });

  it('exits at once on a signal when no command has anything to end yet', async () => {
    const proc = new FakeProcess(['--version']);
    proc.emit('SIGTERM'); // before launch: no listener yet, nothing happens
    const launched = launch(proc, { stopMs: 5000, lingerMs: 60_000 });
    proc.emit('SIGTERM');
    await launched;
    assert.deepEqual(proc.exits, [143]);
  });

  it('ignores a reader that went away (EPIPE) instead of failing', async () => {
    const proc = new FakeProcess(['--version']);
    const launched = launch(proc, { stopMs: 5000, lingerMs: 60_000 });
    proc.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await launched;
    assert.equal(proc.exitCode, 0);
    assert.equal(proc.stderr.text, '');
  });
});
