import { ConfigError } from './config-error.js';
import { readDataFile } from './read-data-file.js';
import { DEFAULT_SETTINGS, type RawRunSettings, type RunConfig } from './run-config.js';
import { RUN_SETTINGS, RUN_SETTINGS_SCHEMA } from './run-settings-schema.js';
import { Secret } from './secret.js';
import { readNetworkSettings } from './network-settings.js';
import { settingProblem, type SettingLayer } from './setting-problem.js';
import { envName, FLAG_ONLY_KEYS } from './setting-variable.js';
import { toolValidator } from '../schemas/tool-validator.js';

const validateSettings = toolValidator<RawRunSettings>(RUN_SETTINGS);


/**
 * The shortest token the user may give. Every encoding of a token is redacted wherever it appears, so a token of a
 * few characters would blank out unrelated text in every report (and is guessable besides).
 */
export const MIN_TOKEN_LENGTH = 8;
const LIST_KEYS = new Set(['only', 'exclude', 'embeddedFault', 'embeddedVariant', 'allowOrigin']);
// Header values may hold commas: OCPI_CONFORMANCE_HEADER gives one header per line.
const LINE_LIST_KEYS = new Set(['header']);
const NUMBER_KEYS = new Set(['concurrency', 'timeout', 'deadline', 'maxResponseSize', 'maxPages', 'maxObjects', 'crawlTime', 'rateLimit']);
const BOOLEAN_KEYS = new Set(['rawToken', 'keepRegistration', 'failFast', 'color', 'quiet', 'verbose']);

/** The layers a run's settings come from. */
export interface ConfigSources {
  /** Parsed command-line flags, already in settings form. */
  readonly flags: RawRunSettings;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--config FILE` (or OCPI_CONFORMANCE_CONFIG): JSON or YAML. */
  readonly configFile?: string;
}

function check(layer: SettingLayer, settings: unknown, where: string = layer): RawRunSettings {
  if (validateSettings(settings)) return settings;
  const first = validateSettings.errors?.[0];
  // The value at fault, as given (never the token's: it would be printed).
  const key = first?.instancePath.split('/')[1] ?? '';
  const value = key === 'token' || !first ? undefined : valueAt(settings, first.instancePath);
  throw new ConfigError(`${where}: ${settingProblem(layer, first, value)}`);
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split('/').slice(1)) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}


const FLAG_ONLY_WHY: Readonly<Record<string, string>> = {
  allowCommands: 'the cases that act on real chargers run only with --allow-commands on the command line',
  allowTerminalChanges: 'the cases that reconfigure real payment terminals run only with --allow-terminal-changes on the command line',
  insecure: 'certificate checks are turned off only with --insecure on the command line',
};


/** Reads `OCPI_CONFORMANCE_<SETTING>` variables (SNAKE_CASE of each setting name). */
export function settingsFromEnv(env: Readonly<Record<string, string | undefined>>): RawRunSettings {
  const settings: Record<string, unknown> = {};
  for (const key of FLAG_ONLY_KEYS) {
    if (env[envName(key)] !== undefined) throw new ConfigError(`environment: ${envName(key)} is refused, whatever its value: ${FLAG_ONLY_WHY[key] ?? 'give it on the command line'}`);
  }
  for (const key of Object.keys(RUN_SETTINGS_SCHEMA.properties)) {
    if (FLAG_ONLY_KEYS.has(key)) continue;
    const raw = env[envName(key)];
    if (raw === undefined || raw === '') continue;
    if (LINE_LIST_KEYS.has(key)) settings[key] = raw.split(/\r?\n/).map((item) => item.trim()).filter(Boolean);
    else if (LIST_KEYS.has(key)) settings[key] = raw.split(',').map((item) => item.trim()).filter(Boolean);
    else if (NUMBER_KEYS.has(key)) settings[key] = Number(raw);
    else if (BOOLEAN_KEYS.has(key)) settings[key] = ['1', 'true', 'yes'].includes(raw.toLowerCase());
    else settings[key] = raw;
  }
  return check('environment', settings);
}

function settingsFromFile(path: string): RawRunSettings {
  return check('config file', readDataFile(path, 'config file', { yaml: true }) ?? {}, `config file ${path}`);
}

function parseListen(value: string): { host: string; port: number } {
  const index = value.lastIndexOf(':');
  const host = value.slice(0, index).replace(/^\[|\]$/g, '');
  const port = Number(value.slice(index + 1));
  if (port > 65535) throw new ConfigError(`--peer-listen: port ${port} is out of range`);
  return { host, port };
}

/**
 * Builds the frozen RunConfig. Precedence, lowest first: defaults < config file < environment < flags. Each layer is
 * validated on its own (so the message names where a bad value came from), then the combination is checked.
 */
export function loadRunConfig(sources: ConfigSources): RunConfig {
  const env = settingsFromEnv(sources.env);
  const flags = check('command line', sources.flags);
  const file = sources.configFile ? settingsFromFile(sources.configFile) : {};
  const merged: RawRunSettings = { ...DEFAULT_SETTINGS, ...file, ...env, ...flags };
  const handshake = merged.handshake as RunConfig['handshake'];
  if (merged.embedded !== undefined && merged.versionsUrl !== undefined) throw new ConfigError('give either --embedded or --versions-url, not both');
  if (merged.embedded === undefined && handshake !== 'await') {
    if (merged.versionsUrl === undefined) throw new ConfigError('missing --versions-url (the target\'s OCPI versions endpoint), or use --embedded cpo|emsp');
    if (merged.token === undefined) throw new ConfigError('missing --token (Token A for --handshake register, a registered token for --handshake none)');
  }
  if (merged.token !== undefined && merged.token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(`--token: a token of ${merged.token.length} character${merged.token.length === 1 ? '' : 's'} is too short to redact safely from every report and log; use one of at least ${MIN_TOKEN_LENGTH}`);
  }
  if ((merged.embeddedFault?.length ?? 0) > 0 && merged.embedded === undefined) throw new ConfigError('--embedded-fault needs --embedded');
  if ((merged.embeddedVariant?.length ?? 0) > 0 && merged.embedded === undefined) throw new ConfigError('--embedded-variant needs --embedded');
  const ptpFlag = merged.embedded === 'ptp' ? '--embedded ptp' : merged.role === 'ptp' ? '--role ptp' : undefined;
  if (ptpFlag && merged.ocpiVersion !== undefined && merged.ocpiVersion !== '2.3.0') {
    throw new ConfigError(`${ptpFlag}: a Payment Terminal Provider exists only in OCPI 2.3.0 (its Payments module), so --ocpi-version ${merged.ocpiVersion} cannot test one; leave --ocpi-version out or give 2.3.0`);
  }
  if (merged.triggerCommand !== undefined && merged.triggerUrl !== undefined) throw new ConfigError('give either --trigger-command or --trigger-url, not both');
  if (merged.testEvse !== undefined && merged.testLocation === undefined) throw new ConfigError('--test-evse needs --test-location');
  if (merged.grep !== undefined) {
    try {
      new RegExp(merged.grep);
    } catch {
      throw new ConfigError(`--grep: not a valid regular expression: ${merged.grep}`);
    }
  }
  const { network, peerTls } = readNetworkSettings(merged);
  return Object.freeze({
    network,
    ...(peerTls ? { peerTls } : {}),
    ...(merged.versionsUrl ? { versionsUrl: merged.versionsUrl } : {}),
    ...(merged.token ? { token: new Secret(merged.token) } : {}),
    ...(merged.embedded ? { embedded: merged.embedded as RunConfig['embedded'] } : {}),
    embeddedFaults: Object.freeze([...(merged.embeddedFault ?? [])]),
    embeddedVariants: Object.freeze([...(merged.embeddedVariant ?? [])]),
    handshake,
    ...(merged.ocpiVersion ? { ocpiVersion: merged.ocpiVersion as RunConfig['ocpiVersion'] } : {}),
    ...(merged.role ? { role: merged.role as RunConfig['role'] } : merged.embedded ? { role: merged.embedded as RunConfig['role'] } : {}),
    peerListen: Object.freeze(parseListen(merged.peerListen as string)),
    ...(merged.peerUrl ? { peerUrl: merged.peerUrl } : {}),
    ...(merged.triggerCommand ? { triggerCommand: merged.triggerCommand } : {}),
    ...(merged.triggerUrl ? { triggerUrl: merged.triggerUrl } : {}),
    concurrency: merged.concurrency as number,
    timeout: merged.timeout as number,
    deadline: merged.deadline as number,
    maxResponseBytes: (merged.maxResponseSize as number) * 1024 * 1024,
    allowOrigins: Object.freeze([...(merged.allowOrigin ?? [])].map((url) => new URL(url).origin)),
    crawlBounds: Object.freeze({ maxPages: merged.maxPages as number, maxObjects: merged.maxObjects as number, timeMs: merged.crawlTime as number }),
    only: Object.freeze([...(merged.only ?? [])]),
    exclude: Object.freeze([...(merged.exclude ?? [])]),
    ...(merged.grep !== undefined ? { grep: merged.grep } : {}),
    rawToken: merged.rawToken === true,
    keepRegistration: merged.keepRegistration === true,
    failFast: merged.failFast === true,
    // The embedded party has no chargers to harm, so its runs always include the command cases.
    allowCommands: merged.allowCommands === true || merged.embedded !== undefined,
    // Nor payment terminals to reconfigure.
    allowTerminalChanges: merged.allowTerminalChanges === true || merged.embedded !== undefined,
    ...(merged.testLocation ? { testSite: Object.freeze({ locationId: merged.testLocation, ...(merged.testEvse ? { evseUid: merged.testEvse } : {}) }) } : {}),
    ...(merged.reportJson ? { reportJson: merged.reportJson } : {}),
    ...(merged.reportJunit ? { reportJunit: merged.reportJunit } : {}),
    ...(merged.reportHtml ? { reportHtml: merged.reportHtml } : {}),
    ...(merged.evidence ? { evidence: merged.evidence } : {}),
    ...(merged.baseline ? { baseline: merged.baseline } : {}),
    ...(merged.writeBaseline ? { writeBaseline: merged.writeBaseline } : {}),
    profile: merged.profile as RunConfig['profile'],
    color: merged.color !== false,
    quiet: merged.quiet === true,
    verbose: merged.verbose === true,
  });
}
