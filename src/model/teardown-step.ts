import type { Exchange } from './exchange.js';

/** What a compensating step did at teardown. */
export interface TeardownStep {
  readonly what: string;
  readonly caseId: string;
  readonly status: 'done' | 'failed';
  readonly detail: string;
  readonly exchanges: readonly Exchange[];
}
