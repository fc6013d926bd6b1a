import { createRequire } from 'node:module';
import type * as CommanderModule from 'commander';

// commander's ES module entry re-exports its CommonJS build, which Node then scans for its export names before
// running it; requiring the CommonJS build directly skips both, a fifth of `run --help`'s start-up
// (bench/startup-bench.mjs). The types are commander's own.
const commander = createRequire(import.meta.url)('commander') as typeof CommanderModule;

export const { Command, Help, Option, CommanderError } = commander;
export type Command = CommanderModule.Command;
export type Option = CommanderModule.Option;
export type Help = CommanderModule.Help;
