#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

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
