import type { CaseResult, RunResult } from './case-result.js';
import type { Stage } from './stage.js';
import type { OcpiVersion } from './ocpi-version.js';
import type { Exchange } from './exchange.js';

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
  /**
   * How far a case's crawl of a list has come: emitted at most every CRAWL_PROGRESS_INTERVAL_MS while it runs (a crawl
   * shorter than that emits nothing), then once with `done` when a crawl that emitted progress ends.
   */
  | { readonly type: 'crawl-progress'; readonly caseId: string; readonly url: string; readonly pages: number; readonly objects: number; readonly elapsedMs: number; readonly done: boolean }
  /**
   * An HTTP exchange has completed (or ended without an answer): as recorded, tokens redacted. `by` says who sent it:
   * a case id, `teardown`, `peer` (the tester's endpoint calling back during a registration), or `inbound` for a
   * request the target made to the tester's endpoint. Readers take its method, URL, status and time, never its body
   * (a crawl's pages are redacted only when their body is read).
   */
  | { readonly type: 'exchange'; readonly exchange: Exchange; readonly by: string }
  /** Something the person running the tool must see or do now (e.g. where to register in --handshake await). */
  | { readonly type: 'notice'; readonly message: string }
  | { readonly type: 'run-end'; readonly result: RunResult };

export type RunEventListener = (event: RunEvent) => void;
