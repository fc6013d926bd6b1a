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
  readonly targetRole?: 'cpo' | 'emsp';
  /** Whether cases that act on chargers (remote commands, charging profiles) may run. */
  readonly allowCommands: boolean;
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
  readonly targetRole: 'cpo' | 'emsp' | 'any';
  /** The interface the case exercises; when the target does not declare it, the case is skipped (never failed). */
  readonly endpoint?: ModuleInterface;
  readonly stage: Stage;
  readonly requires: readonly StateKey[];
  readonly provides: readonly StateKey[];
  /** Cases that must have finished first, whatever their outcome (ordering without a data dependency). */
  readonly after: readonly string[];
  /** The rule as the spec of its first version states it (the first of `specs`). */
  readonly spec: SpecReference;
  /** The rule's reference in each version the case covers, one per version: its section there, and its wording. */
  readonly specs: readonly SpecReference[];
  readonly severity: Severity;
  /** The check ids this case can report, for the catalogue. */
  readonly checks: readonly string[];
  /** A reason to skip the case in this run, or undefined when it applies. */
  readonly skipWhen: (settings: CaseSettings) => string | undefined;
  readonly run: (t: CaseContext) => Promise<void>;
}

/** What a suite file writes; everything optional has a sensible default. */
export type CaseInput = Omit<CaseDefinition, 'stage' | 'requires' | 'provides' | 'after' | 'skipWhen' | 'targetRole' | 'spec' | 'specs'> &
  Partial<Pick<CaseDefinition, 'stage' | 'requires' | 'provides' | 'after' | 'skipWhen' | 'targetRole'>> & {
    /** The rule's reference: one, for a case of one version, or one per version it covers (the section differs). */
    readonly spec: SpecReference | readonly SpecReference[];
  };

const CASE_ID = /^[A-Z]+(-[A-Z]+)*-\d{2,3}$/;

/** Declares a case: validates its id and freezes it. */
export function defineCase(input: CaseInput): CaseDefinition {
  if (!CASE_ID.test(input.id)) throw new Error(`case id "${input.id}" is not of the form AREA-NN`);
  if (input.checks.length === 0) throw new Error(`case ${input.id} declares no checks`);
  if (input.endpoint && !(input.requires ?? []).includes('endpoints')) throw new Error(`case ${input.id} names an endpoint but does not require endpoints`);
  const specs: readonly SpecReference[] = Object.freeze(Array.isArray(input.spec) ? [...(input.spec as readonly SpecReference[])] : [input.spec as SpecReference]);
  const [first] = specs;
  if (!first) throw new Error(`case ${input.id} cites no rule`);
  for (const version of input.versions) {
    if (!specs.some((s) => s.version === version)) throw new Error(`case ${input.id} covers OCPI ${version} but cites no section of it`);
  }
  for (const s of specs) if (!input.versions.includes(s.version)) throw new Error(`case ${input.id} cites OCPI ${s.version}, a version it does not cover`);
  return Object.freeze({
    stage: 'modules',
    requires: [],
    provides: [],
    after: [],
    targetRole: 'any',
    skipWhen: () => undefined,
    ...input,
    spec: first,
    specs,
    // Any request may meet a redirect, so every case can report what the runner checks on every request.
    checks: [...input.checks, ...RUN_CHECKS.filter((check) => !input.checks.includes(check))],
  });
}

/** The rule a case checks as the spec of `version` states it (its first reference when it cites none of that version). */
export function specFor(definition: Pick<CaseDefinition, 'spec' | 'specs'>, version: OcpiVersion): SpecReference {
  return definition.specs.find((s) => s.version === version) ?? definition.spec;
}

/** A rule cited under the same section, in the same words, in each of these versions besides its own. */
export function citedAlike(spec: SpecReference, ...versions: readonly OcpiVersion[]): SpecReference[] {
  return [spec, ...versions.map((version) => ({ ...spec, version }))];
}
