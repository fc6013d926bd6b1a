import type { RunConfig } from './config/run-config.js';
import { Secret } from './config/secret.js';
import { startReferenceParty, type ReferenceParty } from './parties/reference-party.js';
import type { Baseline } from './runner/baseline.js';
import type { CaseDefinition } from './runner/define-case.js';
import type { RunResult } from './model/case-result.js';
import type { RunEventListener } from './model/run-event.js';
import { runConformance } from './runner/run-conformance.js';
import { selectCases } from './runner/select-cases.js';
import { ALL_CASES } from '../suites/index.js';

/** What a caller of `run` may add besides the config. */
export interface RunHooks {
  readonly signal?: AbortSignal;
  readonly listeners?: readonly RunEventListener[];
  /** Known failures, read from `config.baseline` by the caller. */
  readonly baseline?: Baseline;
  /** The cases to plan from instead of the built-in catalogue (cases written with `defineCase`); the config's selection still applies. */
  readonly cases?: readonly CaseDefinition[];
}

/**
 * Runs the conformance cases the config selects against its target, or against an embedded reference party started
 * (and stopped) in-process on a free loopback port.
 */
export async function run(config: RunConfig, hooks: RunHooks = {}): Promise<RunResult> {
  let party: ReferenceParty | undefined;
  let registering: Promise<unknown> | undefined;
  let target = config.versionsUrl && config.token ? { versionsUrl: config.versionsUrl, token: config.token } : undefined;
  if (config.embedded) {
    party = await startReferenceParty({ role: config.embedded, faults: config.embeddedFaults, variants: config.embeddedVariants, timeoutMs: config.timeout });
    if (config.handshake === 'none') {
      const registered = Secret.generate();
      party.preRegister(registered);
      target = { versionsUrl: party.versionsUrl, token: registered };
    } else if (config.handshake === 'register') {
      target = { versionsUrl: party.versionsUrl, token: party.tokenA };
    }
  }
  try {
    return await runConformance({
      cases: selectCases(hooks.cases ?? ALL_CASES, { version: config.ocpiVersion, ...(config.role ? { role: config.role } : {}), only: config.only, profile: config.profile, ...(config.grep !== undefined ? { grep: config.grep } : {}) }),
      ...(target && config.handshake !== 'await' ? { target } : {}),
      handshake: config.handshake,
      version: config.ocpiVersion,
      ...(config.role ? { role: config.role } : {}),
      peer: { ...config.peerListen, ...(config.peerUrl ? { publicUrl: config.peerUrl } : {}) },
      concurrency: config.concurrency,
      timeoutMs: config.timeout,
      deadlineMs: config.deadline,
      maxResponseBytes: config.maxResponseBytes,
      crawlBounds: config.crawlBounds,
      allowOrigins: config.allowOrigins,
      rawToken: config.rawToken,
      keepRegistration: config.keepRegistration,
      allowCommands: config.allowCommands,
      ...(config.testSite ? { testSite: config.testSite } : {}),
      signal: hooks.signal ?? new AbortController().signal,
      listeners: hooks.listeners ?? [],
      ...(hooks.baseline && config.baseline ? { baseline: { file: config.baseline, baseline: hooks.baseline } } : {}),
      onPeerReady: ({ versionsUrl, tokenA }) => {
        if (party && tokenA) registering = party.registerWith({ versionsUrl, tokenA }).catch(() => undefined);
      },
    });
  } finally {
    await registering;
    await party?.stop();
  }
}
