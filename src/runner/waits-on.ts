import type { CaseDefinition } from './define-case.js';
import type { StateKey } from './run-state.js';

/** The parts of a case that decide what it waits for. */
type Ordering = Pick<CaseDefinition, 'id' | 'requires' | 'provides' | 'after'>;

/**
 * Whether `consumer` waits for `provider` to finish before it reads `key`: `provider` provides it, unless it is declared
 * to run after `consumer` (CRED-05 then VER-07, both renewing the session: VER-07 does not wait for itself through
 * CRED-05). Stages aside: a provider of a later stage is never waited for (the executor checks that).
 */
export function providesFor(provider: Ordering, key: StateKey, consumer: Ordering): boolean {
  return provider.id !== consumer.id && provider.provides.includes(key) && !provider.after.includes(consumer.id);
}

/** Whether `later` runs only once `earlier` has finished, both in one stage: by `after`, or for a key it provides. */
export function waitsOn(later: Ordering, earlier: Ordering): boolean {
  return later.id !== earlier.id && (later.after.includes(earlier.id) || later.requires.some((key) => providesFor(earlier, key, later)));
}
