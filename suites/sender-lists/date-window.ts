import type { DateWindow } from '../../src/checks/date-filter.js';
import type { ListEntries } from '../../src/runner/list-entries.js';
import type { ListDigest } from '../../src/runner/run-state.js';

/** A window and the objects of the full crawl inside it. */
export interface ChosenWindow {
  readonly window: DateWindow;
  readonly expected: ReadonlyMap<string, string>;
}

/**
 * Chooses a date window from the data seen, so both of its edges fall exactly on objects: date_from on one object's
 * last_updated (which must be returned: inclusive) and date_to on a later object's (which must not: exclusive). The
 * window holds few objects, so the answer fits one page. Undefined with fewer than three distinct timestamps. With
 * `openEdges` (2.1.1) the edges may come or not, and the object between them is the one expected.
 */
export function chooseDateWindow(digest: ListDigest, openEdges = false): ChosenWindow | undefined {
  const { entries } = digest;
  // The distinct instants, sorted in a typed array: a list of 100,000 objects is read without a string per object.
  const instants = Float64Array.from({ length: entries.size }, (_, entry) => entries.instantAt(entry)).filter((at) => !Number.isNaN(at)).sort();
  const times = instants.filter((at, index) => index === 0 || at !== instants[index - 1]);
  if (times.length < 3) return undefined;
  const start = Math.floor((times.length - 2) / 2);
  // Each edge as one object that falls on it wrote it, so the query carries a last_updated the target sent.
  const written = (instant: number): string => {
    for (let entry = 0; ; entry += 1) if (entries.instantAt(entry) === instant) return entries.lastUpdatedAt(entry);
  };
  const window = { from: written(times[start] as number), to: written(times[start + 2] as number) };
  const expected = new Map<string, string>();
  for (let entry = 0; entry < entries.size; entry += 1) {
    const at = entries.instantAt(entry);
    // With open edges (2.1.1) only the object strictly inside must come.
    if ((openEdges ? at > (times[start] as number) : at >= (times[start] as number)) && at < (times[start + 2] as number)) expected.set(entries.keyAt(entry), entries.lastUpdatedAt(entry));
  }
  return { window, expected };
}

/** The earliest last_updated of a list as the target wrote it (the first received, of equals); any when none is a DateTime. */
export function oldestLastUpdated(entries: ListEntries): string | undefined {
  let oldest: number | undefined;
  for (let entry = 0; entry < entries.size; entry += 1) {
    const at = entries.instantAt(entry);
    if (!Number.isNaN(at) && (oldest === undefined || at < entries.instantAt(oldest))) oldest = entry;
  }
  return entries.size === 0 ? undefined : entries.lastUpdatedAt(oldest ?? 0);
}
