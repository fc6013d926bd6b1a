import { Secret } from '../config/secret.js';
import { OcpiServer } from '../server/ocpi-server.js';
import { OcpiClient } from '../transport/ocpi-client.js';
import { Redactor } from '../transport/redactor.js';
import { credentialsHandlers } from './credentials-endpoint.js';
import { findFault, type PartyRole } from './fault-catalogue.js';
import type { PartyContext } from './party-context.js';
import { PartyState } from './party-state.js';
import { registerWith, type RegistrationTarget } from './register-with.js';
import { UnknownFaultError } from './unknown-fault-error.js';
import { versionDetailsHandler, versionsHandler } from './versions-endpoint.js';

/** How to start a reference party. */
export interface ReferencePartyOptions {
  readonly role: PartyRole;
  readonly host?: string;
  readonly port?: number;
  /** Token A to hand out; a random one by default. */
  readonly tokenA?: Secret;
  /** Names from the fault catalogue; an unknown name is refused. */
  readonly faults?: readonly string[];
  readonly timeoutMs?: number;
}

/** A running reference party. */
export interface ReferenceParty {
  readonly role: PartyRole;
  readonly versionsUrl: string;
  readonly tokenA: Secret;
  /** Registers a token as if a registration had already happened (for `--handshake none`). */
  preRegister(token: Secret): void;
  /** Acts as the Sender of the handshake towards a partner (for `--handshake await`). */
  registerWith(target: RegistrationTarget): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts a conformant OCPI 2.2.1 party (CPO or eMSP) on loopback: versions, version details and credentials, with the
 * named faults injected. Used in-process by `run --embedded` and standalone by `mock`.
 */
export async function startReferenceParty(options: ReferencePartyOptions): Promise<ReferenceParty> {
  for (const name of options.faults ?? []) {
    if (!findFault(name)?.roles.includes(options.role)) throw new UnknownFaultError(`unknown fault "${name}" for the ${options.role} party (see --list-faults)`);
  }
  const faults = new Set(options.faults ?? []);
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
    echoRequestIds: () => ({ requestId: !faults.has('no-request-id-echo'), correlationId: !faults.has('no-correlation-id-echo') }),
  });
  const client = new OcpiClient({
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: 10 * 1024 * 1024,
    tokenEncoding: faults.has('register-raw-authorization') ? 'raw' : 'base64',
    redactor,
    nextExchangeId,
    userAgent: `ocpi-conformance-reference-${options.role}`,
  });
  const prefix = `/ocpi/${options.role}`;
  const party: PartyContext = {
    role: options.role,
    version: '2.2.1',
    countryCode: 'NL',
    partyId: options.role === 'cpo' ? 'RCP' : 'REM',
    faults,
    state: new PartyState(tokenA),
    client,
    redactor,
    versionsUrl: () => `${server.baseUrl}${prefix}/versions`,
    detailsUrl: () => `${server.baseUrl}${prefix}/2.2.1`,
  };
  const modules = (): Array<{ identifier: string; role: string; url: string }> => [
    { identifier: 'credentials', role: 'SENDER', url: `${party.detailsUrl()}/credentials` },
  ];
  server.route('GET', `${prefix}/versions`, versionsHandler(party));
  server.route('GET', `${prefix}/2.2.1`, versionDetailsHandler(party, modules));
  for (const [method, handler] of Object.entries(credentialsHandlers(party))) server.route(method, `${prefix}/2.2.1/credentials`, handler);
  await server.listen();
  return {
    role: options.role,
    versionsUrl: party.versionsUrl(),
    tokenA,
    preRegister: (token) => {
      redactor.add(token);
      party.state.registration = { inbound: token, outbound: Secret.generate(), versionsUrl: '', endpoints: [] };
    },
    registerWith: (target) => registerWith(party, target),
    stop: () => server.close(),
  };
}
