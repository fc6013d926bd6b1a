#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// Output piped into a reader that stops early (`list | head`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const interruptHandlers = [];
const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt(handler) {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, handler);
      interruptHandlers.push([signal, handler]);
    }
  },
};
process.exitCode = await main(process.argv.slice(2), io);
// The command is done: a signal now ends the process as usual, and whatever a hostile target left open (a socket it
// never closes) cannot keep a finished run alive for more than a moment.
for (const [signal, handler] of interruptHandlers) process.off(signal, handler);
setTimeout(() => process.exit(), 2000).unref();
