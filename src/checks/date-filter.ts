import { dateTimeMs } from '../schemas/ocpi-datetime.js';
import type { Exchange } from '../model/exchange.js';
import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';

/** A date_from/date_to window over last_updated: from inclusive, to exclusive. */
export interface DateWindow {
  readonly from: string;
  readonly to: string;
}


/** Whether a last_updated value lies inside the window. */
export function inWindow(lastUpdated: string, window: DateWindow): boolean {
  const at = dateTimeMs(lastUpdated);
  return at >= dateTimeMs(window.from) && at < dateTimeMs(window.to);
}

/** What a filtered request returned and what the full crawl says it should have returned, by object key. */
export interface DateFilterEvidence {
  readonly window: DateWindow;
  readonly exchange: Exchange;
  /** key -> last_updated of every object the filtered request returned. */
  readonly received: ReadonlyMap<string, string>;
  /** key -> last_updated of every object of the full crawl inside the window. */
  readonly expected: ReadonlyMap<string, string>;
  /**
   * False when the filtered request's pages stopped short of the last one (a broken Link, a loop): an object it did
   * return outside the window is still wrong, but a missing one may have been on a page never reached. True by default.
   */
  readonly complete?: boolean;
  /**
   * 2.1.1 says only "after" date_from and "before" date_to: an object on either edge may come or not, and `expected`
   * holds the objects strictly inside. False (2.2 on: date_from inclusive, date_to exclusive) by default.
   */
  readonly openEdges?: boolean;
}

/**
 * Asserts a date_from/date_to request returned exactly the objects whose last_updated is inside the window:
 * date_from inclusive, date_to exclusive. Each object outside the window and each one missing is a failure; when the
 * pages did not run to the end, only the objects outside the window are judged.
 */
export function checkDateFilter(evidence: DateFilterEvidence): Finding[] {
  const check = 'pagination.date-filter';
  const { window, exchange } = evidence;
  const at = { exchangeId: exchange.id };
  const findings: Finding[] = [];
  const onEdge = (lastUpdated: string): boolean => evidence.openEdges === true && (dateTimeMs(lastUpdated) === dateTimeMs(window.from) || dateTimeMs(lastUpdated) === dateTimeMs(window.to));
  const span = evidence.openEdges === true ? `${window.from} < last_updated < ${window.to} (either edge may come or not)` : `${window.from} <= last_updated < ${window.to}`;
  for (const [key, lastUpdated] of evidence.received) {
    if (inWindow(lastUpdated, window) || onEdge(lastUpdated)) continue;
    const rule = lastUpdated === window.to || dateTimeMs(lastUpdated) === dateTimeMs(window.to) ? ' (date_to is exclusive)' : '';
    findings.push(fail(check, `${key} (last_updated ${lastUpdated}) is outside date_from=${window.from} date_to=${window.to}${rule}`, { ...at, expected: span, actual: lastUpdated }));
  }
  const complete = evidence.complete ?? true;
  for (const [key, lastUpdated] of complete ? evidence.expected : []) {
    if (evidence.received.has(key)) continue;
    const rule = evidence.openEdges !== true && dateTimeMs(lastUpdated) === dateTimeMs(window.from) ? ' (date_from is inclusive)' : '';
    findings.push(fail(check, `${key} (last_updated ${lastUpdated}) is inside date_from=${window.from} date_to=${window.to} but was not returned${rule}`, { ...at, expected: key, actual: null }));
  }
  if (findings.length === 0 && !complete) findings.push(pass(check, `the ${evidence.received.size} objects returned have ${span} (whether any is missing is not judged: the pages did not run to the end)`, at));
  else if (findings.length === 0) findings.push(pass(check, `${evidence.openEdges === true ? 'all' : 'exactly'} the ${evidence.expected.size} objects with ${span}`, at));
  return findings;
}
