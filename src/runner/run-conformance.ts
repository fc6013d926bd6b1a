import type { Secret } from '../config/secret.js';
import type { HandshakeMode } from '../model/handshake-mode.js';
import { Peer } from '../peer/peer.js';
import { carriesOcpiHeaders, type OcpiVersion } from '../model/ocpi-version.js';
import { TOOL } from '../tool-info.js';
import { OcpiClient } from '../transport/ocpi-client.js';
import { Redactor } from '../transport/redactor.js';
import { OriginPolicy } from '../transport/origin-policy.js';
import type { Network } from '../transport/network.js';
import { applyBaseline, baselineClassifier, type Baseline } from './baseline.js';
import { summarize } from './summarize.js';
import type { RunResult } from '../model/case-result.js';
import type { CaseDefinition, CaseSettings } from './define-case.js';
import type { RunEventListener } from '../model/run-event.js';
import { executePlan } from './execute-plan.js';
import { Compensations } from './compensations.js';
import { SessionGuard } from './session-guard.js';
import { teardownSender } from './teardown-sender.js';
import type { TeardownStep } from '../model/teardown-step.js';
import type { StateKey } from './run-state.js';
import type { CrawlBounds } from './crawl-bounds.js';
import type { Exchange } from '../model/exchange.js';

/** Everything one run needs; built from the RunConfig by the caller. */
export interface RunOptions {
  /** The versions to test, highest first, each with its cases, already selected; none when nothing can be tested. */
  readonly plan: readonly VersionPlan[];
  /** The target's versions URL and token; absent with --handshake await, where the target registers with us. */
  readonly target?: { readonly versionsUrl: string; readonly token: Secret };
  readonly handshake: HandshakeMode;
  /** The versions the target's versions list named, when the run read it before choosing what to test. */
  readonly offeredVersions?: readonly string[];
  /** Why the plan is empty: the run tests nothing and says why. */
  readonly untested?: string;
  readonly role?: 'cpo' | 'emsp';
  /** Where the tester's endpoint listens, the URL the target reaches it at, and the certificate it serves HTTPS with. */
  readonly peer: { readonly host: string; readonly port: number; readonly publicUrl?: string; readonly tls?: { readonly cert: string; readonly key: string } };
  /** Extra headers, TLS, proxy and pace for every request to the target; plain HTTP without. */
  readonly network?: Network;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  /** The largest response body the client reads, in bytes (decompressed). */
  readonly maxResponseBytes: number;
  /** How far each list crawl may go. */
  readonly crawlBounds: CrawlBounds;
  /** Origins besides the target's versions URL's that requests may go to (`--allow-origin`). */
  readonly allowOrigins: readonly string[];
  readonly rawToken: boolean;
  readonly keepRegistration: boolean;
  readonly allowCommands: boolean;
  readonly testSite?: CaseSettings['testSite'];
  readonly signal: AbortSignal;
  readonly listeners: readonly RunEventListener[];
  /** Known failures (`--baseline`): shown, not failing the run. */
  readonly baseline?: { readonly file: string; readonly baseline: Baseline };
  /** Called once the peer listens, with what a target needs to register with it (embedded await mode uses it). */
  readonly onPeerReady?: (peer: { readonly versionsUrl: string; readonly tokenA?: Secret }) => void;
}

/** One version to test and its cases. */
export interface VersionPlan {
  readonly version: OcpiVersion;
  readonly cases: readonly CaseDefinition[];
}

/** What one version's part of a run produced, before the parts are put together. */
type VersionPart = Pick<RunResult, 'cases' | 'teardown' | 'peerInbound' | 'revocation'> & { readonly versionsUrl?: string };

// A teardown step's deadline, in request timeouts: a STOP_SESSION may page through Sessions before it stops one.
const TEARDOWN_STEP_REQUESTS = 3;

/**
 * Runs the plan against the target, one version after the other (each with its own peer, registration and state,
 * as two partners connecting in two versions would), and returns one frozen result for them all.
 */
export async function runConformance(options: RunOptions): Promise<RunResult> {
  const known = options.baseline ? baselineClassifier(options.baseline.baseline) : undefined;
  const emit: RunEventListener = (raw) => {
    const event = known && raw.type === 'case-end' ? { ...raw, result: known(raw.result) } : raw;
    for (const listener of options.listeners) listener(event);
  };
  const startedAt = new Date();
  const started = performance.now();
  const tested = options.plan.map((part) => part.version);
  emit({ type: 'run-start', versions: tested, cases: options.plan.flatMap((part) => part.cases.map((c) => ({ id: c.id, title: c.title }))) });
  // One redactor and one numbering of exchanges for the whole run: a token learnt in one version is redacted in the
  // next, and every exchange of the report has its own id.
  const redactor = new Redactor();
  // The user's extra headers may carry a gateway's key: none of their values is recorded.
  for (const name of Object.keys(options.network?.headers ?? {})) redactor.addSecretHeader(name);
  let exchangeCount = 0;
  const shared: SharedServices = { emit, redactor, nextExchangeId: () => `x${++exchangeCount}` };
  const parts: VersionPart[] = [];
  for (const part of options.plan) {
    if (options.signal.aborted && parts.length > 0) break;
    if (options.plan.length > 1) emit({ type: 'version-start', version: part.version, cases: part.cases.length });
    parts.push(await runVersion(options, part, shared));
  }
  const cases = parts.flatMap((part) => part.cases);
  const versionsUrl = parts.find((part) => part.versionsUrl !== undefined)?.versionsUrl;
  const revocation = parts.find((part) => part.revocation)?.revocation;
  const plain: RunResult = Object.freeze({
    tool: TOOL,
    target: Object.freeze({
      ...(versionsUrl ? { versionsUrl } : {}),
      ...(options.role ? { role: options.role } : {}),
      ...(tested[0] ? { ocpiVersion: tested[0] } : {}),
      ...(options.offeredVersions ? { offeredVersions: Object.freeze([...options.offeredVersions]) } : {}),
      testedVersions: Object.freeze(tested.slice(0, parts.length)),
    }),
    ...(options.untested ? { untested: options.untested } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    interrupted: options.signal.aborted,
    summary: summarize(cases),
    cases: Object.freeze(cases),
    teardown: Object.freeze(parts.flatMap((part) => part.teardown)),
    ...(revocation ? { revocation } : {}),
    peerInbound: Object.freeze(parts.flatMap((part) => part.peerInbound)),
  });
  const result = options.baseline ? applyBaseline(plain, options.baseline.baseline, options.baseline.file) : plain;
  emit({ type: 'run-end', result });
  return result;
}

/** What every version's part of a run shares. */
interface SharedServices {
  readonly emit: RunEventListener;
  readonly redactor: Redactor;
  readonly nextExchangeId: () => string;
}

/** One version's part of a run: starts the peer, executes the plan, tears down, stops the peer. */
async function runVersion(options: RunOptions, { version, cases: planned }: VersionPlan, { emit, redactor, nextExchangeId }: SharedServices): Promise<VersionPart> {
  // Requests and tokens go only to the versions URL's origin and those the user allowed; the target that registers
  // with us (--handshake await) is added when it does (CaseContext.provide).
  const origins = new OriginPolicy([...(options.target ? [options.target.versionsUrl] : []), ...options.allowOrigins]);
  const clientOptions = {
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    // OCPI 2.1.1 sends the token as it is, and no request ids or routing headers; they came with 2.2.
    tokenEncoding: options.rawToken || version === '2.1.1' ? 'raw' : 'base64',
    ocpiHeaders: carriesOcpiHeaders(version),
    redactor,
    nextExchangeId,
    userAgent: `${TOOL.name}/${TOOL.version}`,
    ...(options.network ? { network: options.network } : {}),
  } as const;
  // Every exchange as it completes, for the --verbose trace; a case's own requests name the case (CaseContext).
  const trace = (by: string) => (exchange: Exchange): void => emit({ type: 'exchange', exchange, by });
  const client = new OcpiClient({ ...clientOptions, origins, signal: options.signal, onExchange: trace('tester') });
  // The peer's GETs back during a registration use the token the registering party gave, at the URL it named.
  const peerClient = new OcpiClient({ ...clientOptions, signal: options.signal, onExchange: trace('peer') });
  const ourRole = options.role === 'emsp' ? 'CPO' : 'EMSP';
  const peer = await Peer.start({ ...options.peer, redactor, nextExchangeId, client: peerClient, role: ourRole, version });
  peer.inbound.listen((record) => trace('inbound')(record.exchange));
  const state = new Map<StateKey, unknown>();
  if (options.target) {
    redactor.add(options.target.token);
    state.set('target', Object.freeze({ ...options.target }));
  }
  try {
    let tokenA: Secret | undefined;
    if (options.handshake === 'await') {
      tokenA = peer.issueTokenA();
      emit({
        type: 'notice',
        message: `Waiting up to ${Math.round(options.deadlineMs / 1000)} s for the target to register. Give it this versions URL and Token A:\n  versions URL: ${peer.versionsUrl}\n  Token A:      ${tokenA.reveal()}`,
      });
    }
    options.onPeerReady?.({ versionsUrl: peer.versionsUrl, ...(tokenA ? { tokenA } : {}) });
    const compensations = new Compensations();
    const guard = new SessionGuard();

    // A client per step, not the run's: the run's signal may be aborted (Ctrl-C), and what the run started must still
    // be ended; the step's own signal ends it at its deadline.
    const teardownClient = (signal: AbortSignal): OcpiClient => new OcpiClient({ ...clientOptions, origins, signal, onExchange: trace('teardown') });
    const teardown: TeardownStep[] = [];
    const undo = async (exceptLast: boolean): Promise<void> => {
      const due = compensations.pending.filter((c) => !exceptLast || !c.last);
      if (due.length === 0) return;
      emit({ type: 'notice', message: `Teardown: ${due.map((c) => c.what).join('; ')}` });
      const stepDeadlineMs = options.timeoutMs * TEARDOWN_STEP_REQUESTS;
      teardown.push(...(await compensations.runAll((_compensation, signal) => teardownSender(teardownClient(signal), state, options.role), { exceptLast, stepDeadlineMs })));
    };
    const cases = await executePlan({
      cases: planned,
      services: {
        client,
        peer,
        redactor,
        state,
        guard,
        redirectsWarned: new Set<string>(),
        compensations,
        settings: {
          handshake: options.handshake,
          keepRegistration: options.keepRegistration,
          allowCommands: options.allowCommands,
          ...(options.testSite ? { testSite: options.testSite } : {}),
          ...(options.role ? { targetRole: options.role } : {}),
        },
        version,
        deadlineMs: options.deadlineMs,
        crawlBounds: options.crawlBounds,
        emit,
      },
      concurrency: options.concurrency,
      caseTimeoutMs: Math.max(options.deadlineMs, options.timeoutMs) * 3,
      signal: options.signal,
      // What a case started on a charger is ended before the run may unregister (CRED-06), which every request needs.
      beforeStage: (stage) => (stage === 'disconnect' ? undo(true) : Promise.resolve()),
    });
    await undo(false);
    const target = state.get('target') as { versionsUrl: string } | undefined;
    const cited = new Set([...cases, ...teardown].flatMap((c) => c.exchanges.map((e) => e.id)));
    const peerInbound = peer.inbound.since(0).map((record) => record.exchange).filter((exchange) => !cited.has(exchange.id));
    return {
      ...(target ? { versionsUrl: redactor.text(target.versionsUrl) } : {}),
      cases,
      teardown,
      ...(guard.revocation ? { revocation: guard.revocation } : {}),
      peerInbound,
    };
  } finally {
    await peer.stop();
  }
}
