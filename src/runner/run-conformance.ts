import type { Trigger } from '../model/trigger-request.js';
import type { PartyRole } from '../model/party-role.js';
import type { Secret } from '../config/secret.js';
import type { Exchange } from '../model/exchange.js';
import { DeadlineExceededError, WaitAbortedError } from '../peer/deadline-exceeded-error.js';
import { offeredVersions } from './choose-versions.js';
import type { HandshakeMode } from '../model/handshake-mode.js';
import { Peer } from '../peer/peer.js';
import { withUnreachedPeerNotice } from './unreached-peer-notice.js';
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
import { schemaRegistry } from '../schemas/schema-registry.js';
import { Compensations } from './compensations.js';
import { SessionGuard } from './session-guard.js';
import { teardownSender } from './teardown-sender.js';
import type { TeardownStep } from '../model/teardown-step.js';
import type { RunState, StateKey } from './run-state.js';
import { roleConflict } from './role-conflict.js';
import type { CrawlBounds } from './crawl-bounds.js';

/** Everything one run needs; built from the RunConfig by the caller. */
export interface RunOptions {
  /**
   * The versions to test, highest first, each with its cases, already selected; none when nothing can be tested. With
   * --handshake await, the versions the target may register in: the run tests the one it registers in.
   */
  readonly plan: readonly VersionPlan[];
  /**
   * The versions the tester's endpoint offers (each with its details and credentials endpoints), so that a target can
   * register in, or switch to, any of them; the version tested alone when absent.
   */
  readonly peerVersions?: readonly OcpiVersion[];
  /** The target's versions URL and token; absent with --handshake await, where the target registers with us. */
  readonly target?: { readonly versionsUrl: string; readonly token: Secret };
  readonly handshake: HandshakeMode;
  /** The versions the target's versions list named, when the run read it before choosing what to test. */
  readonly offeredVersions?: readonly string[];
  /** Why the plan is empty: the run tests nothing and says why. */
  readonly untested?: string;
  readonly role?: PartyRole;
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
  readonly allowTerminalChanges?: boolean;
  readonly testSite?: CaseSettings['testSite'];
  /** How the target is asked to act on its own; see CaseServices.trigger. */
  readonly trigger?: Trigger;
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
  /** The ids of the cases among them the selection did not name (run for what the selected ones need). */
  readonly pulledIn?: readonly string[];
}

/** What one version's part of a run produced, before the parts are put together. */
type VersionPart = Pick<RunResult, 'cases' | 'teardown' | 'peerInbound' | 'revocation' | 'roleConflict'> & { readonly versionsUrl?: string };

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
  // One redactor and one numbering of exchanges for the whole run: a token learnt in one version is redacted in the
  // next, and every exchange of the report has its own id.
  const redactor = new Redactor();
  // The user's extra headers may carry a gateway's key: none of their values is recorded.
  for (const name of Object.keys(options.network?.headers ?? {})) redactor.addSecretHeader(name);
  let exchangeCount = 0;
  const shared: SharedServices = { emit, redactor, nextExchangeId: () => `x${++exchangeCount}` };
  // With --handshake await the target chooses: the peer offering every version waits for its registration first.
  const awaited = options.handshake === 'await' && options.plan.length > 0 ? await awaitRegistration(options, shared) : undefined;
  const plan = awaited ? [awaited.part] : options.plan;
  const tested = plan.map((part) => part.version);
  emit({ type: 'run-start', versions: tested, cases: plan.flatMap((part) => part.cases.map((c) => ({ id: c.id, title: c.title }))) });
  const parts: VersionPart[] = [];
  for (const part of plan) {
    if (options.signal.aborted && parts.length > 0) break;
    if (plan.length > 1) emit({ type: 'version-start', version: part.version, cases: part.cases.length });
    parts.push(await runVersion(options, part, shared, awaited?.peer));
  }
  const offeredVersions = options.offeredVersions ?? awaited?.offered;
  const cases = parts.flatMap((part) => part.cases);
  const versionsUrl = parts.find((part) => part.versionsUrl !== undefined)?.versionsUrl;
  const revocation = parts.find((part) => part.revocation)?.revocation;
  const roleConflict = parts.find((part) => part.roleConflict)?.roleConflict;
  const pulledIn = [...new Set(options.plan.flatMap((part) => part.pulledIn ?? []))];
  const plain: RunResult = Object.freeze({
    tool: TOOL,
    target: Object.freeze({
      ...(versionsUrl ? { versionsUrl } : {}),
      ...(options.role ? { role: options.role } : {}),
      ...(tested[0] ? { ocpiVersion: tested[0] } : {}),
      ...(offeredVersions ? { offeredVersions: Object.freeze([...offeredVersions]) } : {}),
      testedVersions: Object.freeze(tested.slice(0, parts.length)),
    }),
    ...(options.untested ? { untested: options.untested } : {}),
    ...(pulledIn.length > 0 ? { pulledIn: Object.freeze(pulledIn) } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    interrupted: options.signal.aborted,
    summary: summarize(cases),
    cases: Object.freeze(cases),
    teardown: Object.freeze(parts.flatMap((part) => part.teardown)),
    ...(revocation ? { revocation } : {}),
    ...(roleConflict ? { roleConflict } : {}),
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

/** The clients' settings for requests in `version`. */
function clientSettings(options: RunOptions, version: OcpiVersion, { redactor, nextExchangeId }: SharedServices) {
  return {
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
}

/** Every exchange as it completes, for the --verbose trace, named by who made it (a case's own requests: CaseContext). */
const traceOf = (shared: SharedServices, by: string) => (exchange: Exchange): void => shared.emit({ type: 'exchange', exchange, by });

/** Starts the tester's peer offering every version the run may use, speaking `version`. */
async function startPeer(options: RunOptions, version: OcpiVersion, shared: SharedServices): Promise<Peer> {
  // The peer's GETs back during a registration use the token the registering party gave, at the URL it named.
  const client = new OcpiClient({ ...clientSettings(options, version, shared), signal: options.signal, onExchange: traceOf(shared, 'peer') });
  // Against an eMSP or a Payment Terminal Provider the tester plays the CPO.
  const ourRole = options.role === 'emsp' || options.role === 'ptp' ? 'CPO' : 'EMSP';
  const versions = options.peerVersions ?? [version];
  const peer = await Peer.start({ ...options.peer, redactor: shared.redactor, nextExchangeId: shared.nextExchangeId, client, role: ourRole, version, versions, paymentsReceiver: options.role === 'ptp', paymentsSender: ourRole === 'EMSP' });
  peer.inbound.listen((record) => traceOf(shared, 'inbound')(record.exchange));
  return peer;
}

/** What the wait for the target's registration (`--handshake await`) decided. */
interface AwaitedRegistration {
  readonly peer: Peer;
  /** The part of the plan of the version the target registered in (the highest planned when it did not register). */
  readonly part: VersionPlan;
  /** The versions the target's versions list named, as the peer read it while the target registered. */
  readonly offered?: readonly string[];
}

/**
 * Starts the peer offering every planned version, issues Token A and waits (deadline) for the target to register: the
 * version of the credentials endpoint it POSTs to is the version the run tests (V2). Without a registration in time,
 * the highest planned version is tested, and CRED-07 reports the missing registration without waiting again.
 */
async function awaitRegistration(options: RunOptions, shared: SharedServices): Promise<AwaitedRegistration> {
  const [highest] = options.plan as [VersionPlan, ...VersionPlan[]];
  const peer = await startPeer(options, highest.version, shared);
  try {
    const tokenA = peer.issueTokenA();
    const offer = peer.versions.length > 1 ? `; it offers OCPI ${peer.versions.join(', ')} and tests the version the target registers in` : '';
    shared.emit({
      type: 'notice',
      message: `Waiting up to ${Math.round(options.deadlineMs / 1000)} s for the target to register${offer}. Give it this versions URL and Token A:\n  versions URL: ${peer.versionsUrl}\n  Token A:      ${tokenA.reveal()}`,
    });
    options.onPeerReady?.({ versionsUrl: peer.versionsUrl, tokenA });
    const registration = await peer.waitForRegistration({ timeoutMs: options.deadlineMs, what: 'registration by the target (a POST to the tester\'s credentials endpoint)', signal: options.signal })
      .catch((error: unknown) => {
        if (error instanceof DeadlineExceededError || error instanceof WaitAbortedError) return undefined;
        throw error;
      });
    const part = options.plan.find((candidate) => candidate.version === registration?.version) ?? highest;
    peer.speak(part.version);
    const offered = registration ? versionsListed(registration.callbacks[0]) : undefined;
    return { peer, part, ...(offered ? { offered } : {}) };
  } catch (error) {
    await peer.stop();
    throw error;
  }
}

/** The versions a recorded GET of a versions list named, when it answered one. */
function versionsListed(exchange: Exchange | undefined): readonly string[] | undefined {
  const body = exchange?.response?.body as { data?: unknown } | undefined;
  return exchange?.response?.status === 200 && Array.isArray(body?.data) ? offeredVersions(body.data) : undefined;
}

/** One version's part of a run: starts the peer (unless given one), executes the plan, tears down, stops the peer. */
async function runVersion(options: RunOptions, { version, cases: planned }: VersionPlan, shared: SharedServices, started?: Peer): Promise<VersionPart> {
  const { emit, redactor } = shared;
  // Requests and tokens go only to the versions URL's origin and those the user allowed; the target that registers
  // with us (--handshake await) is added when it does (CaseContext.provide).
  const origins = new OriginPolicy([...(options.target ? [options.target.versionsUrl] : []), ...options.allowOrigins]);
  const clientOptions = clientSettings(options, version, shared);
  const trace = (by: string): ((exchange: Exchange) => void) => traceOf(shared, by);
  const client = new OcpiClient({ ...clientOptions, origins, signal: options.signal, onExchange: trace('tester') });
  const peer = started ?? (await startPeer(options, version, shared));
  const state = new Map<StateKey, unknown>();
  if (options.target) {
    redactor.add(options.target.token);
    state.set('target', Object.freeze({ ...options.target }));
  }
  try {
    if (!started) options.onPeerReady?.({ versionsUrl: peer.versionsUrl });
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
    // The version's validators load while the run's first requests are in flight, not once the first answer is in
    // and waits for them (25 to 40 ms at start-up, on the run's longest chain). A schema that does not load fails the
    // first validation instead, as it would without this.
    const preload = setTimeout(() => {
      try {
        schemaRegistry().preload(version);
      } catch {
        // reported by the validation that needs it
      }
    }, 1);
    const cases = await executePlan({
      cases: planned,
      services: {
        client,
        peer,
        redactor,
        state,
        guard,
        redirectsWarned: new Set<string>(),
        ...(options.trigger ? { trigger: options.trigger } : {}),
        compensations,
        settings: {
          handshake: options.handshake,
          keepRegistration: options.keepRegistration,
          allowCommands: options.allowCommands,
          allowTerminalChanges: options.allowTerminalChanges === true,
          ...(options.testSite ? { testSite: options.testSite } : {}),
          ...(options.role ? { targetRole: options.role } : {}),
        },
        version,
        deadlineMs: options.deadlineMs,
        crawlBounds: options.crawlBounds,
        emit: withUnreachedPeerNotice(emit, peer, options.handshake, new Set(planned.filter((c) => c.stage === 'connect' && c.provides.includes('session')).map((c) => c.id))),
      },
      concurrency: options.concurrency,
      caseTimeoutMs: Math.max(options.deadlineMs, options.timeoutMs) * 3,
      signal: options.signal,
      // What a case started on a charger is ended before the run may unregister (CRED-06), which every request needs.
      beforeStage: (stage) => (stage === 'disconnect' ? undo(true) : Promise.resolve()),
    }).finally(() => clearTimeout(preload));
    await undo(false);
    const target = state.get('target') as { versionsUrl: string } | undefined;
    const cited = new Set([...cases, ...teardown].flatMap((c) => c.exchanges.map((e) => e.id)));
    const peerInbound = peer.inbound.since(0).map((record) => record.exchange).filter((exchange) => !cited.has(exchange.id));
    const conflict = roleConflict((state.get('session') as RunState['session'] | undefined)?.partner, options.role);
    return {
      ...(target ? { versionsUrl: redactor.text(target.versionsUrl) } : {}),
      cases,
      teardown,
      ...(guard.revocation ? { revocation: guard.revocation } : {}),
      ...(conflict ? { roleConflict: conflict } : {}),
      peerInbound,
    };
  } finally {
    await peer.stop();
  }
}
