import { randomUUID } from 'node:crypto';
import { Secret } from '../config/secret.js';
import type { CpoData, Token } from '../ocpi-data/ocpi-objects.js';
import { envelope } from '../server/envelope.js';
import { OcpiServer, type ServerRequest, type ServerResponseSpec } from '../server/ocpi-server.js';
import type { Exchange } from '../model/exchange.js';
import { fetchVersionDetails } from '../transport/fetch-version-details.js';
import type { OcpiClient } from '../transport/ocpi-client.js';
import type { Redactor } from '../transport/redactor.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';
import { DeadlineExceededError } from './deadline-exceeded-error.js';
import { InboundLog, type InboundCaller, type InboundRecord, type WaitOptions } from './inbound-log.js';
import { firstTesterEvse, generateTesterData, generateTesterTokens, PEER_EMSP_SENDER_MODULES, PEER_SENDER_MODULES, peerSenderRoutes, peerTokensRoute, type PeerSenderModule, type TesterEvse } from './peer-sender-lists.js';
import { TESTER_IDENTITY } from '../model/tester-identity.js';
import { peerCommandsRoute } from './peer-commands-receiver.js';
import { peerAuthorizeRoute } from './peer-tokens-authorize.js';
import { peerPushReceiverRoutes, peerTokensReceiverRoutes } from './peer-push-receivers.js';
import { paymentsCollectionOf, peerPaymentsRoutes, type PaymentsPost } from './peer-payments-receiver.js';
import { peerPaymentsSenderRoutes, terminalsRequestKindOf, type TerminalsRequest } from './peer-payments-sender.js';

/** How to start the tester's peer. */
export interface PeerOptions {
  readonly host: string;
  readonly port: number;
  /** The URL the target reaches the peer at, when it differs from the listening address (`--peer-url`). */
  readonly publicUrl?: string;
  readonly redactor: Redactor;
  readonly nextExchangeId: () => string;
  /** The client the peer uses for its own GETs back during a registration. */
  readonly client: OcpiClient;
  /** The role the tester plays: the counterpart of the target's. */
  readonly role: 'CPO' | 'EMSP';
  /** The OCPI version the run tests (2.2.1 by default): the version of `detailsUrl`, of result URLs and of tokens accepted without one named. */
  readonly version?: OcpiVersion;
  /** A certificate and key (PEM) to serve HTTPS with (`--peer-tls-cert`, `--peer-tls-key`). */
  readonly tls?: { readonly cert: string; readonly key: string };
  /**
   * Every version the peer offers, each with its own version details and credentials endpoint (and Sender lists when
   * it plays the CPO); `[version]` by default. A partner registers in the version whose credentials endpoint it uses.
   */
  readonly versions?: readonly OcpiVersion[];
  /** Whether the peer, playing the CPO, offers a Payments Receiver in 2.3.0: the target is a Payment Terminal Provider. */
  readonly paymentsReceiver?: boolean;
  /** Whether the peer, playing the eMSP, also offers a PTP's Payments Sender in 2.3.0: the target is a CPO (PAY-04). */
  readonly paymentsSender?: boolean;
}

/** A registration the target made with the tester (`--handshake await`). */
export interface PeerRegistration {
  readonly seq: number;
  /** The version of the credentials endpoint the target POSTed (or PUT) to: the version it registered in (V2). */
  readonly version: OcpiVersion;
  /** The POST, as recorded (redacted). */
  readonly exchange: Exchange;
  /** The Credentials body the target sent, unredacted for the case's logic; never report it. */
  readonly credentials: unknown;
  /** The token the target gave us (its Token B), when its body had one. */
  readonly partnerToken?: Secret;
  readonly partnerVersionsUrl?: string;
  /** Our GETs back to the target's versions and details. */
  readonly callbacks: readonly Exchange[];
  /** Set when we answered the POST with an error status code. */
  readonly failure?: string;
  /** The token we issued (Token C), on success. */
  readonly issuedToken?: Secret;
}

/** A request the target made to one of the peer's Sender interfaces. */
export interface SenderRequest {
  readonly module: PeerSenderModule;
  readonly record: InboundRecord;
}

/**
 * The tester's own OCPI endpoint: a versions list naming every version it offers, and per version its details,
 * credentials and result URLs, and when the tester plays the CPO its four Sender lists (Locations, Tariffs, Sessions,
 * CDRs) for an eMSP under test to pull (in the versions the data mappers write: 2.2.1 and 2.3.0). A partner registers
 * in the version whose credentials endpoint it uses; each token the peer issues or accepts belongs to the registration's
 * version, and every inbound request is recorded with it, so a case can tell a call at another version's endpoints.
 * In 2.1.1 the version details name no interface roles, the Credentials object carries the party at its top level, and
 * tokens travel as they are: the peer accepts a token raw or Base64-encoded in every version, so that a target's
 * encoding is judged by the case that checks it, not refused on the way in. It answers the target's calls during a
 * registration, refuses unknown tokens with 401, records every inbound request verbatim (malformed ones included) with
 * the token it carried, and lets cases wait, with a deadline, for what the target should do.
 */
export class Peer {
  readonly inbound = new InboundLog<InboundRecord>();
  readonly registrations = new InboundLog<PeerRegistration>();
  /** What the Sender lists serve when the tester plays the CPO (the reference CPO's data, owned by ZZ/OCT). */
  readonly data: CpoData | undefined;
  /** What the Tokens Sender serves when the tester plays the eMSP (the tester's own Tokens, owned by ZZ/OCT). */
  readonly tokens: readonly Token[] | undefined;
  readonly #options: PeerOptions;
  readonly #server: OcpiServer;
  // Each token the target may call us with, and the version of the registration it belongs to (none for Token A).
  readonly #tokens = new Map<string, { secret: Secret; caller: InboundCaller; version?: OcpiVersion }>();
  // What #register learned, handed to the exchange recorder so a registration is logged with its recorded POST.
  readonly #outcomes = new WeakMap<ServerRequest, Omit<PeerRegistration, 'seq' | 'exchange'>>();
  #base = '';
  #issuedTokenA: Secret | undefined;
  #version: OcpiVersion;
  readonly #versions: readonly OcpiVersion[];
  #registrationWaitExpired: Error | undefined;
  // The paths a partner may call: exactly, the versions URLs it hands out (the broken one too) and each version's details;
  // with what lies under them, each version's endpoints and result URLs.
  readonly #declaredExactly = new Set<string>(['/ocpi/versions', '/ocpi/broken/versions']);
  readonly #declaredPaths = new Set<string>();
  // The inbound requests a case waited for and judged, so that a case judging whatever else came leaves them out.
  readonly #claimed = new Set<number>();

  private constructor(options: PeerOptions) {
    this.#options = options;
    this.#version = options.version ?? '2.2.1';
    this.#versions = OCPI_VERSIONS.filter((v) => v === this.#version || (options.versions ?? []).includes(v)).reverse();
    // Its lists' objects exist in the versions the data mappers write (not 2.1.1 yet).
    this.data = options.role === 'CPO' ? generateTesterData() : undefined;
    this.tokens = options.role === 'EMSP' ? generateTesterTokens() : undefined;
    this.#server = new OcpiServer({
      host: options.host,
      port: options.port,
      redactor: options.redactor,
      nextExchangeId: options.nextExchangeId,
      ...(options.tls ? { tls: options.tls } : {}),
      onExchange: (exchange, request) => {
        const caller = this.#identify(request);
        const encoding = this.#encodingOf(request);
        const registeredIn = this.#tokenOf(request)?.version;
        this.inbound.add((seq) => ({ seq, exchange, caller, ...(encoding ? { encoding } : {}), ...(registeredIn ? { registeredIn } : {}) }));
        const outcome = this.#outcomes.get(request);
        if (outcome) this.registrations.add((seq) => ({ ...outcome, seq, exchange }));
      },
    });
  }

  static async start(options: PeerOptions): Promise<Peer> {
    const peer = new Peer(options);
    peer.#routes();
    const listening = await peer.#server.listen();
    peer.#base = (options.publicUrl ?? listening).replace(/\/+$/, '');
    return peer;
  }

  get versionsUrl(): string {
    return `${this.#base}/ocpi/versions`;
  }

  /** The OCPI version the run tests. */
  get version(): OcpiVersion {
    return this.#version;
  }

  /** Every version the peer offers, highest first. */
  get versions(): readonly OcpiVersion[] {
    return this.#versions;
  }

  /** Makes `version`, one the peer offers, the one the run tests (once the target registered in it, with `--handshake await`). */
  speak(version: OcpiVersion): void {
    if (!this.#versions.includes(version)) throw new Error(`the peer does not offer OCPI ${version}`);
    this.#version = version;
  }

  get detailsUrl(): string {
    return this.detailsUrlOf(this.#version);
  }

  /** The URL of the peer's version details of `version`. */
  detailsUrlOf(version: OcpiVersion): string {
    return `${this.#base}/ocpi/${version}`;
  }

  /** The version whose endpoints a URL of the peer addresses (`/ocpi/<version>` and below), if any. */
  versionAt(url: string): OcpiVersion | undefined {
    const segment = /^\/ocpi\/([^/]+)(?:\/|$)/.exec(new URL(url).pathname)?.[1];
    return OCPI_VERSIONS.find((version) => version === segment);
  }

  /** Whether `url` is one the tester declared to its partner (its versions URL, a version's details or endpoints, a result URL it gave), or under one. */
  declares(url: string): boolean {
    const path = new URL(url).pathname.replace(/\/+$/, '');
    return this.#declaredExactly.has(path) || [...this.#declaredPaths].some((declared) => path === declared || path.startsWith(`${declared}/`));
  }

  /** Marks an inbound request as judged by the case that waited for it. */
  claim(record: InboundRecord): void {
    this.#claimed.add(record.seq);
  }

  /** Whether a case waited for this inbound request and judged it. */
  claimed(record: InboundRecord): boolean {
    return this.#claimed.has(record.seq);
  }

  /** A versions URL whose every GET fails with HTTP 500, to see how the target handles a failing partner. */
  get brokenVersionsUrl(): string {
    return `${this.#base}/ocpi/broken/versions`;
  }

  /**
   * A fresh URL where the target POSTs an asynchronous result (CommandResult, ChargingProfileResult, ...): the
   * `response_url` of one request. Every POST there is recorded and answered with success.
   */
  resultUrl(kind: string): string {
    return `${this.detailsUrl}/results/${encodeURIComponent(kind)}/${randomUUID()}`;
  }

  /** A Location and EVSE of the tester's own data (when it plays the CPO), e.g. for LocationReferences. */
  get firstEvse(): TesterEvse | undefined {
    return this.data ? firstTesterEvse(this.data) : undefined;
  }

  /** The id of the first Session of the tester's own data (when it plays the CPO), e.g. for a ChargingProfile. */
  get firstSessionId(): string | undefined {
    return this.data?.sessions[0]?.id;
  }

  /** The Sender interface of the peer an inbound request GETs, or undefined for any other request. */
  senderModuleOf(record: InboundRecord): PeerSenderModule | undefined {
    if (record.exchange.request.method !== 'GET') return undefined;
    const prefix = `/ocpi/${this.#version}/`;
    const path = new URL(record.exchange.request.url).pathname;
    return this.senderModules.find((m) => path === `${prefix}${m}` || path.startsWith(`${prefix}${m}/`));
  }

  /** The Sender interfaces the peer offers: the four CPO lists when it plays the CPO, its Tokens when it plays the eMSP. */
  get senderModules(): readonly PeerSenderModule[] {
    return this.data ? PEER_SENDER_MODULES : this.tokens ? PEER_EMSP_SENDER_MODULES : [];
  }

  /** The GETs the target made to the peer's Sender interfaces so far, oldest first, with the module each addressed. */
  senderRequests(): readonly SenderRequest[] {
    return this.inbound.since(0).flatMap((record) => {
      const module = this.senderModuleOf(record);
      return module ? [{ module, record }] : [];
    });
  }

  /** The POSTs the target made to the peer's Payments Receiver so far (a PTP under test, 2.3.0), oldest first. */
  paymentsPosts(): readonly PaymentsPost[] {
    return this.inbound.since(0).flatMap((record) => {
      const collection = paymentsCollectionOf(record, this.#version);
      return collection ? [{ collection, record }] : [];
    });
  }

  /** The writes the target (a CPO) made to the peer's Terminals interface so far (2.3.0, PAY-04), oldest first. */
  terminalsRequests(): readonly TerminalsRequest[] {
    return this.inbound.since(0).flatMap((record) => {
      const kind = terminalsRequestKindOf(record, this.#version);
      return kind ? [{ kind, record }] : [];
    });
  }

  /** The registration token the peer issued for --handshake await, if any. */
  get tokenA(): Secret | undefined {
    return this.#issuedTokenA;
  }

  /** Issues the Token A the target registers with (`--handshake await`). */
  issueTokenA(): Secret {
    const token = Secret.generate();
    this.#issuedTokenA = token;
    this.accept(token, 'token-a');
    return token;
  }

  /**
   * Accepts `token` from the target from now on, recorded as `caller`. A registration's token (B or C) belongs to the
   * registration's version, the run's by default; Token A to none (it serves discovery before a version is chosen).
   */
  accept(token: Secret, caller: 'token-a' | 'token-b' | 'token-c', version: OcpiVersion | undefined = caller === 'token-a' ? undefined : this.#version): void {
    this.#options.redactor.add(token);
    this.#tokens.set(token.reveal(), { secret: token, caller, ...(version ? { version } : {}) });
  }

  /** Stops accepting a token. */
  retire(token: Secret): void {
    this.#tokens.delete(token.reveal());
  }

  /** Waits for an inbound request that matches; see InboundLog.waitFor. */
  waitForRequest(match: (record: InboundRecord) => boolean, options: WaitOptions): Promise<InboundRecord> {
    return this.inbound.waitFor(match, options);
  }

  waitForRegistration(options: WaitOptions): Promise<PeerRegistration> {
    // Once a wait for the target's registration ran out, a later wait for it would only spend the deadline again.
    const expired = this.#registrationWaitExpired;
    if (expired && this.registrations.position === 0) return Promise.reject(expired);
    return this.registrations.waitFor(() => true, options).catch((error: unknown) => {
      if (error instanceof DeadlineExceededError) this.#registrationWaitExpired = error;
      throw error;
    });
  }

  stop(): Promise<void> {
    return this.#server.close();
  }

  #identify(request: ServerRequest): InboundCaller {
    return this.#tokenOf(request)?.caller ?? (request.presented.token === undefined ? 'missing' : 'unknown');
  }

  /**
   * The token a request carries, when the peer issued or accepted it: as decoded from Base64, or else as sent (a raw
   * token that happens to read as Base64 is decoded into something else, and 2.1.1 sends tokens raw).
   */
  #tokenOf(request: ServerRequest): { secret: Secret; caller: InboundCaller; version?: OcpiVersion } | undefined {
    const decoded = request.presented.token;
    if (decoded === undefined) return undefined;
    return this.#tokens.get(decoded) ?? this.#tokens.get(sentToken(request) ?? '');
  }

  /**
   * How the request's token was written: for a token the peer knows, by the form that matched it (a raw token that
   * reads as Base64 was still sent raw); for any other, as the header reads.
   */
  #encodingOf(request: ServerRequest): 'raw' | 'base64' | undefined {
    const { token, encoding } = request.presented;
    if (token === undefined) return undefined;
    if (this.#tokens.has(token)) return encoding;
    return this.#tokens.has(sentToken(request) ?? '') ? 'raw' : encoding;
  }

  /** The tester's Credentials object of `version` (the run's by default), carrying `token` for the target to call us with. */
  credentials(token: Secret, versionsUrl: string = this.versionsUrl, version: OcpiVersion = this.#version): Record<string, unknown> {
    const party = { party_id: TESTER_IDENTITY.partyId, country_code: TESTER_IDENTITY.countryCode, business_details: { name: 'ocpi-conformance tester' } };
    // 2.1.1 has no roles: the party and its business details are at the top level.
    if (version === '2.1.1') return { token: token.reveal(), url: versionsUrl, business_details: party.business_details, party_id: party.party_id, country_code: party.country_code };
    return { token: token.reveal(), url: versionsUrl, roles: [{ role: this.#options.role, ...party }] };
  }

  #routes(): void {
    const server = this.#server;
    server.route('GET', '/ocpi/versions', this.#guard(() => ({ status: 200, body: envelope(this.#versions.map((version) => ({ version, url: this.detailsUrlOf(version) }))) })));
    server.route('GET', '/ocpi/broken/versions', () => ({ status: 500, body: envelope(undefined, 3000, 'deliberately broken versions endpoint') }));
    for (const version of this.#versions) this.#versionRoutes(version);
  }

  /** 401 for a caller the peer does not know; otherwise the handler's answer. */
  #guard(handler: (request: ServerRequest, caller: InboundCaller) => ServerResponseSpec | Promise<ServerResponseSpec>) {
    return (request: ServerRequest): ServerResponseSpec | Promise<ServerResponseSpec> => {
      const caller = this.#identify(request);
      if (caller === 'missing' || caller === 'unknown') {
        return { status: 401, body: envelope(undefined, 2000, request.presented.problem ?? 'unknown credentials token') };
      }
      return handler(request, caller);
    };
  }

  /** One version's endpoints: its details, its credentials, its result URLs and, when the peer plays the CPO, its Sender lists. */
  #versionRoutes(version: OcpiVersion): void {
    const server = this.#server;
    const guard = this.#guard.bind(this);
    const details = `/ocpi/${version}`;
    const identify = (request: ServerRequest): InboundCaller => this.#identify(request);
    const senders = this.data ? peerSenderRoutes(this.data, identify, version) : this.tokens ? [peerTokensRoute(this.tokens, identify, version)] : [];
    // The SENDER interfaces: credentials always, the four CPO lists when it plays the CPO, its Tokens when it plays the
    // eMSP; the Receivers it offers follow (`receivers`).
    const identifiers = ['credentials', ...senders.map((sender) => sender.module)];
    // 2.1.1 endpoints name no interface role.
    const endpoint = (identifier: string): Record<string, string> => (version === '2.1.1'
      ? { identifier, url: `${this.detailsUrlOf(version)}/${identifier}` }
      : { identifier, role: 'SENDER', url: `${this.detailsUrlOf(version)}/${identifier}` });
    const payments = this.#options.paymentsReceiver && version === '2.3.0' ? peerPaymentsRoutes((request) => this.#identify(request)) : [];
    // URLs are built when asked: the peer's base URL is known only once it listens.
    const ptpSender = this.#options.paymentsSender && version === '2.3.0' ? peerPaymentsSenderRoutes((request) => this.#identify(request)) : [];
    // Playing the eMSP towards a CPO (2.2.1, 2.3.0): a Locations Receiver, for what the CPO pushes when triggered (IN-LOC-01).
    const locations = this.#options.role === 'EMSP' && version !== '2.1.1';
    // Playing the CPO towards an eMSP (2.2.1, 2.3.0): a Commands Receiver, for the commands the eMSP sends when
    // triggered (IN-CMD-01), and a ChargingProfiles Receiver, for the profiles it sends as a Smart Charging Service
    // Provider (IN-CPR-01).
    const commands = this.#options.role === 'CPO' && version !== '2.1.1';
    const receivers = (): Array<Record<string, string>> => [
      // Its Locations and Tariffs Receivers (IN-LOC-01, IN-LOC-02, IN-TAR-01), and its Sessions and CDRs Receivers, for
      // the session a driver starts and stops when triggered (IN-SES-01).
      ...(locations ? ['locations', 'tariffs'].map((identifier) => ({ identifier, role: 'RECEIVER', url: `${this.detailsUrlOf(version)}/${identifier}` })) : []),
      ...(locations ? ['sessions', 'cdrs'].map((identifier) => ({ identifier, role: 'RECEIVER', url: `${this.detailsUrlOf(version)}/${identifier}` })) : []),
      // And its Tokens Receiver, for the Token the eMSP pushes when triggered (IN-TOK-01).
      ...(commands ? ['commands', 'tokens', 'chargingprofiles'].map((identifier) => ({ identifier, role: 'RECEIVER', url: `${this.detailsUrlOf(version)}/${identifier}` })) : []),
      ...(payments.length > 0 ? [{ identifier: 'payments', role: 'RECEIVER', url: `${this.detailsUrlOf(version)}/payments` }] : []),
      ...(ptpSender.length > 0 ? [{ identifier: 'payments', role: 'SENDER', url: `${this.detailsUrlOf(version)}/payments` }] : []),
    ];
    server.route('GET', details, guard(() => ({ status: 200, body: envelope({ version, endpoints: [...identifiers.map(endpoint), ...receivers()] }) })));
    // What a partner may call in this version: the details, every endpoint they declare, and the result URLs the tester hands out.
    for (const identifier of [...identifiers, ...receivers().map((r) => r['identifier'] as string)]) this.#declaredPaths.add(`${details}/${identifier}`);
    this.#declaredExactly.add(details);
    this.#declaredPaths.add(`${details}/results`);
    for (const sender of senders) server.route('GET', `${details}/${sender.module}`, sender.handler);
    for (const receiver of payments) server.route('POST', `${details}/payments/${receiver.collection}`, receiver.handler);
    for (const route of ptpSender) server.route(route.method, `${details}${route.path}`, route.handler);
    if (commands) server.route('POST', `${details}/commands/:command`, peerCommandsRoute((request) => this.#identify(request)));
    // The Receiver's PUT, GET and DELETE each answer a ChargingProfileResponse, whose shape is the CommandResponse's.
    if (commands) for (const method of ['PUT', 'GET', 'DELETE']) server.route(method, `${details}/chargingprofiles/:session_id`, peerCommandsRoute((request) => this.#identify(request)));
    // Playing the eMSP (2.2.1, 2.3.0): real-time authorization of the tester's Tokens (IN-AUTH-01).
    if (this.tokens && version !== '2.1.1') server.route('POST', `${details}/tokens/:token_uid/authorize`, peerAuthorizeRoute(this.tokens, identify));
    if (commands) for (const route of peerTokensReceiverRoutes(guard)) server.route(route.method, `${details}${route.path}`, route.handler);
    if (locations) for (const route of peerPushReceiverRoutes(() => this.detailsUrlOf(version), guard)) server.route(route.method, `${details}${route.path}`, route.handler);
    if (locations) {
      const accept = guard(() => ({ status: 200, body: envelope(undefined) }));
      for (const path of ['/:country_code/:party_id/:location_id', '/:country_code/:party_id/:location_id/:evse_uid', '/:country_code/:party_id/:location_id/:evse_uid/:connector_id']) {
        for (const method of ['PUT', 'PATCH']) server.route(method, `${details}/locations${path}`, accept);
      }
    }
    // A result is accepted with any token, so that it is recorded for the case to judge: with --handshake none the
    // target holds a token from an earlier registration that the tester never saw.
    server.route('POST', `${details}/results/:kind/:ref`, (request) => request.presented.token === undefined
      ? { status: 401, body: envelope(undefined, 2000, request.presented.problem ?? 'no credentials token') }
      : { status: 200, body: envelope(undefined) });
    const credentials = `${details}/credentials`;
    server.route('GET', credentials, guard((request) => {
      const token = this.#tokenOf(request)?.secret;
      return token ? { status: 200, body: envelope(this.credentials(token, this.versionsUrl, version)) } : { status: 401, body: envelope(undefined, 2000, 'unknown token') };
    }));
    server.route('POST', credentials, guard((request, caller) => {
      if (caller !== 'token-a') return { status: 405, body: envelope(undefined, 2000, 'already registered') };
      return this.#register(request, version);
    }));
    server.route('PUT', credentials, guard((request, caller) => {
      if (caller !== 'token-c') return { status: 405, body: envelope(undefined, 2000, 'not registered') };
      return this.#register(request, version);
    }));
    server.route('DELETE', credentials, guard((request, caller) => {
      if (caller !== 'token-c') return { status: 405, body: envelope(undefined, 2000, 'not registered') };
      const token = this.#tokenOf(request)?.secret;
      if (token) this.retire(token);
      return { status: 200, body: envelope(undefined) };
    }));
  }

  /**
   * We are the Receiver: GET the target's versions and its details of `version` (the version of the credentials
   * endpoint it used) with its token, then issue ours, which belongs to a registration in that version.
   */
  async #register(request: ServerRequest, version: OcpiVersion): Promise<ServerResponseSpec> {
    const body = request.body as { token?: unknown; url?: unknown } | undefined;
    const partnerToken = typeof body?.token === 'string' && body.token !== '' ? new Secret(body.token) : undefined;
    const partnerVersionsUrl = typeof body?.url === 'string' ? body.url : undefined;
    if (partnerToken) this.#options.redactor.add(partnerToken);
    let answer: ServerResponseSpec;
    let failure: string | undefined;
    let callbacks: readonly Exchange[] = [];
    let issuedToken: Secret | undefined;
    if (!request.json) {
      failure = 'the body is not JSON';
      answer = { status: 400, body: envelope(undefined, 2001, failure) };
    } else if (!partnerToken || !partnerVersionsUrl) {
      failure = 'the credentials have no token or no url';
      answer = { status: 200, body: envelope(undefined, 2001, failure) };
    } else {
      const details = await fetchVersionDetails(this.#options.client, {
        versionsUrl: partnerVersionsUrl,
        token: partnerToken,
        version,
        ...(version === '2.1.1' ? { tokenEncoding: 'raw' as const } : {}),
      });
      callbacks = details.exchanges;
      if (!details.ok) {
        failure = `unable to use the target's API: ${details.reason}`;
        answer = { status: 200, body: envelope(undefined, 3001, failure) };
      } else {
        issuedToken = Secret.generate();
        for (const [key, entry] of this.#tokens) if (entry.caller === 'token-a' || entry.caller === 'token-c') this.#tokens.delete(key);
        this.accept(issuedToken, 'token-c', version);
        answer = { status: 200, body: envelope(this.credentials(issuedToken, this.versionsUrl, version)) };
      }
    }
    this.#outcomes.set(request, {
      version,
      credentials: request.body,
      callbacks,
      ...(partnerToken ? { partnerToken } : {}),
      ...(partnerVersionsUrl ? { partnerVersionsUrl } : {}),
      ...(failure ? { failure } : {}),
      ...(issuedToken ? { issuedToken } : {}),
    });
    return answer;
  }
}

/** The token of a request's Authorization header as it was sent, before any Base64 decoding. */
function sentToken(request: ServerRequest): string | undefined {
  return /^Token (\S+)$/.exec(request.headers['authorization'] ?? '')?.[1];
}
