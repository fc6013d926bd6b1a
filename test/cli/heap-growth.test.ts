import assert from 'node:assert/strict';
import type { CliIo } from '../../src/cli/cli-io.js';
import { boundHeapGrowth, HEAP_GROWING_PERCENT, heapGrowthFlags } from '../../src/cli/heap-growth.js';
import { main } from '../../src/cli/main.js';

/** A command line's io that counts the calls to boundHeapGrowth. */
function countingIo(): { io: CliIo; calls: () => number } {
  let calls = 0;
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: { NO_COLOR: '1' },
    onInterrupt: () => undefined,
    boundHeapGrowth: () => {
      calls += 1;
      return Promise.resolve();
    },
  };
  return { io, calls: () => calls };
}

describe('heapGrowthFlags', () => {
  it('bounds the old generation to grow by HEAP_GROWING_PERCENT past what a full collection left alive.', () => {
    assert.deepEqual(heapGrowthFlags([]), [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    assert.deepEqual(heapGrowthFlags(['--max-old-space-size=64', '--enable-source-maps']), [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it('leaves a growth the node command line set alone, whatever way it is spelled (0 gives back V8 its own).', () => {
    assert.deepEqual(heapGrowthFlags(['--heap-growing-percent=0']), []);
    assert.deepEqual(heapGrowthFlags(['--heap_growing_percent=200']), []);
  });
});

describe('boundHeapGrowth', () => {
  it('sets the flags on V8 through the setter it is given, once each.', () => {
    const set: string[] = [];
    boundHeapGrowth([], (flags) => set.push(flags));
    assert.deepEqual(set, [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    set.length = 0;
    boundHeapGrowth(['--heap-growing-percent=20'], (flags) => set.push(flags));
    assert.deepEqual(set, []);
  });
});

describe('the command line and the heap', () => {
  it('bounds the heap for run, and not for list or mock --help.', async function () {
    this.timeout(30_000);
    const run = countingIo();
    assert.equal(await main(['run', '--embedded', 'cpo', '--only', 'VER-01', '--quiet'], run.io), 0);
    assert.equal(run.calls(), 1);
    for (const argv of [['list'], ['mock', '--help']]) {
      const other = countingIo();
      await main(argv, other.io);
      assert.equal(other.calls(), 0, argv.join(' '));
    }
  });
});
