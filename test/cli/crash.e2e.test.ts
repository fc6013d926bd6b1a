import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readReport, reportPath, type CliOutcome } from '../helpers/run-cli.js';

const LAUNCH = fileURLToPath(new URL('../../src/cli/launch.js', import.meta.url));

/**
 * Runs the CLI through the real launcher in a process where `defect` (JavaScript) runs as soon as the CLI first writes
 * to stdout (a run's first case result, a mock's ready line), playing a tester defect that nothing catches: a throw in
 * a timer, a rejected promise nobody awaits.
 */
function runWithDefect(defect: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliOutcome> {
  const script = [
    `const write = process.stdout.write.bind(process.stdout);`,
    `let armed = true;`,
    `process.stdout.write = (...parts) => { if (armed) { armed = false; setTimeout(() => { ${defect} }, 0); } return write(...parts); };`,
    `import(${JSON.stringify(LAUNCH)}).then((m) => m.launch());`,
  ].join('\n');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OCPI_CONFORMANCE_')));
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, 'ocpi-conformance', ...args], { env: { ...clean, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the process did not end within 30 s:\n${stdout}\n${stderr}`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('ocpi-conformance when the tester itself fails', function () {
  this.timeout(40_000);

  for (const [kind, defect] of [
    ['an exception thrown in a timer', "throw new Error('injected defect');"],
    ['a promise rejected with nobody awaiting it', "void Promise.reject(new Error('injected defect'));"],
  ] as const) {
    it(`exits 3 with one line and no stack trace on ${kind}, after writing the partial report`, async () => {
      const json = reportPath();
      const outcome = await runWithDefect(defect, ['run', '--embedded', 'cpo', '--report-json', json]);
      assert.equal(outcome.code, 3, outcome.stdout + outcome.stderr);
      const errors = outcome.stderr.split('\n').filter((line) => line.startsWith('ocpi-conformance: error:'));
      assert.deepEqual(errors, ['ocpi-conformance: error: internal error: injected defect (a defect of the tester, not of the target; set OCPI_CONFORMANCE_DEBUG=1 for details)']);
      assert.doesNotMatch(outcome.stdout + outcome.stderr, /^\s+at /m);
      assert.equal((readReport(json) as ReturnType<typeof readReport> & { interrupted: boolean }).interrupted, true);
    });
  }

  it('prints the stack trace of the defect when OCPI_CONFORMANCE_DEBUG is set', async () => {
    const outcome = await runWithDefect("throw new Error('injected defect');", ['mock', '--role', 'cpo'], { OCPI_CONFORMANCE_DEBUG: '1' });
    assert.equal(outcome.code, 3);
    assert.match(outcome.stderr, /internal error: injected defect[^\n]*\nError: injected defect\n\s+at /);
  });
});
