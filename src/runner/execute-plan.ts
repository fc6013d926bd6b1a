import type { Finding } from '../model/finding.js';
import { CaseContext, type CaseServices } from './case-context.js';
import { InactivityTimeout } from './inactivity-timeout.js';
import type { CaseResult, CaseStatus } from '../model/case-result.js';
import { STAGES, type Stage } from '../model/stage.js';
import { severityFor, specFor, type CaseDefinition, type ModuleInterface } from './define-case.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { RunState, StateKey } from './run-state.js';
import { SkipCase } from './skip-case.js';
import { roleConflict } from './role-conflict.js';
import { rankByChain } from './rank-by-chain.js';
import { providesFor } from './waits-on.js';

/** What the executor needs besides the plan. */
export interface ExecuteOptions {
  readonly cases: readonly CaseDefinition[];
  readonly services: Omit<CaseServices, 'signal' | 'progress'>;
  readonly concurrency: number;
  /**
   * Longest a case may go without progress (a response to one of its requests) before it is ended as errored: a
   * crawl of a long list may run for minutes, a case that hangs may not.
   */
  readonly caseTimeoutMs: number;
  readonly signal: AbortSignal;
  /** Runs before each stage, whether or not the stage has cases (what the run started is ended before it disconnects). */
  readonly beforeStage?: (stage: Stage) => Promise<void>;
}

type Readiness = { readonly kind: 'wait' } | { readonly kind: 'run' } | { readonly kind: 'skip'; readonly reason: string; readonly undeclared?: ModuleInterface };

/**
 * Runs a plan: stage by stage; within a stage, every case whose requirements are settled starts, at most
 * `concurrency` at once, critical-path-first (the case with the longest chain of cases waiting on it first, ties in
 * declaration order: see rankByChain). A case requiring a key waits for every earlier-or-same-stage case providing it
 * (but those declared to run after it), and is skipped when none did. Returns the results in plan order.
 */
export async function executePlan(options: ExecuteOptions): Promise<CaseResult[]> {
  const { cases, services, signal } = options;
  const results = new Map<string, CaseResult>();
  const stageOf = (definition: CaseDefinition): number => STAGES.indexOf(definition.stage);
  const record = (result: CaseResult): void => {
    results.set(result.id, result);
    services.emit({ type: 'case-end', result });
  };

  const readiness = (definition: CaseDefinition): Readiness => {
    if (signal.aborted) return { kind: 'skip', reason: 'the run was interrupted' };
    const skipReason = definition.skipWhen(services.settings);
    if (skipReason) return { kind: 'skip', reason: skipReason };
    // A case of one role against a target whose credentials name the other proves nothing: the run stops judging it.
    const conflict = definition.targetRole !== 'any' ? roleConflict((services.state.get('session') as RunState['session'] | undefined)?.partner, services.settings.targetRole) : undefined;
    if (conflict) return { kind: 'skip', reason: conflict };
    if (definition.after.some((id) => cases.some((c) => c.id === id) && !results.has(id))) return { kind: 'wait' };
    for (const key of definition.requires) {
      const providers = cases.filter((c) => providesFor(c, key, definition) && stageOf(c) <= stageOf(definition));
      if (providers.some((p) => !results.has(p.id))) return { kind: 'wait' };
      if (!services.state.has(key)) return { kind: 'skip', reason: missingReason(key, providers.map((p) => results.get(p.id) as CaseResult)) };
    }
    const undeclared = undeclaredReason(definition, services.state);
    if (undeclared && definition.endpoint) return { kind: 'skip', reason: undeclared, undeclared: definition.endpoint };
    return { kind: 'run' };
  };

  // One listener on the run's signal whatever the concurrency, not one per case: it aborts every case under way.
  const underWay = new Set<AbortController>();
  const interrupt = (): void => underWay.forEach((controller) => controller.abort());
  const runStage = async (stage: Stage): Promise<void> => {
    await options.beforeStage?.(stage);
    const pending = rankByChain(cases.filter((c) => c.stage === stage));
    if (pending.length === 0) return;
    services.emit({ type: 'stage-start', stage, cases: pending.length });
    const running = new Map<string, Promise<void>>();
    while (pending.length > 0 || running.size > 0) {
      const settled = results.size;
      for (let index = 0; index < pending.length && running.size < options.concurrency; ) {
        const definition = pending[index] as CaseDefinition;
        const ready = readiness(definition);
        if (ready.kind === 'wait') {
          index += 1;
          continue;
        }
        pending.splice(index, 1);
        if (ready.kind === 'skip') {
          record(skipped(definition, options.services.version, ready.reason, ready.undeclared));
          continue;
        }
        running.set(definition.id, runCase(definition, options, underWay).then(record).finally(() => running.delete(definition.id)));
        // One turn of the event loop lets the case's first request go out before the next case's start holds the
        // loop: cases start critical-path-first, and the head of the longest chain is then the first to be answered.
        await new Promise((resolve) => setImmediate(resolve));
      }
      // A case that ended (or was skipped) during the pass may have made a waiting one ready: look again first.
      if (results.size > settled) continue;
      if (running.size === 0) {
        // Nothing runs, nothing ended and nothing can start: the remaining cases wait on each other.
        for (const definition of pending.splice(0)) record(skipped(definition, options.services.version, 'its requirements form a cycle (tester defect)'));
        break;
      }
      await Promise.race(running.values());
    }
    services.emit({ type: 'stage-end', stage });
  };

  signal.addEventListener('abort', interrupt, { once: true });
  try {
    for (const stage of STAGES) await runStage(stage);
  } finally {
    signal.removeEventListener('abort', interrupt);
  }
  return cases.map((c) => results.get(c.id) as CaseResult);
}

function missingReason(key: StateKey, providers: readonly CaseResult[]): string {
  if (providers.length === 0) return `needs ${key}, which no case in this run provides`;
  const who = providers.map((p) => `${p.id} ${p.status}`).join(', ');
  return `needs ${key}, which was not provided (${who})`;
}

/** A module the target did not declare is one it does not offer: the case is skipped, never failed (DESIGN §2.5). */
function undeclaredReason(definition: CaseDefinition, state: ReadonlyMap<StateKey, unknown>): string | undefined {
  const wanted = definition.endpoint;
  if (!wanted) return undefined;
  const endpoints = (state.get('endpoints') ?? []) as RunState['endpoints'];
  const declared = endpoints.some((e) => e.identifier === wanted.module && (e.role ?? '').toUpperCase() === wanted.role);
  return declared ? undefined : `the target does not declare the ${wanted.module} ${wanted.role} interface in its version details`;
}

function skipped(definition: CaseDefinition, version: OcpiVersion, reason: string, undeclared?: ModuleInterface): CaseResult {
  return freezeResult(definition, version, { status: 'skipped', reason, durationMs: 0, findings: [], exchanges: [], ...(undeclared ? { undeclared: { module: undeclared.module, role: undeclared.role } } : {}) });
}

/** Runs one case; its signal is in `underWay` while it runs, for the run's interrupt to abort. */
async function runCase(definition: CaseDefinition, options: ExecuteOptions, underWay: Set<AbortController>): Promise<CaseResult> {
  const { services } = options;
  services.emit({ type: 'case-start', id: definition.id, title: definition.title });
  const controller = new AbortController();
  if (options.signal.aborted) controller.abort();
  underWay.add(controller);
  const inactivity = new InactivityTimeout(options.caseTimeoutMs, () => controller.abort());
  const context = new CaseContext(definition, { ...services, signal: controller.signal, progress: () => inactivity.restart(), parallelSteps: options.concurrency });
  const started = performance.now();
  // A rule may bind more weakly in one version than in another (spec-notes X1): its strength there decides.
  const required = severityFor(definition, options.services.version) === 'required';
  let status: CaseStatus;
  let reason: string | undefined;
  try {
    await Promise.race([definition.run(context), inactivity.expired]);
    const findings = context.findings;
    if (findings.length === 0) [status, reason] = ['errored', 'the case recorded no findings (tester defect)'];
    else status = findings.some((f) => f.status === 'fail') && required ? 'failed' : 'passed';
  } catch (error) {
    // A case that stops early keeps what it found: a failure recorded before the stop is a failure, not a skip.
    if (error instanceof SkipCase) {
      const failed = context.findings.some((f) => f.status === 'fail') && required;
      [status, reason] = [failed ? 'failed' : 'skipped', error.message];
    } else [status, reason] = ['errored', error instanceof Error ? error.message : String(error)];
  } finally {
    inactivity.clear();
    underWay.delete(controller);
  }
  // Cut short by the interrupt, a failure or error is no verdict on the target (a wait ended early, a request was
  // aborted), nor a tester error: the case is reported as interrupted, its findings kept as evidence.
  if (options.signal.aborted && (status === 'failed' || status === 'errored')) [status, reason] = ['skipped', `the run was interrupted while the case ran${reason ? ` (${reason})` : ''}`];
  // A failed rule that is only recommended (SHOULD) or advice is a warning: shown, never failing the run.
  const findings: Finding[] = context.findings.map((f) =>
    f.status === 'fail' && !required ? Object.freeze({ ...f, status: 'warn' as const }) : f,
  );
  return freezeResult(definition, options.services.version, {
    status,
    ...(reason === undefined ? {} : { reason }),
    durationMs: Math.round(performance.now() - started),
    findings,
    exchanges: [...context.exchanges],
    ...(context.objectsReceived === undefined ? {} : { objectsReceived: context.objectsReceived }),
    ...(context.listProblem === undefined ? {} : { listProblem: context.listProblem }),
  });
}

function freezeResult(definition: CaseDefinition, version: OcpiVersion, outcome: Pick<CaseResult, 'status' | 'reason' | 'durationMs' | 'findings' | 'exchanges' | 'objectsReceived' | 'listProblem' | 'undeclared'>): CaseResult {
  return Object.freeze({
    id: definition.id,
    title: definition.title,
    ocpiVersion: version,
    module: definition.module,
    severity: severityFor(definition, version),
    spec: specFor(definition, version),
    ...outcome,
    findings: Object.freeze([...outcome.findings]),
    exchanges: Object.freeze([...outcome.exchanges]),
  });
}
