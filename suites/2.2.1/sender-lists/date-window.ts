import { inWindow, type DateWindow } from '../../../src/checks/date-filter.js';
import { dateTimeMs } from '../../../src/schemas/ocpi-datetime.js';
import type { ListDigest } from '../../../src/runner/run-state.js';

/** A window and the objects of the full crawl inside it. */
export interface ChosenWindow {
  readonly window: DateWindow;
  readonly expected: ReadonlyMap<string, string>;
}

/**
 * Chooses a date window from the data seen, so both of its edges fall exactly on objects: date_from on one object's
 * last_updated (which must be returned: inclusive) and date_to on a later object's (which must not: exclusive). The
 * window holds few objects, so the answer fits one page. Undefined with fewer than three distinct timestamps.
 */
export function chooseDateWindow(digest: ListDigest): ChosenWindow | undefined {
  const times = [...new Set(digest.entries.map(([, at]) => at).filter((at) => !Number.isNaN(dateTimeMs(at))))].sort((a, b) => dateTimeMs(a) - dateTimeMs(b));
  if (times.length < 3) return undefined;
  const start = Math.floor((times.length - 2) / 2);
  const window = { from: times[start] as string, to: times[start + 2] as string };
  const expected = new Map(digest.entries.filter(([, at]) => inWindow(at, window)));
  return { window, expected };
}
