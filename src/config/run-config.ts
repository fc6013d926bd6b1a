import type { HandshakeMode } from '../model/handshake-mode.js';
import type { PartyRole } from '../model/party-role.js';
import { DEFAULT_CRAWL_BOUNDS, type CrawlBounds } from '../runner/crawl-bounds.js';
import type { ProfileName } from '../runner/profiles.js';
import type { Secret } from './secret.js';
import type { OcpiVersion } from '../model/ocpi-version.js';

/** The settings of a run, frozen once built; nothing below src/cli reads argv or the environment. */
export interface RunConfig {
  readonly versionsUrl?: string;
  readonly token?: Secret;
  /** Run against the embedded reference party of this role instead of a URL. */
  readonly embedded?: PartyRole;
  readonly embeddedFaults: readonly string[];
  /** Conformant variants of the embedded party (`--embedded-variant`). */
  readonly embeddedVariants: readonly string[];
  readonly handshake: HandshakeMode;
  /** The version to test, `all` the mutual ones; absent: the highest both sides support. */
  readonly ocpiVersion?: OcpiVersion | 'all';
  /** The role of the target. */
  readonly role?: PartyRole;
  readonly peerListen: { readonly host: string; readonly port: number };
  readonly peerUrl?: string;
  /** A shell command that performs trigger actions on the target (`--trigger-command`, docs/triggers.md). */
  readonly triggerCommand?: string;
  /** A URL the trigger actions are POSTed to as JSON (`--trigger-url`, docs/triggers.md). */
  readonly triggerUrl?: string;
  readonly concurrency: number;
  /** Per request, in milliseconds. */
  readonly timeout: number;
  /** Per wait for the target, in milliseconds. */
  readonly deadline: number;
  /** How far each list crawl may go (`--max-pages`, `--max-objects`, `--crawl-time`). */
  readonly crawlBounds: CrawlBounds;
  /** Origins besides the versions URL's that requests and tokens may go to (`--allow-origin`). */
  readonly allowOrigins: readonly string[];
  /** The largest response body the client reads, in bytes (`--max-response-size`, given in MB). */
  readonly maxResponseBytes: number;
  readonly only: readonly string[];
  /** Case ids left out (`--exclude`); never pulled in for what other cases need. */
  readonly exclude: readonly string[];
  readonly grep?: string;
  readonly rawToken: boolean;
  readonly keepRegistration: boolean;
  /** Stop at the first failed case (`--fail-fast`). */
  readonly failFast: boolean;
  /** Run the cases that act on chargers (remote commands, charging profiles); always on against the embedded party. */
  readonly allowCommands: boolean;
  /** Run the cases that reconfigure a PTP's payment terminals (PAY-07..09); always on against the embedded party. */
  readonly allowTerminalChanges: boolean;
  /** Where remote commands act, instead of a site chosen from the crawled Locations. */
  readonly testSite?: { readonly locationId: string; readonly evseUid?: string };
  readonly reportJson?: string;
  /** Where to write the JUnit XML report (`--report-junit`). */
  readonly reportJunit?: string;
  /** Where to write the self-contained HTML report (`--report-html`). */
  readonly reportHtml?: string;
  /** A folder to write every report, a manifest and the transcript into (`--evidence`). */
  readonly evidence?: string;
  /** A file of known failures that are shown but do not fail the run (`--baseline`). */
  readonly baseline?: string;
  /** Where to write this run's failures as a baseline (`--write-baseline`). */
  readonly writeBaseline?: string;
  /** The named selection of cases (`--profile`). */
  readonly profile: ProfileName;
  readonly color: boolean;
  readonly quiet: boolean;
  /** An HTTP trace on stderr, a line per exchange, tokens redacted (`--verbose`). */
  readonly verbose: boolean;
  /** How requests reach the target: extra headers, TLS, proxy, pace (`--header`, `--cacert`, ..., `--rate-limit`). */
  readonly network: NetworkSettings;
  /** A certificate and key the tester's own endpoint serves HTTPS with (`--peer-tls-cert`, `--peer-tls-key`). */
  readonly peerTls?: { readonly cert: string; readonly key: string };
}

/** The network settings of a run, files read: what `Network` is built from. */
export interface NetworkSettings {
  /** Extra request headers, names in lower case (`--header`); their values are redacted from every report. */
  readonly headers: Readonly<Record<string, string>>;
  /** PEM: authorities trusted besides Node's (`--cacert`), and a client certificate and key (`--cert`, `--key`). */
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  /** Server certificates are not checked (`--insecure`). */
  readonly insecure: boolean;
  /** Requests go through the proxy HTTPS_PROXY / HTTP_PROXY name (NO_PROXY honoured); never for the embedded party. */
  readonly proxyFromEnv: boolean;
  /** The most requests the tester starts per second (`--rate-limit`). */
  readonly requestsPerSecond?: number;
}

/** The settings before secrets are wrapped and the listen address parsed: what files, env and flags give. */
export interface RawRunSettings {
  versionsUrl?: string;
  token?: string;
  embedded?: string;
  embeddedFault?: string[];
  embeddedVariant?: string[];
  handshake?: string;
  ocpiVersion?: string;
  role?: string;
  peerListen?: string;
  peerUrl?: string;
  triggerCommand?: string;
  triggerUrl?: string;
  concurrency?: number;
  timeout?: number;
  deadline?: number;
  maxResponseSize?: number;
  maxPages?: number;
  allowOrigin?: string[];
  maxObjects?: number;
  crawlTime?: number;
  only?: string[];
  exclude?: string[];
  grep?: string;
  rawToken?: boolean;
  keepRegistration?: boolean;
  failFast?: boolean;
  allowCommands?: boolean;
  allowTerminalChanges?: boolean;
  testLocation?: string;
  testEvse?: string;
  reportJson?: string;
  reportJunit?: string;
  reportHtml?: string;
  evidence?: string;
  baseline?: string;
  writeBaseline?: string;
  profile?: string;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  header?: string[];
  cacert?: string;
  cert?: string;
  key?: string;
  insecure?: boolean;
  peerTlsCert?: string;
  peerTlsKey?: string;
  rateLimit?: number;
}

/** The defaults, the lowest layer of the precedence. */
export const DEFAULT_SETTINGS: Readonly<RawRunSettings> = Object.freeze({
  handshake: 'register',
  peerListen: '127.0.0.1:0',
  concurrency: 4,
  timeout: 10_000,
  deadline: 60_000,
  maxResponseSize: 20,
  maxPages: DEFAULT_CRAWL_BOUNDS.maxPages,
  maxObjects: DEFAULT_CRAWL_BOUNDS.maxObjects,
  crawlTime: DEFAULT_CRAWL_BOUNDS.timeMs,
  only: [],
  exclude: [],
  embeddedFault: [],
  embeddedVariant: [],
  allowOrigin: [],
  rawToken: false,
  keepRegistration: false,
  allowCommands: false,
  allowTerminalChanges: false,
  profile: 'full',
  color: true,
  quiet: false,
  verbose: false,
  header: [],
  insecure: false,
});
