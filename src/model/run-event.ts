import type { CaseResult, RunResult } from './case-result.js';
import type { Stage } from './stage.js';
import type { OcpiVersion } from './ocpi-version.js';

/** The events a run emits, in order; reporters only listen (they never decide pass or fail). */
export type RunEvent =
  | { readonly type: 'run-start'; readonly versions: readonly OcpiVersion[]; readonly cases: ReadonlyArray<{ readonly id: string; readonly title: string }> }
  /** A run of several versions starts the next (not emitted when the run tests one). */
  | { readonly type: 'version-start'; readonly version: OcpiVersion; readonly cases: number }
  | { readonly type: 'stage-start'; readonly stage: Stage; readonly cases: number }
  | { readonly type: 'stage-end'; readonly stage: Stage }
  | { readonly type: 'case-start'; readonly id: string; readonly title: string }
  | { readonly type: 'case-end'; readonly result: CaseResult }
  | { readonly type: 'wait-start'; readonly caseId: string; readonly what: string; readonly timeoutMs: number }
  | { readonly type: 'wait-end'; readonly caseId: string }
  /** Something the person running the tool must see or do now (e.g. where to register in --handshake await). */
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'run-end'; readonly result: RunResult };

export type RunEventListener = (event: RunEvent) => void;
