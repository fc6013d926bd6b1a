import type { Trigger, TriggerRequest } from '../model/trigger-request.js';
import type { Finding } from '../model/finding.js';
import { Secret } from '../config/secret.js';
import type { InboundRecord } from '../peer/inbound-log.js';
import type { Peer, PeerRegistration } from '../peer/peer.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { Exchange } from '../model/exchange.js';
import type { OcpiClient, OcpiRequest, OcpiResponse } from '../transport/ocpi-client.js';
import type { Redactor } from '../transport/redactor.js';
import { TransportError } from '../transport/transport-error.js';
import { isReceivedView } from '../transport/received-view.js';
import { redactFinding } from './redact-finding.js';
import type { CaseDefinition, CaseSettings } from './define-case.js';
import type { CrawlBounds } from './crawl-bounds.js';
import type { CrawlProgressReport } from './crawl-progress.js';
import type { RunEventListener } from '../model/run-event.js';
import type { RunState, StateKey } from './run-state.js';
import { SkipCase } from './skip-case.js';
import { warn } from '../checks/finding.js';
import { REDIRECT_CHECK } from './run-checks.js';
import type { Compensation, Compensations } from './compensations.js';
import { chargerReceiverAt } from './charger-receiver.js';
import { revocationReason, type SessionGuard } from './session-guard.js';
import type { Revocation } from '../model/revocation.js';

// The DSL's own vocabulary, so that suites name it from here: what t.request answers, what t.peer.senderRequests()
// lists, what a t.waitFor… throws when the target did not come within its deadline, and the timeout the tester's
// CommandResponse gives.
export type { OcpiResponse } from '../transport/ocpi-client.js';
export type { SenderRequest } from '../peer/peer.js';
export { DeadlineExceededError } from '../peer/deadline-exceeded-error.js';
export { PEER_COMMAND_TIMEOUT_S } from '../peer/peer-commands-receiver.js';
export type { InboundRecord } from '../peer/inbound-log.js';

/**
 * How many steps of one case inParallel runs at once (a probe to each module of a CPO is 7): each step's request or
 * wait listens to the case's signal, and Node warns past 10 listeners on one signal.
 */
export const PARALLEL_STEPS = 8;

/** What the executor lends every case. */
export interface CaseServices {
  readonly client: OcpiClient;
  readonly peer: Peer;
  readonly redactor: Redactor;
  readonly state: Map<StateKey, unknown>;
  readonly settings: CaseSettings;
  readonly version: OcpiVersion;
  readonly deadlineMs: number;
  /** How far each list crawl may go (`--max-pages`, `--max-objects`, `--crawl-time`). */
  readonly crawlBounds: CrawlBounds;
  readonly signal: AbortSignal;
  readonly emit: RunEventListener;
  /** Called whenever the case makes progress (a response arrived), which restarts its inactivity timer. */
  readonly progress?: () => void;
  /** Notices when the target stops accepting the registration's token. */
  readonly guard: SessionGuard;
  /** What cases started on the target and the run must end at teardown. */
  readonly compensations: Compensations;
  /** URL paths whose redirect a case already warned about: one warning per path in a run, in the first case to meet it. */
  readonly redirectsWarned: Set<string>;
  /**
   * How many steps `inParallel` runs at once: never more than the run's `--concurrency` (a user who asks for one case
   * at a time asks for one request at a time), nor PARALLEL_STEPS. PARALLEL_STEPS when not given.
   */
  readonly parallelSteps?: number;
  /** How the target is asked to act on its own (a command, a URL, a prompt, or the embedded party); none: cases that need it skip. */
  readonly trigger?: Trigger;
}

/** How a request is sent besides what it carries. */
export interface RequestOptions {
  /** False for a crawl's pages that are judged and dropped (memory stays flat). */
  readonly evidence?: boolean;
  /**
   * True when a 401 is what the case expects for the session's token (a token it just replaced or deleted), so the
   * run does not take it for a revocation.
   */
  readonly expectRefusal?: boolean;
}

/**
 * The DSL a case's `run` gets: send requests (recorded as evidence), record findings from checks, read and provide
 * state, and wait for the target with a deadline. No HTTP plumbing reaches a suite.
 */
export class CaseContext {
  readonly #definition: CaseDefinition;
  readonly #services: CaseServices;
  readonly #findings: Finding[] = [];
  // Evidence in the order requests were sent: a slot per request, filled when it ends, so that requests sent at once
  // (inParallel) are listed in the same order whichever answer comes first.
  readonly #evidence: Exchange[][] = [];
  #objectsReceived: number | undefined;
  #listProblem: string | undefined;

  // Every exchange of the case's requests, as it completes, for the --verbose trace.
  readonly #trace = (exchange: Exchange): void => this.#services.emit({ type: 'exchange', exchange, by: this.#definition.id });

  constructor(definition: CaseDefinition, services: CaseServices) {
    this.#definition = definition;
    this.#services = services;
  }

  /** The id of the case this context runs. */
  get id(): string {
    return this.#definition.id;
  }

  get settings(): CaseSettings {
    return this.#services.settings;
  }

  /** The OCPI version under test. */
  get version(): OcpiVersion {
    return this.#services.version;
  }

  get peer(): Peer {
    return this.#services.peer;
  }

  get findings(): readonly Finding[] {
    return this.#findings;
  }

  get exchanges(): readonly Exchange[] {
    return this.#evidence.flat();
  }

  /** How many distinct objects the case received from the target's lists; undefined when it crawled none. */
  get objectsReceived(): number | undefined {
    return this.#objectsReceived;
  }

  /** Why a list the case crawled gave no usable page (its first page was an error, not JSON, or had no data). */
  get listProblem(): string | undefined {
    return this.#listProblem;
  }

  /** Notes that a list answered without a usable page, so a report does not call it empty. */
  listUnusable(reason: string): void {
    this.#listProblem ??= this.#services.redactor.text(reason);
  }

  /** Counts objects received from a list, so a run whose lists were all empty can say it proved little. */
  countObjects(count: number): void {
    this.#objectsReceived = (this.#objectsReceived ?? 0) + count;
  }

  /** Says how far a crawl of this case has come (a `crawl-progress` event; CrawlProgress throttles them). */
  crawlProgress(progress: CrawlProgressReport): void {
    this.#services.emit({ type: 'crawl-progress', caseId: this.#definition.id, ...progress, url: this.#services.redactor.text(progress.url) });
  }

  /** State another case provided; the executor guarantees required keys are present. */
  get<K extends StateKey>(key: K): RunState[K] {
    if (!this.#services.state.has(key)) throw new Error(`${this.#definition.id} reads "${key}" but does not require it`);
    return this.#services.state.get(key) as RunState[K];
  }

  has(key: StateKey): boolean {
    return this.#services.state.has(key);
  }

  provide<K extends StateKey>(key: K, value: RunState[K]): void {
    if (!this.#definition.provides.includes(key)) throw new Error(`${this.#definition.id} provides "${key}" without declaring it`);
    // The target that registered with us (--handshake await) is where the user pointed, as a given versions URL is.
    if (key === 'target') this.#services.client.origins?.allow((value as RunState['target']).versionsUrl);
    this.#services.state.set(key, Object.freeze(value));
  }

  /** Removes state this case provides, when what it held no longer works (cases needing it are then skipped). */
  withdraw(key: StateKey): void {
    if (!this.#definition.provides.includes(key)) throw new Error(`${this.#definition.id} withdraws "${key}" without declaring it`);
    this.#services.state.delete(key);
  }

  /** A new credentials token, known to the redactor before it is ever sent. */
  newToken(): Secret {
    const token = Secret.generate();
    this.#services.redactor.add(token);
    return token;
  }

  /** A token the target handed us, known to the redactor from now on. */
  adoptToken(value: string): Secret {
    const token = new Secret(value);
    this.#services.redactor.add(token);
    return token;
  }

  /**
   * Sends a request; the exchange becomes evidence of this case unless `evidence` is false (a crawl keeps only the
   * pages it reports on, so memory stays flat). A request with no response ends the case as errored.
   */
  async request(request: OcpiRequest, { evidence = true, expectRefusal = false }: RequestOptions = {}): Promise<OcpiResponse> {
    this.#refuseRegistrationChange(request);
    this.#refuseChargerRequest(request);
    const sessionToken = this.#sessionToken(request);
    const revoked = sessionToken && !expectRefusal ? this.#services.guard.revokedFor(sessionToken) : undefined;
    if (revoked) throw new SkipCase(revocationReason(revoked));
    const slot: Exchange[] = [];
    if (evidence) this.#evidence.push(slot);
    // A page that is judged and dropped leaves evidence only when it ends the case (a refusal, no answer).
    const keep = (...exchanges: Exchange[]): void => {
      if (evidence) slot.push(...exchanges);
      else this.#evidence.push(exchanges);
    };
    try {
      // The case's own signal: its inactivity timeout and the run's interrupt both end what it has under way.
      const response = await this.#services.client.send(request, { signal: this.#services.signal, onExchange: this.#trace });
      this.#services.progress?.();
      // The 429s waited out are kept whatever the request: they explain its time and what the target asked.
      if (response.throttled?.length) this.attach(...response.throttled);
      if (evidence) keep(...response.redirects, response.exchange);
      if (response.redirects.length > 0) this.#redirected(response);
      if (sessionToken && !expectRefusal) {
        const where = `${request.method} ${response.exchange.request.url}`;
        const { guard } = this.#services;
        // The first refusal is the revocation; refusals of requests already under way at that moment belong to it.
        const revocation = guard.observe(sessionToken, response.status, { caseId: this.#definition.id, request: where, exchangeId: response.exchange.id }) ?? (response.status === 401 ? guard.revokedFor(sessionToken) : undefined);
        if (revocation) {
          // The case cannot go on without its token; CRED-09 reports the revocation once for the whole run.
          if (!evidence) keep(response.exchange);
          throw new SkipCase(revocationReason(revocation));
        }
      }
      return response;
    } catch (error) {
      if (error instanceof TransportError) keep(...error.redirects, error.exchange);
      throw error;
    }
  }

  /**
   * Runs `step` for each item, a few at once (`parallelSteps`, at most PARALLEL_STEPS): for requests that do not depend on each other (one probe
   * per module). Returns the results in the items' order, and their evidence keeps that order. When a step fails, it
   * rejects with the first failure in the items' order, once every step has ended, so the outcome does not depend on
   * which answer came first.
   */
  async inParallel<T, R>(items: readonly T[], step: (item: T) => Promise<R>): Promise<R[]> {
    const outcomes: Array<PromiseSettledResult<R>> = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let index = next++; index < items.length; index = next++) {
        outcomes[index] = await step(items[index] as T).then(
          (value): PromiseFulfilledResult<R> => ({ status: 'fulfilled', value }),
          (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason }),
        );
      }
    };
    const width = Math.max(1, Math.min(PARALLEL_STEPS, this.#services.parallelSteps ?? PARALLEL_STEPS, items.length));
    await Promise.all(Array.from({ length: width }, worker));
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<R>).value);
  }

  /**
   * Registers what must be undone at teardown if no later case ends it (a session started, a reservation made, a
   * registration): it runs whatever the checks said, after a narrowed selection and after an interrupt too.
   */
  compensate(key: string, what: string, run: Compensation['run'], { last = false }: { last?: boolean } = {}): void {
    this.#services.compensations.register({ key, what, caseId: this.#definition.id, run, last });
  }

  /**
   * Registers a trigger as the compensating step of one this case asked for (a session started through the trigger is
   * stopped through it, whatever the checks said), fired at teardown unless the case settles `key`. `request` is read
   * then, so it can name what the case learned meanwhile (the session's id), or say there is nothing to undo (undefined:
   * nothing is fired). Nothing is registered without a trigger.
   */
  compensateWithTrigger(key: string, what: string, request: () => TriggerRequest | undefined): void {
    const trigger = this.#services.trigger;
    if (!trigger) return;
    this.compensate(key, what, async () => {
      const asked = request();
      if (!asked) return 'nothing to undo';
      const outcome = await trigger.fire(asked);
      if (outcome.status !== 'done') throw new Error(`${asked.action} through the ${trigger.kind} trigger: ${outcome.reason}`);
      return `${asked.action} asked through the ${trigger.kind} trigger${outcome.detail ? ` (${outcome.detail})` : ''}`;
    });
  }

  /** What `compensate` registered under this key was ended normally: nothing to undo. */
  settle(key: string): void {
    this.#services.compensations.settle(key);
  }

  /** Warns, once per URL path in a run, that the target answered a declared URL with a redirect the tester followed. */
  #redirected(response: OcpiResponse): void {
    const first = response.redirects[0] as Exchange;
    const path = first.request.url.replace(/[?#].*$/, '');
    const warned = this.#services.redirectsWarned;
    if (warned.has(path)) return;
    warned.add(path);
    this.attach(...response.redirects, response.exchange);
    const hops = [...response.redirects].map((hop) => `${hop.response?.status ?? '?'} to ${hop.response?.headers['location'] ?? '?'}`).join(', then ');
    this.#findings.push(warn(REDIRECT_CHECK, `${first.request.method} ${first.request.url} was redirected (${hops}): the tester followed it on the same origin, with its token; a partner may not, so use and declare the URLs the target answers`, { exchangeId: first.id }));
  }

  /** The registration's token when the request carries it. */
  #sessionToken(request: OcpiRequest): Secret | undefined {
    const session = this.#services.state.get('session') as RunState['session'] | undefined;
    return request.token && session?.token.equals(request.token) ? request.token : undefined;
  }

  /** `--handshake none` promises to leave the registration alone: a case that tries to change it is a tester defect. */
  #refuseRegistrationChange(request: OcpiRequest): void {
    if (this.#services.settings.handshake !== 'none' || request.method === 'GET') return;
    const endpoints = (this.#services.state.get('endpoints') ?? []) as RunState['endpoints'];
    const credentials = endpoints.find((e) => e.identifier === 'credentials')?.url;
    const path = (url: string): string => new URL(url).pathname.replace(/\/+$/, '');
    if (credentials && path(request.url) === path(credentials)) {
      throw new Error(`${this.#definition.id} tried to ${request.method} the credentials with --handshake none, which never changes the registration (tester defect)`);
    }
  }

  /**
   * DESIGN §7: without --allow-commands nothing reaches the Commands or ChargingProfiles Receiver with the
   * registration's token, which a target would act on. Requests without a token, or with one the target must refuse,
   * may go (AUTH-01..03). Enforced here, below every case, so that no case can break it: a request that would is a
   * tester defect and ends its case as errored.
   */
  #refuseChargerRequest(request: OcpiRequest): void {
    if (this.#services.settings.allowCommands || !this.#sessionToken(request)) return;
    const endpoints = (this.#services.state.get('endpoints') ?? []) as RunState['endpoints'];
    const module = chargerReceiverAt(request.url, endpoints);
    if (module) {
      throw new Error(`${this.#definition.id} tried to ${request.method} the ${module} Receiver with the credentials token without --allow-commands, which could act on a real charger (tester defect)`);
    }
  }

  /** Records findings; a check id the case did not declare is a tester defect. */
  check(...groups: ReadonlyArray<Finding | readonly Finding[]>): void {
    for (const finding of groups.flat()) {
      if (!this.#definition.checks.includes(finding.check)) {
        throw new Error(`${this.#definition.id} reported check "${finding.check}" it does not declare`);
      }
      this.#findings.push(redactFinding(finding, this.#services.redactor));
    }
  }

  /** Adds exchanges observed elsewhere (the peer's inbound ones, the peer's own callbacks) to this case's evidence. */
  attach(...exchanges: readonly Exchange[]): void {
    // A view of a body as received (not redacted) is never evidence: keeping one is a tester defect.
    const view = exchanges.find(isReceivedView);
    if (view) throw new Error(`${this.#definition.id} tried to keep exchange ${view.id} as received, before redaction (tester defect)`);
    const known = new Set(this.exchanges.map((exchange) => exchange.id));
    for (const exchange of exchanges) {
      if (known.has(exchange.id)) continue;
      known.add(exchange.id);
      this.#evidence.push([exchange]);
    }
  }

  skip(reason: string): never {
    throw new SkipCase(reason);
  }

  /**
   * Asks the target, through the run's trigger, to perform an action; resolves once it is done or started. Skips the
   * case at once when the run has no way to ask (no --trigger-command or --trigger-url, and stdin is not a terminal);
   * a trigger that fails throws, so the case errors with the trigger's reason (the tester's set-up, not the target).
   */
  async trigger(request: TriggerRequest): Promise<void> {
    const trigger = this.#services.trigger;
    if (!trigger) this.skip(`no trigger for ${request.action}: give --trigger-command or --trigger-url (see docs/triggers.md)`);
    const outcome = await trigger.fire(request, this.#services.signal);
    if (outcome.status === 'unavailable') this.skip(outcome.reason);
    if (outcome.status === 'failed') throw new Error(`trigger (${trigger.kind}) failed: ${outcome.reason}`);
  }

  /** Waits for the target to register with the peer, within the run's deadline. */
  waitForRegistration(what: string): Promise<PeerRegistration> {
    return this.#wait(what, (options) => this.peer.waitForRegistration(options));
  }

  /** The revocation of the registration's token the run noticed so far, if any (CRED-09 reports it). */
  get revocation(): Revocation | undefined {
    return this.#services.guard.revocation;
  }

  /**
   * Why the tester would not send a request (and its token) to `url`: its origin is neither the versions URL's nor one
   * allowed with --allow-origin (DESIGN §7). Undefined when it would. For URLs the target hands over, such as a
   * command's response_url, so that a case can skip saying so instead of erroring.
   */
  originRefusal(url: string): string | undefined {
    const origins = this.#services.client.origins;
    return origins && !origins.allows(url) ? origins.refusal(url) : undefined;
  }

  /** The run's deadline for any one wait (`--deadline`), in milliseconds. */
  get deadlineMs(): number {
    return this.#services.deadlineMs;
  }

  /** How far each list crawl may go before it stops and judges what it saw. */
  get crawlBounds(): CrawlBounds {
    return this.#services.crawlBounds;
  }

  /**
   * Waits for an inbound request, within the run's deadline or a shorter `timeoutMs`; the request becomes evidence.
   * Rejects with a DeadlineExceededError when nothing matching arrives in time.
   */
  async waitForRequest(what: string, match: (record: InboundRecord) => boolean, { after = 0, timeoutMs }: { after?: number; timeoutMs?: number } = {}): Promise<InboundRecord> {
    const record = await this.#wait(what, (options) => this.peer.waitForRequest(match, { ...options, after }), timeoutMs);
    this.attach(record.exchange);
    this.peer.claim(record);
    return record;
  }

  /**
   * Asks again, every `intervalMs`, until `attempt` gives a value or the run's deadline passes (then undefined): for
   * state the target reaches on its own time, such as a session appearing after a START_SESSION.
   */
  async poll<T>(what: string, attempt: () => Promise<T | undefined>, { intervalMs = 1000 }: { intervalMs?: number } = {}): Promise<T | undefined> {
    const { emit, deadlineMs, signal } = this.#services;
    const ends = performance.now() + deadlineMs;
    emit({ type: 'wait-start', caseId: this.#definition.id, what, timeoutMs: deadlineMs });
    try {
      while (!signal.aborted) {
        const value = await attempt();
        if (value !== undefined || performance.now() + intervalMs > ends) return value;
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
      return undefined;
    } finally {
      emit({ type: 'wait-end', caseId: this.#definition.id });
    }
  }

  async #wait<T>(what: string, wait: (options: { timeoutMs: number; what: string; signal: AbortSignal }) => Promise<T>, timeoutMs?: number): Promise<T> {
    const { emit, deadlineMs, signal } = this.#services;
    const limit = Math.min(timeoutMs ?? deadlineMs, deadlineMs);
    emit({ type: 'wait-start', caseId: this.#definition.id, what, timeoutMs: limit });
    try {
      return await wait({ timeoutMs: limit, what, signal });
    } finally {
      emit({ type: 'wait-end', caseId: this.#definition.id });
    }
  }
}
