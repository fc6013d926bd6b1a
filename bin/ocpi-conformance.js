#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// Output piped into a reader that stops early (`list | head`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt(handler) {
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  },
};
process.exitCode = await main(process.argv.slice(2), io);
