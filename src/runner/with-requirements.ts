import type { CaseDefinition, CaseSettings } from './define-case.js';
import type { StateKey } from './run-state.js';

/** What the run itself provides before any case runs. */
const GIVEN: ReadonlySet<StateKey> = new Set(['target']);

/** A selection completed with the cases that establish what it needs. */
export interface CompletedSelection {
  /** The selected cases and those pulled in, in catalogue order. */
  readonly cases: readonly CaseDefinition[];
  /** The cases added because a selected case (or an added one) needs what they establish, in catalogue order. */
  readonly pulledIn: readonly CaseDefinition[];
}

/**
 * Adds to `selected` the cases of `eligible` that establish what the selection requires (a registration, the version
 * details, a crawled list, a started session...), and what those require in turn, so that `--only LOC-04` runs the
 * crawl it compares with instead of skipping. A provider is a case that provides the key without requiring it (CRED-05
 * renews a session, it does not establish one); one that skips itself under these settings (CRED-07 outside
 * `--handshake await`) or that the user excluded is never added: the case needing it then skips and says why.
 */
export function withRequirements(selected: readonly CaseDefinition[], eligible: readonly CaseDefinition[], settings: CaseSettings, excluded: ReadonlySet<string>): CompletedSelection {
  const chosen = new Set(selected.map((c) => c.id));
  const added = new Set<string>();
  let frontier: readonly CaseDefinition[] = selected;
  // Each round adds at least one case or ends: bounded by the catalogue's size.
  while (frontier.length > 0) {
    const inRun = eligible.filter((c) => chosen.has(c.id));
    const establishes = (c: CaseDefinition, key: StateKey): boolean => c.provides.includes(key) && !c.requires.includes(key);
    const needed = new Set(frontier.flatMap((c) => c.requires).filter((key) => !GIVEN.has(key) && !inRun.some((c) => establishes(c, key))));
    const providers = eligible.filter((c) =>
      !chosen.has(c.id) && !excluded.has(c.id) && c.skipWhen(settings) === undefined &&
      c.provides.some((key) => needed.has(key) && establishes(c, key)));
    for (const provider of providers) {
      chosen.add(provider.id);
      added.add(provider.id);
    }
    frontier = providers;
  }
  return { cases: eligible.filter((c) => chosen.has(c.id)), pulledIn: eligible.filter((c) => added.has(c.id)) };
}
