import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what a full collection left alive before it collects again, as a
 * percentage: the next limit is (1 + HEAP_GROWING_PERCENT / 100) times the live size.
 *
 * A run holds little (a crawl keeps about 40 bytes per object, outside the JS heap) and makes a great deal of short-lived
 * garbage, some of which outlives a young-generation collection. V8 by default lets that grow to about three times the
 * live size before a full collection when the process is busy, so a long crawl peaked about 40 MB above a short one (183
 * against 159 MB at 100,000 and 10,000 Locations). At 1.5 times, both sizes peak lower and within about 1.1x of each
 * other (144 to 148 MB against 130 to 134 MB; 125 to 127 against 118 to 119 since the client sends on Node's own HTTP
 * client), for 4 to 5% more wall time on the 100,000 crawl and 10 to 15 ms (about 1%) on a cold full run
 * (bench/README.md: crawl-bench.mjs, run-bench.mjs).
 */
export const HEAP_GROWING_PERCENT = 50;

/** The flags that bound the heap's growth in a run, unless the node command line already set them. */
export function heapGrowthFlags(execArgv: readonly string[]): string[] {
  const set = execArgv.some((arg) => arg.startsWith('--heap-growing-percent') || arg.startsWith('--heap_growing_percent'));
  return set ? [] : [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
}

/**
 * Bounds the heap's growth for a run in this process. V8 reads this flag at each full collection, so setting it once
 * the process runs takes effect from the next one. Only the command line does this, for `run`: the process is its own;
 * the programmatic API leaves its host's heap alone, and `mock` (which holds every Location it serves, live) keeps V8's
 * default, under which it seeds 100,000 Locations about 20% faster.
 */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = setFlagsFromString): void {
  for (const flag of heapGrowthFlags(execArgv)) setFlags(flag);
}
