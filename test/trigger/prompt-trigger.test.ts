import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { PromptTrigger } from '../../src/trigger/prompt-trigger.js';

/** A fake terminal: a stream in, the prompt text out. */
function terminal(isTTY: boolean): { input: PassThrough & { isTTY?: boolean }; output: PassThrough; said: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { input, output, said: () => text };
}

describe('the prompt trigger', () => {
  it('is unavailable at once, with a reason naming the flags, when stdin is not a terminal', async () => {
    const t = terminal(false);
    const started = Date.now();
    const outcome = await new PromptTrigger(t, 60_000).fire({ action: 'push-location', params: {} });
    assert.ok(Date.now() - started < 1000);
    assert.ok(outcome.status === 'unavailable' && outcome.reason.includes('--trigger-command') && outcome.reason.includes('not a terminal'), JSON.stringify(outcome));
    assert.equal(t.said(), '');
  });

  it('names the action and its parameters, and Enter means done', async () => {
    const t = terminal(true);
    const pending = new PromptTrigger(t, 5000).fire({ action: 'stop-session', params: { session_id: 'S1' } });
    t.input.write('\n');
    assert.deepEqual(await pending, { status: 'done' });
    assert.match(t.said(), /stop-session \(session_id=S1\)/);
  });

  it('fails at the deadline when nobody presses Enter', async () => {
    const t = terminal(true);
    const outcome = await new PromptTrigger(t, 200).fire({ action: 'push-cdr', params: {} });
    assert.ok(outcome.status === 'failed' && outcome.reason.includes('within 200 ms'), JSON.stringify(outcome));
  });
});
