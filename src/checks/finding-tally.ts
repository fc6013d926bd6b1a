import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';
import { foldRepeated } from './fold-repeated.js';

interface CheckTally {
  passes: number;
  failures: Finding[];
  more: number;
  warnings: Finding[];
}

/**
 * Collects the findings of a repeated check (every page, every object of a crawl) without keeping every pass: passes
 * are counted, failures and warnings are kept (all of them by default: the JSON report keeps every finding, and only
 * the console and HTML reports fold long lists), past `keep` they are counted. `findings()` gives one pass per
 * clean check ("on 20 pages"), or the kept failures plus one that says how many more there were.
 */
export class FindingTally {
  readonly #checks = new Map<string, CheckTally>();
  readonly #keep: number;

  constructor({ keep = Number.POSITIVE_INFINITY }: { keep?: number } = {}) {
    this.#keep = keep;
  }

  add(...groups: ReadonlyArray<Finding | readonly Finding[]>): void {
    for (const finding of groups.flat()) {
      const tally = this.#tally(finding.check);
      if (finding.status === 'pass') tally.passes += 1;
      else if (finding.status === 'warn') {
        if (tally.warnings.length < this.#keep) tally.warnings.push(finding);
      } else if (tally.failures.length < this.#keep) tally.failures.push(finding);
      else tally.more += 1;
    }
  }

  /** Counts passes of a check without building a finding for each (a crawl's per-object passes). */
  countPasses(check: string, count: number): void {
    if (count > 0) this.#tally(check).passes += count;
  }

  /** True when any finding of that check (or of any check) failed. */
  failed(check?: string): boolean {
    const failing = (tally: CheckTally | undefined): boolean => (tally?.failures.length ?? 0) + (tally?.more ?? 0) > 0;
    if (check !== undefined) return failing(this.#checks.get(check));
    return [...this.#checks.values()].some(failing);
  }

  /** The findings to report; `what` names the unit a pass counted ("pages", "Locations"). */
  findings(what: (check: string) => string): Finding[] {
    const out: Finding[] = [];
    for (const [check, tally] of this.#checks) {
      // The same failure on every page (an envelope's form, a header left out) is one failure; pushed one at a time, as a
      // crawl may keep hundreds of thousands, more than a spread passes as arguments.
      for (const finding of [foldRepeated(tally.failures), tally.warnings].flat()) out.push(finding);
      if (tally.more > 0) out.push(fail(check, `${tally.failures.length > 0 ? 'and ' : ''}${tally.more} more failures of ${check}${tally.failures.length > 0 ? ' like the ones above' : ''}`));
      if (tally.failures.length === 0 && tally.more === 0 && tally.passes > 0) out.push(pass(check, `held on ${tally.passes} ${what(check)}`));
    }
    return out;
  }

  #tally(check: string): CheckTally {
    let tally = this.#checks.get(check);
    if (!tally) {
      tally = { passes: 0, failures: [], more: 0, warnings: [] };
      this.#checks.set(check, tally);
    }
    return tally;
  }
}
