import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandTrigger } from '../../src/trigger/command-trigger.js';

const SECRET = 'secret-token-1234';
const redact = (text: string): string => text.split(SECRET).join('[redacted]');

describe('the command trigger', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'trigger-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function script(name: string, body: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, body, 'utf8');
    return `node ${JSON.stringify(path)}`;
  }

  it('passes the action and parameters as arguments and as JSON on stdin, and exit 0 means done', async () => {
    const out = join(dir, 'seen.json');
    const command = await script('ok.mjs', `
      import { writeFileSync } from 'node:fs';
      let input = '';
      process.stdin.on('data', (c) => (input += c));
      process.stdin.on('end', () => writeFileSync(${JSON.stringify(out)}, JSON.stringify({ argv: process.argv.slice(2), stdin: JSON.parse(input) })));
    `);
    const outcome = await new CommandTrigger({ command, deadlineMs: 10_000, redact }).fire({ action: 'push-location', params: { location_id: 'LOC 1', receiver_url: 'http://127.0.0.1:1/versions' } });
    assert.deepEqual(outcome, { status: 'done' });
    const seen = JSON.parse(await readFile(out, 'utf8')) as { argv: string[]; stdin: unknown };
    assert.deepEqual(seen.argv, ['push-location', 'location_id=LOC 1', 'receiver_url=http://127.0.0.1:1/versions']);
    assert.deepEqual(seen.stdin, { action: 'push-location', params: { location_id: 'LOC 1', receiver_url: 'http://127.0.0.1:1/versions' } });
  });

  it('fails with the exit code and the end of stderr, with tokens redacted, when the command exits non-zero', async () => {
    const command = await script('fail.mjs', `process.stderr.write('cannot reach the charger with ${SECRET}\\n'); process.exit(3);`);
    const outcome = await new CommandTrigger({ command, deadlineMs: 10_000, redact }).fire({ action: 'push-cdr', params: { cdr_id: 'C1' } });
    assert.equal(outcome.status, 'failed');
    assert.ok(outcome.status === 'failed' && outcome.reason.includes('exit code 3'), JSON.stringify(outcome));
    assert.ok(outcome.status === 'failed' && outcome.reason.includes('cannot reach the charger'));
    assert.ok(!JSON.stringify(outcome).includes(SECRET));
  });

  it('is unavailable, so the case skips, when the command exits 69 (it does not perform the action)', async () => {
    const command = await script('unsupported.mjs', `process.stderr.write('push-cdr is not wired yet\\n'); process.exit(69);`);
    const outcome = await new CommandTrigger({ command, deadlineMs: 10_000, redact }).fire({ action: 'push-cdr', params: { cdr_id: 'C1' } });
    assert.deepEqual(outcome, { status: 'unavailable', reason: 'the trigger command does not perform push-cdr (it exited 69); its stderr: push-cdr is not wired yet' });
  });

  it('ends a command that outlives the deadline and says so', async () => {
    const command = await script('hang.mjs', 'setInterval(() => undefined, 1000);');
    const started = Date.now();
    const outcome = await new CommandTrigger({ command, deadlineMs: 300, redact }).fire({ action: 'push-token', params: {} });
    assert.ok(Date.now() - started < 5000);
    assert.ok(outcome.status === 'failed' && outcome.reason.includes('did not exit within 300 ms'), JSON.stringify(outcome));
  });

  it('does not let a parameter value run as shell code', async () => {
    const marker = join(dir, 'pwned');
    const command = await script('noop.mjs', '');
    const outcome = await new CommandTrigger({ command, deadlineMs: 10_000, redact }).fire({ action: 'push-location', params: { location_id: `$(touch ${marker})` } });
    assert.deepEqual(outcome, { status: 'done' });
    await assert.rejects(readFile(marker));
  });
});
