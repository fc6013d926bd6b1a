import assert from 'node:assert/strict';
import { colorEnabled } from '../../src/cli/run-command.js';

describe('colorEnabled', () => {
  const tty = { isTTY: true, write: () => true };
  it('colours a terminal unless --no-color or a non-empty NO_COLOR says not to, and never a pipe.', () => {
    assert.equal(colorEnabled(true, { env: {}, stdout: tty }), true);
    assert.equal(colorEnabled(true, { env: { NO_COLOR: '' }, stdout: tty }), true);
    assert.equal(colorEnabled(true, { env: { NO_COLOR: '1' }, stdout: tty }), false);
    assert.equal(colorEnabled(false, { env: {}, stdout: tty }), false);
    assert.equal(colorEnabled(true, { env: {}, stdout: { write: () => true } }), false);
  });
});
