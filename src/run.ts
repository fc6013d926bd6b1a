import { PassThrough } from 'node:stream';
import type { Trigger } from './model/trigger-request.js';
import type { PromptTerminal } from './trigger/prompt-trigger.js';
import { triggerFromSettings } from './trigger/trigger-from-settings.js';
import { Redactor } from './transport/redactor.js';
import type { RunConfig } from './config/run-config.js';
import { Secret } from './config/secret.js';
import type { ReferenceParty } from './parties/reference-party.js';
import type { Baseline } from './runner/baseline.js';
import type { CaseDefinition, CaseSettings } from './runner/define-case.js';
import type { RunResult } from './model/case-result.js';
import type { RunEventListener } from './model/run-event.js';
import { runConformance, type VersionPlan } from './runner/run-conformance.js';
import { selectCases } from './runner/select-cases.js';
import { withRequirements, type CompletedSelection } from './runner/with-requirements.js';
import { chooseVersions, type VersionChoice } from './runner/choose-versions.js';
import { readVersionsList, versionsProblem } from './runner/discover-versions.js';
import { ConfigError } from './config/config-error.js';
import { OCPI_VERSIONS, type OcpiVersion } from './model/ocpi-version.js';
import { partyRoleNoun, type PartyRole } from './model/party-role.js';
import { ALL_CASES } from '../suites/index.js';
import { Network } from './transport/network.js';
import { networkNotices } from './runner/network-notices.js';

/** What a caller of `run` may add besides the config. */
export interface RunHooks {
  readonly signal?: AbortSignal;
  readonly listeners?: readonly RunEventListener[];
  /** Known failures, read from `config.baseline` by the caller. */
  readonly baseline?: Baseline;
  /** The cases to plan from instead of the built-in catalogue (cases written with `defineCase`); the config's selection still applies. */
  readonly cases?: readonly CaseDefinition[];
  /** Where a trigger prompt asks a person (the CLI's stdin and stderr); without it, and without a trigger command or URL, cases that need a trigger skip. */
  readonly terminal?: PromptTerminal;
}

/**
 * Runs the conformance cases the config selects against its target, or against an embedded reference party started
 * (and stopped) in-process on a free loopback port.
 */
export async function run(config: RunConfig, hooks: RunHooks = {}): Promise<RunResult> {
  let party: ReferenceParty | undefined;
  let registering: Promise<unknown> | undefined;
  let target = config.versionsUrl && config.token ? { versionsUrl: config.versionsUrl, token: config.token } : undefined;
  const network = new Network(config.network);
  const settings: CaseSettings = {
    handshake: config.handshake,
    keepRegistration: config.keepRegistration,
    allowCommands: config.allowCommands,
    allowTerminalChanges: config.allowTerminalChanges,
    ...(config.testSite ? { testSite: config.testSite } : {}),
    ...(config.role ? { targetRole: config.role } : {}),
  };
  // A fault that cannot show in this run would make it pass for the wrong reason: refused before anything starts.
  // The reference party and its fault catalogue load only for an embedded run: a run against a real target would spend
  // about 60 ms and 1.5 MB of heap loading them at its start.
  if (config.embeddedFaults.length > 0) {
    const { embeddedFaultProblem } = await import('./embedded-fault-problem.js');
    for (const name of config.embeddedFaults) {
      const problem = embeddedFaultProblem(name, config, settings, hooks.cases ?? ALL_CASES);
      if (problem) throw new ConfigError(problem);
    }
  }
  if (config.embedded) {
    // The embedded party offers the version asked for, all it speaks for `all`, and 2.2.1 by default (the version its
    // faults and conformant variants are written for); registering with the tester (--handshake await) it offers all
    // it speaks unless one is asked for, and picks the highest it shares with the tester, as a partner would.
    // A PTP exists only in 2.3.0 (the Payments module): its embedded party offers that version alone.
    const versions = config.embedded === 'ptp' ? (['2.3.0'] as const) : config.ocpiVersion === 'all' || (config.handshake === 'await' && config.ocpiVersion === undefined) ? OCPI_VERSIONS : [config.ocpiVersion ?? '2.2.1'];
    const { startReferenceParty } = await import('./parties/reference-party.js');
    party = await startReferenceParty({ role: config.embedded, faults: config.embeddedFaults, variants: config.embeddedVariants, timeoutMs: config.timeout, versions });
    if (config.handshake === 'none') {
      const registered = Secret.generate();
      party.preRegister(registered);
      target = { versionsUrl: party.versionsUrl, token: registered };
    } else if (config.handshake === 'register') {
      target = { versionsUrl: party.versionsUrl, token: party.tokenA };
    }
  }
  try {
    const signal = hooks.signal ?? new AbortController().signal;
    for (const message of networkNotices(network, target?.versionsUrl)) for (const listener of hooks.listeners ?? []) listener({ type: 'notice', message });
    const catalogue = hooks.cases ?? ALL_CASES;
    const role = config.role ? { role: config.role } : {};
    const selected = (version: OcpiVersion): ReturnType<typeof selectCases> =>
      selectCases(catalogue, { version, ...role, only: config.only, exclude: config.exclude, profile: config.profile, ...(config.grep !== undefined ? { grep: config.grep } : {}) });
    // What the selected cases need (a registration, a crawl, a started session) runs too, and the run says so.
    const completed = (version: OcpiVersion): CompletedSelection =>
      withRequirements(selected(version), selectCases(catalogue, { version, ...role, only: [] }), settings, new Set(config.exclude));
    const testable = OCPI_VERSIONS.filter((version) => selected(version).length > 0);
    // A selection that names no case at all is the user's slip, said before anything is sent (not "nothing tested").
    if (testable.length === 0 && catalogue.length > 0) throw new ConfigError(emptySelection(config, catalogue));
    // A version no selected case covers is a usage error whatever the target offers: said before anything is sent.
    const unasked = chooseVersions(config.ocpiVersion, testable, undefined);
    if (unasked.kind === 'not-selected') throw new ConfigError(choiceProblem(unasked));
    // A given token (--handshake none) was registered in one version: testing several would judge it where it is not valid.
    if (config.handshake === 'none' && config.ocpiVersion === 'all') {
      throw new ConfigError('--ocpi-version all needs a registration in each version (--handshake register); with --handshake none the token was registered in one version: name it with --ocpi-version');
    }
    // The target's versions list, read first, decides what is tested (not with --handshake await: the target picks).
    const read = target && config.handshake !== 'await'
      ? await readVersionsList({ ...target, network, rawToken: config.rawToken, timeoutMs: config.timeout, maxResponseBytes: config.maxResponseBytes, allowOrigins: config.allowOrigins, signal })
      : undefined;
    const offered = read?.kind === 'listed' ? read.versions : undefined;
    // What stops the run from the start is said first, in the user's words; VER-01 then reports it as evidence. (A
    // target that gave no answer ends the run with exit 3 and that one line already.)
    const problem = read && read.kind !== 'unreachable' ? versionsProblem(read) : undefined;
    if (problem) for (const listener of hooks.listeners ?? []) listener({ type: 'notice', message: `The target's versions list could not be read: ${problem} (\`ocpi-conformance doctor\` checks this before a run)` });
    // With --handshake await the tester offers every version it can test (only the one asked for with --ocpi-version)
    // and tests the one the target registers in; 2.1.1 only with --role, which its credentials do not say (X2).
    const offerable = testable.filter((version) => version !== '2.1.1' || config.role !== undefined);
    const awaitAny = config.handshake === 'await' && (config.ocpiVersion === 'all' || config.ocpiVersion === undefined);
    if (awaitAny && offerable.length === 0 && testable.length > 0) {
      throw new ConfigError('the selected cases cover only OCPI 2.1.1, which the tester offers a registering target only with --role cpo or --role emsp');
    }
    const choice: VersionChoice = awaitAny ? { kind: 'test', versions: [...offerable].reverse() } : chooseVersions(config.ocpiVersion, testable, offered);
    if (choice.kind === 'not-offered' || choice.kind === 'not-selected') throw new ConfigError(choiceProblem(choice));
    // 2.1.1 credentials and version details do not say which role the target has; the run must be told (X2).
    if (choice.kind === 'test' && choice.versions.includes('2.1.1') && !config.role) {
      throw new ConfigError('testing OCPI 2.1.1 needs --role cpo or --role emsp: in 2.1.1 the target\'s credentials and version details do not say which role it has');
    }
    const plan: VersionPlan[] = choice.kind === 'test' ? choice.versions.map((version) => {
      const { cases, pulledIn } = completed(version);
      return { version, cases, pulledIn: pulledIn.map((c) => c.id) };
    }) : [];
    const listeners = hooks.listeners ?? [];
    for (const message of new Set(plan.filter((part) => (part.pulledIn ?? []).length > 0).map((part) => pulledInNotice(part)))) {
      for (const listener of listeners) listener({ type: 'notice', message });
    }
    // Without --ocpi-version, a given token is assumed to be registered in the version tested: say so when there was a choice.
    if (config.handshake === 'none' && config.ocpiVersion === undefined && choice.kind === 'test' && offered && testable.filter((v) => offered.includes(v)).length > 1) {
      const message = `--handshake none: the token is taken to be registered in OCPI ${choice.versions[0] ?? ''}, the highest version both support; if it was registered in another, name that one with --ocpi-version`;
      for (const listener of listeners) listener({ type: 'notice', message });
    }
    // The tester's endpoint offers every version it can test, so that a partner may register in (or switch to) any of
    // them; with --handshake await and --ocpi-version, the one asked for alone.
    const peerVersions = config.handshake === 'await' ? plan.map((part) => part.version) : offerable;
    // The embedded party acts in-process; otherwise the command, the URL, or a person at the terminal.
    const embeddedParty = party;
    const trigger: Trigger | undefined = embeddedParty ? { kind: 'embedded', fire: (request) => embeddedParty.trigger(request) }
      : config.triggerCommand !== undefined || config.triggerUrl !== undefined || hooks.terminal
        ? triggerFromSettings({
          ...(config.triggerCommand !== undefined ? { triggerCommand: config.triggerCommand } : {}),
          ...(config.triggerUrl !== undefined ? { triggerUrl: config.triggerUrl } : {}),
          deadlineMs: config.deadline,
          redact: (text) => redactTokens(text, config.token),
          terminal: hooks.terminal ?? { input: Object.assign(new PassThrough(), { isTTY: false }), output: new PassThrough() },
          connectionFor: (url) => network.connectionFor(url),
        })
        : undefined;
    return await runConformance({
      plan,
      peerVersions,
      ...(offered ? { offeredVersions: offered } : {}),
      ...(choice.kind === 'none-mutual' ? { untested: choiceProblem(choice) } : {}),
      ...(target && config.handshake !== 'await' ? { target } : {}),
      handshake: config.handshake,
      ...(config.role ? { role: config.role } : {}),
      peer: { ...config.peerListen, ...(config.peerUrl ? { publicUrl: config.peerUrl } : {}), ...(config.peerTls ? { tls: config.peerTls } : {}) },
      network,
      concurrency: config.concurrency,
      timeoutMs: config.timeout,
      deadlineMs: config.deadline,
      maxResponseBytes: config.maxResponseBytes,
      crawlBounds: config.crawlBounds,
      allowOrigins: config.allowOrigins,
      rawToken: config.rawToken,
      keepRegistration: config.keepRegistration,
      allowCommands: config.allowCommands,
      allowTerminalChanges: config.allowTerminalChanges,
      ...(config.testSite ? { testSite: config.testSite } : {}),
      ...(trigger ? { trigger } : {}),
      signal,
      listeners,
      ...(hooks.baseline && config.baseline ? { baseline: { file: config.baseline, baseline: hooks.baseline } } : {}),
      onPeerReady: ({ versionsUrl, tokenA }) => {
        if (party && tokenA) registering = party.registerWith({ versionsUrl, tokenA }).catch(() => undefined);
      },
    });
  } finally {
    network.close();
    await registering;
    await party?.stop();
  }
}

const list = (versions: readonly string[]): string => (versions.length === 0 ? 'none' : versions.join(', '));

/** What the run adds to a selection, and why, in one line. */
function pulledInNotice(part: VersionPlan): string {
  const pulled = new Set(part.pulledIn ?? []);
  const asked = part.cases.filter((c) => !pulled.has(c.id)).map((c) => c.id);
  return `Also running ${[...pulled].join(', ')}: ${asked.length === 1 ? `${asked[0] ?? ''} needs` : 'the selected cases need'} what they establish (--exclude leaves a case out)`;
}

/** Why a selection leaves no case to run, naming the flags that narrowed it. */
function emptySelection(config: RunConfig, catalogue: readonly CaseDefinition[]): string {
  const otherRole = config.only.map((id) => catalogue.find((c) => c.id === id)).filter((c): c is CaseDefinition => c !== undefined && c.targetRole !== 'any' && c.targetRole !== config.role);
  if (config.role && otherRole.length > 0 && otherRole.length === config.only.length) {
    const whose = (c: CaseDefinition): string => partyRoleNoun(c.targetRole as PartyRole);
    return `--only ${config.only.join(',')}: ${otherRole.map((c) => `${c.id} tests ${whose(c)}`).join(', ')}, and the target is ${partyRoleNoun(config.role)} (${config.embedded === config.role ? `the embedded ${partyRoleNoun(config.role).replace(/^an? /, '')}` : `--role ${config.role}`})`;
  }
  const narrowing = [
    ...(config.only.length > 0 ? [`--only ${config.only.join(',')}`] : []),
    ...(config.grep !== undefined ? [`--grep "${config.grep}"`] : []),
    ...(config.exclude.length > 0 ? [`--exclude ${config.exclude.join(',')}`] : []),
    ...(config.profile !== 'full' ? [`--profile ${config.profile}`] : []),
  ];
  return `${narrowing.length > 0 ? narrowing.join(' ') : 'the selection'} leaves no case to run${config.role ? ` for ${partyRoleNoun(config.role)} target` : ''} (see \`ocpi-conformance list\`)`;
}

/** Why a choice of versions tests nothing, in one line for the person who ran the tool. */
function choiceProblem(choice: Exclude<VersionChoice, { kind: 'test' }>): string {
  switch (choice.kind) {
    case 'not-offered':
      return `the target does not offer OCPI ${choice.asked} (its versions list names ${list(choice.offered)}): choose one of those with --ocpi-version, or leave it out to test the highest both support`;
    case 'not-selected':
      return `no selected case covers OCPI ${choice.asked} (the selected cases cover ${list(choice.testable)})`;
    case 'none-mutual':
      return `the target offers OCPI ${list(choice.offered)} and the selected cases cover ${list(choice.testable)}: no version both support, so nothing was tested`;
  }
}

/** Removes the run's token, in every encoding, from what a trigger printed. */
function redactTokens(text: string, token: Secret | undefined): string {
  if (!token) return text;
  const redactor = new Redactor();
  redactor.add(token);
  return redactor.text(text);
}
