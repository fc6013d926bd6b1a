import type { TriggerOutcome, TriggerRequest } from '../model/trigger-request.js';
import { performTrigger } from './perform-trigger.js';
import { triggerHandler } from './trigger-handler.js';
import { commandResultsRoutes, type CommandResultStore } from './command-results-receiver.js';
import { sendPartnerCommand } from './send-partner-command.js';
import { sendPartnerChargingProfile } from './send-partner-charging-profile.js';
import { pushToken } from './push-token.js';
import { startDriverSession, stopDriverSession } from './driver-session-triggers.js';
import { changeEvseStatus } from './change-evse-status.js';
import { Secret } from '../config/secret.js';
import { envelope } from '../server/envelope.js';
import { OcpiServer, type Handler } from '../server/ocpi-server.js';
import { OcpiClient } from '../transport/ocpi-client.js';
import type { Exchange } from '../model/exchange.js';
import { Redactor } from '../transport/redactor.js';
import { AsyncResults } from './async-results.js';
import { chargingProfilesRoutes } from './charging-profiles-receiver.js';
import { commandsRoutes } from './commands-receiver.js';
import { generateCpoData } from '../ocpi-data/generate-cpo-data.js';
import { CpoStore, type CpoListModule } from './cpo-store.js';
import { credentialsHandlers } from './credentials-endpoint.js';
import { functionalHandler, type ModuleRoute } from './functional-endpoint.js';
import { locationObjectRoutes } from './location-objects.js';
import { senderListRoute } from './sender-list.js';
import { EmspStore } from './emsp-store.js';
import { generateTokens } from '../ocpi-data/generate-tokens.js';
import { tokensRoutes } from './tokens-receiver.js';
import { locationsReceiverRoutes } from './locations-receiver.js';
import { tariffsReceiverRoutes } from './tariffs-receiver.js';
import { sessionsReceiverRoutes } from './sessions-receiver.js';
import { cdrsReceiverRoutes } from './cdrs-receiver.js';
import { paymentsReceiverRoutes } from './payments-receiver.js';
import { PaymentsStore } from './payments-store.js';
import { paymentsSenderRoutes } from './payments-sender.js';
import { generatePayments, type PaymentsData } from '../ocpi-data/generate-payments.js';
import { authorizeRoutes } from './tokens-authorize.js';
import { hubClientInfoReceiverRoutes, type ClientInfoStore } from './hub-client-info-receiver.js';
import { findFault } from './fault-catalogue.js';
import type { PartyRole } from '../model/party-role.js';
import type { PartyContext } from './party-context.js';
import { PartyState } from './party-state.js';
import { shapeForVersion, type ShapeContext, type ShapedModule } from '../ocpi-data/shape-for-version.js';
import { servedInVersion } from './served-in-version.js';
import { presentedInVersion } from './presented-in-version.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';
import { registerWith, type RegistrationTarget } from './register-with.js';
import { UnknownFaultError } from './unknown-fault-error.js';
import { UnknownVariantError } from './unknown-variant-error.js';
import { findVariant, VARIANTS } from './variant-catalogue.js';
import { wireFaults } from './wire-faults.js';
import { wireVariants } from './wire-variants.js';
import { MOVED, movedDetailsHandler, versionDetailsHandler, versionsHandler } from './versions-endpoint.js';

/** How to start a reference party. */
export interface ReferencePartyOptions {
  readonly role: PartyRole;
  readonly host?: string;
  readonly port?: number;
  /** Token A to hand out; a random one by default. */
  readonly tokenA?: Secret;
  /** Names from the fault catalogue; an unknown name is refused. */
  readonly faults?: readonly string[];
  /** Names from the variant catalogue; an unknown name, or one not for this role, is refused. */
  readonly variants?: readonly string[];
  readonly timeoutMs?: number;
  /** How many Locations the CPO serves (as many sessions, at least 30, with their CDRs); 12 by default. */
  readonly seedLocations?: number;
  /** The most objects the CPO's lists put on one page (its X-Limit); 10 by default. */
  readonly pageSize?: number;
  /** Sees every request the party answered, tokens redacted (a spy for tests of what a run sends). */
  readonly onExchange?: (exchange: Exchange) => void;
  /** Answers every request this many milliseconds late (a distant or slow target, for benchmarks); 0 by default. */
  readonly latencyMs?: number;
  /**
   * The OCPI versions the party offers, each with its own version details and credentials endpoint; `['2.2.1']` by
   * default. The functional modules are served in 2.2.1 and 2.3.0 (2.1.1's objects are still to come).
   */
  readonly versions?: readonly OcpiVersion[];
  /**
   * Serve the trigger contract over HTTP at `{prefix}/trigger` (what `mock` does), so that `run --trigger-url` can ask
   * the party to act as a person's harness would; off by default.
   */
  readonly triggerRoute?: boolean;
}

/** A running reference party. */
export interface ReferenceParty {
  readonly role: PartyRole;
  readonly versionsUrl: string;
  readonly tokenA: Secret;
  readonly versions: readonly OcpiVersion[];
  /** Registers a token as if a registration had already happened, in `version` (the highest offered by default; for `--handshake none`). */
  preRegister(token: Secret, version?: OcpiVersion): void;
  /** Acts as the Sender of the handshake towards a partner (for `--handshake await`). */
  registerWith(target: RegistrationTarget): Promise<string>;
  /** Performs a trigger action in-process (what `--embedded` uses instead of a person; see docs/triggers.md). */
  trigger(request: TriggerRequest): Promise<TriggerOutcome>;
  /** Where the party takes trigger requests over HTTP, when started with `triggerRoute`. */
  readonly triggerUrl?: string;
  stop(): Promise<void>;
}

/**
 * Starts a conformant OCPI party (CPO, eMSP, or a 2.3.0 Payment Terminal Provider serving its Payments Sender) on loopback, offering the versions asked for (2.2.1 by default): a
 * versions list naming each, and per version its details and credentials endpoint (2.1.1 with its own Credentials
 * object and the token as it is). A registration is bound to the version it was made in. In 2.2.1 and 2.3.0, the CPO
 * serves its Sender lists over generated data and its tokens, commands and charging profiles Receivers, the eMSP its
 * Receivers and Tokens, and both a Hub Client Info Receiver; one store serves every version. The named faults are injected. Used in-process by
 * `run --embedded` and standalone by `mock`.
 */
export async function startReferenceParty(options: ReferencePartyOptions): Promise<ReferenceParty> {
  for (const name of options.faults ?? []) {
    if (!findFault(name)?.roles.includes(options.role)) throw new UnknownFaultError(`unknown fault "${name}" for the ${options.role} party (see --list-faults)`);
  }
  for (const name of options.variants ?? []) {
    if (!findVariant(name)?.roles.includes(options.role)) throw new UnknownVariantError(`unknown variant "${name}" for the ${options.role} party (see --list-variants)`);
  }
  if (options.role === 'ptp' && (options.versions ?? []).some((version) => version !== '2.3.0')) throw new Error('a Payment Terminal Provider exists only in OCPI 2.3.0');
  const faults = new Set(options.faults ?? []);
  const variants = new Set(options.variants ?? []);
  const wire = wireVariants(variants);
  const broken = wireFaults(faults);
  const tokenA = options.tokenA ?? Secret.generate();
  const redactor = new Redactor();
  redactor.add(tokenA);
  let counter = 0;
  const nextExchangeId = (): string => `party-${++counter}`;
  const server = new OcpiServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    redactor,
    nextExchangeId,
    finish: (spec, request) => broken.response(wire.response(spec), request),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    // A server that forgets the echo forgets it on every endpoint.
    echoRequestIds: () => ({ requestId: !faults.has('no-request-id-echo'), correlationId: !faults.has('no-correlation-id-echo') }),
  });
  const client = new OcpiClient({
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: 10 * 1024 * 1024,
    tokenEncoding: 'base64',
    redactor,
    nextExchangeId,
    userAgent: `ocpi-conformance-reference-${options.role}`,
    encodeBody: (body) => broken.requestBody(wire.encodeBody(body)),
    contentType: wire.contentType,
  });
  const prefix = `/ocpi/${options.role}`;
  const versions = offeredVersions(options.versions ?? [options.role === 'ptp' ? '2.3.0' : '2.2.1']);
  const state = new PartyState(tokenA);
  const contexts = new Map<OcpiVersion, PartyContext>();
  const inVersion = (version: OcpiVersion): PartyContext => {
    const found = contexts.get(version);
    if (!found) throw new Error(`the party does not offer OCPI ${version}`);
    return found;
  };
  for (const version of versions) {
    contexts.set(version, {
      role: options.role,
      version,
      versions,
      countryCode: 'NL',
      partyId: PARTY_IDS[options.role],
      faults,
      variants,
      state,
      client,
      redactor,
      versionsUrl: () => `${server.baseUrl}${prefix}/versions`,
      detailsUrl: () => `${server.baseUrl}${prefix}/${version}`,
      inVersion,
    });
  }
  const highest = versions[versions.length - 1] as OcpiVersion;
  const party = inVersion(highest);
  const results = new AsyncResults(party);
  const pageSize = options.pageSize ?? 10;
  // One store for every version: the same chargers and tokens, whichever version a partner speaks.
  const cpo = options.role === 'cpo' ? cpoStore(party, options.seedLocations ?? 12) : undefined;
  const emsp = options.role === 'emsp' ? new EmspStore(generateTokens({ countryCode: party.countryCode, partyId: party.partyId })) : undefined;
  // What a Hub pushed to the party's Hub Client Info Receiver (2.2.1, 2.3.0), whichever version it spoke.
  const clientInfos: ClientInfoStore = new Map();
  const commandResults: CommandResultStore = new Map();
  const ptp = options.role === 'ptp' ? generatePayments({ countryCode: party.countryCode, partyId: party.partyId }) : undefined;
  const functionalIn = (spoken: PartyContext): FunctionalModule[] => {
    const clientInfo: FunctionalModule = ['hubclientinfo', 'RECEIVER', hubClientInfoReceiverRoutes(spoken, clientInfos)];
    const modules: FunctionalModule[] = cpo ? [...cpoModules(spoken, cpo, results, pageSize), clientInfo] : emsp ? [...emspModules(spoken, emsp, pageSize, commandResults), clientInfo] : ptp ? ptpModules(spoken, ptp, pageSize) : [];
    return modules.filter(([module, role]) => servedInVersion(spoken.version, module, role));
  };
  // The versions list's faults (and the details-redirect fault's old URL) concern 2.2.1, or the highest version without it.
  const listed = contexts.get('2.2.1') ?? party;
  server.route('GET', `${prefix}/versions`, versionsHandler(listed));
  for (const version of versions) {
    const spoken = inVersion(version);
    const at = `${prefix}/${version}`;
    const declared: Array<{ identifier: string; role: string }> = [{ identifier: 'credentials', role: 'SENDER' }];
    const leftOut = new Set(VARIANTS.filter((v) => variants.has(v.name)).flatMap((v) => v.undeclares ?? []));
    for (const [module, role, routes] of functionalIn(spoken).filter(([module]) => !leftOut.has(module))) {
      declared.push({ identifier: module, role });
      for (const route of routes) server.route(route.method, `${at}/${module}${route.path}`, presentedInVersion(version, functionalHandler(spoken, module, slashOnly(variants, route))));
    }
    const modules = (): Array<{ identifier: string; role: string; url: string }> => declared.map((d) => ({ ...d, url: `${spoken.detailsUrl()}/${d.identifier}${variants.has('endpoints-trailing-slash') && d.identifier !== 'credentials' ? '/' : ''}` }));
    server.route('GET', at, presentedInVersion(version, versionDetailsHandler(spoken, modules)));
    if (faults.has('details-redirect') && spoken === listed) server.route('GET', `${at}${MOVED}`, movedDetailsHandler(spoken));
    for (const [method, handler] of Object.entries(credentialsHandlers(spoken))) server.route(method, `${at}/credentials`, presentedInVersion(version, handler));
  }
  const perform = (request: TriggerRequest): Promise<TriggerOutcome> => {
    if (emsp && request.action === 'send-command') return sendPartnerCommand(party, emsp, request);
    if (emsp && request.action === 'send-charging-profile') return sendPartnerChargingProfile(party, request);
    if (emsp && request.action === 'push-token') return pushToken(party, emsp, request);
    if (cpo && request.action === 'start-session') return startDriverSession(party, cpo, request);
    if (cpo && request.action === 'stop-session') return stopDriverSession(party, cpo, request);
    if (cpo && request.action === 'change-evse-status') return changeEvseStatus(party, cpo, request);
    return performTrigger(party, cpo, request);
  };
  if (options.triggerRoute) server.route('POST', `${prefix}/trigger`, triggerHandler(perform));
  await server.listen();
  return {
    role: options.role,
    versionsUrl: party.versionsUrl(),
    tokenA,
    versions,
    preRegister: (token, version = highest) => {
      redactor.add(token);
      state.registration = { inbound: token, outbound: Secret.generate(), versionsUrl: '', endpoints: [], version: inVersion(version).version };
    },
    registerWith: (target) => registerWith(party, target),
    trigger: perform,
    ...(options.triggerRoute ? { triggerUrl: `${server.baseUrl}${prefix}/trigger` } : {}),
    stop: async () => {
      await results.settle();
      await server.close();
    },
  };
}

/**
 * Under endpoints-trailing-slash a module's own URL is declared, and served, only with its trailing slash: the
 * slash-less form answers 404 as an unknown path would (the server's matching ignores the slash, so it is done here).
 */
function slashOnly(variants: ReadonlySet<string>, route: ModuleRoute): Handler {
  if (!variants.has('endpoints-trailing-slash') || route.path !== '') return route.handler;
  return (request) => (request.path.endsWith('/') ? route.handler(request) : { status: 404, body: envelope(undefined, 2000, `no endpoint at ${request.path}`) });
}

/** The party id each reference party names itself with (country NL). */
const PARTY_IDS: Readonly<Record<PartyRole, string>> = { cpo: 'RCP', emsp: 'REM', ptp: 'RPT' };

/** A functional module a party declares: its identifier, its interface role, and its routes. */
type FunctionalModule = [string, 'SENDER' | 'RECEIVER', ModuleRoute[]];

/** The reference CPO's data: `locations` Locations, as many sessions (at least 30) with their CDRs, and tariffs. */
function cpoStore(party: PartyContext, locations: number): CpoStore {
  return new CpoStore(generateCpoData({ countryCode: party.countryCode, partyId: party.partyId, locations, sessions: Math.max(30, locations) }));
}

/**
 * The CPO's functional modules: its four Sender lists (Locations with single objects too) and three Receivers; in
 * 2.3.0 also the Payments Receiver a Payment Terminal Provider POSTs Terminals and confirmations to.
 */
function cpoModules(party: PartyContext, store: CpoStore, results: AsyncResults, pageSize: number): FunctionalModule[] {
  const list = (module: CpoListModule): ModuleRoute => senderListRoute({ module, items: () => inShape(party, module, store.list(module), store), pageSize, faults: party.faults, variants: party.variants });
  return [
    ['locations', 'SENDER', [list('locations'), ...locationObjectRoutes(party, store)]],
    ['tariffs', 'SENDER', [list('tariffs')]],
    ['sessions', 'SENDER', [list('sessions')]],
    ['cdrs', 'SENDER', [list('cdrs')]],
    ['tokens', 'RECEIVER', tokensRoutes(party, store)],
    ['commands', 'RECEIVER', commandsRoutes(party, store, results)],
    ['chargingprofiles', 'RECEIVER', chargingProfilesRoutes(party, store, results)],
    ...(party.version === '2.3.0' ? [['payments', 'RECEIVER', paymentsReceiverRoutes(party, new PaymentsStore())] as FunctionalModule] : []),
  ];
}

/**
 * The eMSP's functional modules: the four Receivers CPOs push to, its Tokens Sender with real-time authorization and,
 * in 2.2.1 and 2.3.0, its Commands and ChargingProfiles Senders (the response_urls of the commands and profiles it sends).
 */
function emspModules(party: PartyContext, store: EmspStore, pageSize: number, commandResults: CommandResultStore): FunctionalModule[] {
  return [
    ...(party.version === '2.1.1' ? [] : [['commands', 'SENDER', commandResultsRoutes(party, commandResults, store.commandsSent)] as FunctionalModule]),
    ...(party.version === '2.1.1' ? [] : [['chargingprofiles', 'SENDER', commandResultsRoutes(party, commandResults, store.commandsSent, 'chargingprofiles')] as FunctionalModule]),
    ['locations', 'RECEIVER', locationsReceiverRoutes(party, store)],
    ['tariffs', 'RECEIVER', tariffsReceiverRoutes(party, store)],
    ['sessions', 'RECEIVER', sessionsReceiverRoutes(party, store)],
    ['cdrs', 'RECEIVER', cdrsReceiverRoutes(party, store)],
    ['tokens', 'SENDER', [senderListRoute({ module: 'tokens', items: () => inShape(party, 'tokens', store.tokens), pageSize, faults: party.faults, variants: party.variants }), ...authorizeRoutes(party, store)]],
  ];
}

/** The PTP's functional module (OCPI 2.3.0): the Payments Sender, its Terminals and Financial Advice Confirmations. */
function ptpModules(party: PartyContext, data: PaymentsData, pageSize: number): FunctionalModule[] {
  return [['payments', 'SENDER', paymentsSenderRoutes(party, data, pageSize)]];
}

/** A list's objects in the shape of the version the context speaks (2.2.1: the very objects, unmapped). */
function inShape(party: PartyContext, module: ShapedModule, items: readonly { readonly last_updated: string }[], context?: ShapeContext): readonly { readonly last_updated: string }[] {
  return party.version === '2.2.1' ? items : items.map((item) => shapeForVersion(party.version, module, item, context));
}

/** The versions asked for, oldest first and each once; none is refused. */
function offeredVersions(asked: readonly OcpiVersion[]): readonly OcpiVersion[] {
  const versions = OCPI_VERSIONS.filter((version) => asked.includes(version));
  if (versions.length === 0) throw new Error('a reference party offers at least one OCPI version');
  return versions;
}
