import type { Peer } from '../../src/peer/peer.js';
import { CaseContext } from '../../src/runner/case-context.js';
import { Compensations } from '../../src/runner/compensations.js';
import { DEFAULT_CRAWL_BOUNDS, type CrawlBounds } from '../../src/runner/crawl-bounds.js';
import type { CaseDefinition, CaseSettings } from '../../src/runner/define-case.js';
import type { StateKey } from '../../src/runner/run-state.js';
import { SessionGuard } from '../../src/runner/session-guard.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';
import { carriesOcpiHeaders, type OcpiVersion } from '../../src/model/ocpi-version.js';
import type { RunEvent, RunEventListener } from '../../src/model/run-event.js';
import type { Trigger } from '../../src/model/trigger-request.js';

/** The events of one type a listener was given. */
export type EventOf<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;

/** What a test sets of a case's services; the rest are fresh defaults. */
export interface TestContextOptions {
  readonly state: Map<StateKey, unknown>;
  readonly peer?: Peer;
  readonly settings?: Partial<CaseSettings>;
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
  readonly crawlBounds?: CrawlBounds;
  /** The run's --concurrency, which bounds inParallel. */
  readonly parallelSteps?: number;
  /** The run's redactor (a spy, or one that knows a token already); a fresh one by default. */
  readonly redactor?: Redactor;
  /** The OCPI version the case runs in (2.2.1 by default); the client speaks it as a run's would. */
  readonly version?: OcpiVersion;
  /** Where the case's events go (crawl progress, exchanges); nowhere by default. */
  readonly emit?: RunEventListener;
  /** The run's compensating steps, to inspect; fresh by default. */
  readonly compensations?: Compensations;
  /** The run's trigger; none by default. */
  readonly trigger?: Trigger;
}

/** A case context for one case under test, with a real client on loopback and fresh run services. */
export function testCaseContext(definition: CaseDefinition, options: TestContextOptions): CaseContext {
  const redactor = options.redactor ?? new Redactor();
  let n = 0;
  const version = options.version ?? '2.2.1';
  const client = new OcpiClient({
    timeoutMs: options.timeoutMs ?? 2000, maxResponseBytes: options.maxResponseBytes ?? 1_000_000, tokenEncoding: version === '2.1.1' ? 'raw' : 'base64', redactor, nextExchangeId: () => `x${++n}`, userAgent: 'test',
    ocpiHeaders: carriesOcpiHeaders(version),
  });
  return new CaseContext(definition, {
    client, peer: options.peer ?? ({} as Peer), redactor, state: options.state,
    guard: new SessionGuard(), compensations: options.compensations ?? new Compensations(), redirectsWarned: new Set<string>(), crawlBounds: options.crawlBounds ?? DEFAULT_CRAWL_BOUNDS,
    settings: { handshake: 'register', keepRegistration: false, allowCommands: false, ...options.settings },
    version, deadlineMs: 1000, signal: new AbortController().signal, emit: options.emit ?? (() => undefined),
    ...(options.parallelSteps === undefined ? {} : { parallelSteps: options.parallelSteps }),
    ...(options.trigger === undefined ? {} : { trigger: options.trigger }),
  });
}
