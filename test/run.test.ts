import assert from 'node:assert/strict';
import { loadRunConfig } from '../src/config/load-run-config.js';
import { run } from '../src/run.js';

describe('a run through the programmatic API', function () {
  this.timeout(60_000);

  it("emits no MaxListenersExceededWarning at concurrency 16: each case and request listens to its own signal, not the run's.", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const config = loadRunConfig({ flags: { embedded: 'cpo', concurrency: 16, quiet: true }, env: {} });
      const result = await run(config, { signal: new AbortController().signal });
      assert.equal(result.summary.failed + result.summary.errored, 0);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings.filter((warning) => warning.startsWith('MaxListenersExceededWarning')), []);
  });
});
