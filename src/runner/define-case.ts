import type { PartyRole } from '../model/party-role.js';
import type { HandshakeMode } from '../model/handshake-mode.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { CaseContext } from './case-context.js';
import type { Severity, SpecReference } from '../model/case-result.js';
import type { StateKey } from './run-state.js';
import { RUN_CHECKS } from './run-checks.js';
import type { Stage } from '../model/stage.js';

/** The run settings a case may consult to decide whether it applies. */
export interface CaseSettings {
  readonly handshake: HandshakeMode;
  readonly keepRegistration: boolean;
  /** The role of the target, when known. */
  readonly targetRole?: PartyRole;
  /** Whether cases that act on chargers (remote commands, charging profiles) may run. */
  readonly allowCommands: boolean;
  /** Whether the cases that reconfigure a PTP's terminals may run (--allow-terminal-changes, spec-notes P4). */
  readonly allowTerminalChanges?: boolean;
  /** Where remote commands act, when the user chose it. */
  readonly testSite?: { readonly locationId: string; readonly evseUid?: string };
}

/** An interface of an OCPI module, as version details declare it. */
export interface ModuleInterface {
  readonly module: string;
  readonly role: 'SENDER' | 'RECEIVER';
}

/** A conformance case, written like an OCTT test-case document: what it checks, what it needs, its steps. */
export interface CaseDefinition {
  /** `AREA-NN`, e.g. `VER-01`, `CRED-03`. */
  readonly id: string;
  readonly title: string;
  /** The OCPI module it exercises (`versions`, `credentials`, `locations`, ...). */
  readonly module: string;
  readonly versions: readonly OcpiVersion[];
  /** The target roles it applies to. */
  readonly targetRole: PartyRole | 'any';
  /** The interface the case exercises; when the target does not declare it, the case is skipped (never failed). */
  readonly endpoint?: ModuleInterface;
  readonly stage: Stage;
  readonly requires: readonly StateKey[];
  readonly provides: readonly StateKey[];
  /** Cases that must have finished first, whatever their outcome (ordering without a data dependency). */
  readonly after: readonly string[];
  /**
   * How many requests the case sends one after another, each awaiting the last, as it is written to (1 unless more;
   * a target's data may make it fewer): a scheduling hint, never a check. The runner weighs the chains of a stage with
   * it to choose which ready case takes a free slot first.
   */
  readonly roundTrips: number;
  /** The rule as the spec of its first version states it (the first of `specs`). */
  readonly spec: SpecReference;
  /** The rule's reference in each version the case covers, one per version: its section there, and its wording. */
  readonly specs: readonly SpecReference[];
  /** How strongly the rule binds in the version of its first reference (`spec`). */
  readonly severity: Severity;
  /** How strongly the rule binds in each version the case covers (see `severityFor`). */
  readonly severities: SeverityByVersion;
  /** The check ids this case can report, for the catalogue. */
  readonly checks: readonly string[];
  /** A reason to skip the case in this run, or undefined when it applies. */
  readonly skipWhen: (settings: CaseSettings) => string | undefined;
  readonly run: (t: CaseContext) => Promise<void>;
}

/** A rule's strength in each version that states it (2.1.1 words some rules more weakly than 2.2.1: spec-notes X1). */
export type SeverityByVersion = { readonly [V in OcpiVersion]?: Severity };

/** What a suite file writes; everything optional has a sensible default. */
export type CaseInput = Omit<CaseDefinition, 'stage' | 'requires' | 'provides' | 'after' | 'roundTrips' | 'skipWhen' | 'targetRole' | 'spec' | 'specs' | 'severity' | 'severities'> &
  Partial<Pick<CaseDefinition, 'stage' | 'requires' | 'provides' | 'after' | 'roundTrips' | 'skipWhen' | 'targetRole'>> & {
    /** The rule's reference: one, for a case of one version, or one per version it covers (the section differs). */
    readonly spec: SpecReference | readonly SpecReference[];
    /** One strength for every version, or one per version it covers when a version words the rule differently. */
    readonly severity: Severity | SeverityByVersion;
  };

const CASE_ID = /^[A-Z]+(-[A-Z]+)*-\d{2,3}$/;

/** Declares a case: validates its id and freezes it. */
export function defineCase(input: CaseInput): CaseDefinition {
  if (!CASE_ID.test(input.id)) throw new Error(`case id "${input.id}" is not of the form AREA-NN`);
  if (input.checks.length === 0) throw new Error(`case ${input.id} declares no checks`);
  if (input.endpoint && !(input.requires ?? []).includes('endpoints')) throw new Error(`case ${input.id} names an endpoint but does not require endpoints`);
  if (input.roundTrips !== undefined && !(Number.isInteger(input.roundTrips) && input.roundTrips >= 1)) throw new Error(`case ${input.id} declares ${input.roundTrips} round trips: a whole number from 1`);
  const specs: readonly SpecReference[] = Object.freeze(Array.isArray(input.spec) ? [...(input.spec as readonly SpecReference[])] : [input.spec as SpecReference]);
  const [first] = specs;
  if (!first) throw new Error(`case ${input.id} cites no rule`);
  for (const version of input.versions) {
    if (!specs.some((s) => s.version === version)) throw new Error(`case ${input.id} covers OCPI ${version} but cites no section of it`);
  }
  for (const s of specs) if (!input.versions.includes(s.version)) throw new Error(`case ${input.id} cites OCPI ${s.version}, a version it does not cover`);
  const severities = severitiesOf(input);
  return Object.freeze({
    stage: 'modules',
    requires: [],
    provides: [],
    after: [],
    roundTrips: 1,
    targetRole: 'any',
    skipWhen: () => undefined,
    ...input,
    spec: first,
    specs,
    severity: severities[first.version] as Severity,
    severities,
    // Any request may meet a redirect, so every case can report what the runner checks on every request.
    checks: [...input.checks, ...RUN_CHECKS.filter((check) => !input.checks.includes(check))],
  });
}

/** The rule a case checks as the spec of `version` states it (its first reference when it cites none of that version). */
export function specFor(definition: Pick<CaseDefinition, 'spec' | 'specs'>, version: OcpiVersion): SpecReference {
  return definition.specs.find((s) => s.version === version) ?? definition.spec;
}

/** How strongly the rule a case checks binds in `version` (its first reference's strength for a version it does not cover). */
export function severityFor(definition: Pick<CaseDefinition, 'severity' | 'severities'>, version: OcpiVersion): Severity {
  return definition.severities[version] ?? definition.severity;
}

/** One strength per covered version, from the one given for all or the map given per version (which must name each). */
function severitiesOf(input: CaseInput): SeverityByVersion {
  const given = input.severity;
  const perVersion: { [V in OcpiVersion]?: Severity } = {};
  for (const version of input.versions) {
    const severity = typeof given === 'string' ? given : given[version];
    if (!severity) throw new Error(`case ${input.id} covers OCPI ${version} but gives no severity for it`);
    perVersion[version] = severity;
  }
  if (typeof given !== 'string') {
    for (const version of Object.keys(given)) if (!input.versions.includes(version as OcpiVersion)) throw new Error(`case ${input.id} gives a severity for OCPI ${version}, a version it does not cover`);
  }
  return Object.freeze(perVersion);
}

/** A rule cited under the same section, in the same words, in each of these versions besides its own. */
export function citedAlike(spec: SpecReference, ...versions: readonly OcpiVersion[]): SpecReference[] {
  return [spec, ...versions.map((version) => ({ ...spec, version }))];
}
