import type { PartyRole } from '../model/party-role.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import type { CaseDefinition } from './define-case.js';
import { profileNamed, type ProfileName } from './profiles.js';

/** What narrows a run's plan before it starts. */
export interface Selection {
  readonly version: OcpiVersion;
  readonly role?: PartyRole;
  /** Case ids; empty means all. */
  readonly only: readonly string[];
  /** Case ids left out. */
  readonly exclude?: readonly string[];
  /** Matched against `<id> <title>`, case-insensitively. */
  readonly grep?: string;
  /** The named selection; all cases when absent. */
  readonly profile?: ProfileName;
}

/** The cases of a run: those for the version and role, narrowed by --profile, --only, --exclude and --grep, in catalogue order. */
export function selectCases(cases: readonly CaseDefinition[], selection: Selection): CaseDefinition[] {
  const pattern = selection.grep === undefined ? undefined : new RegExp(selection.grep, 'i');
  return cases.filter((c) =>
    c.versions.includes(selection.version) &&
    (c.targetRole === 'any' || selection.role === undefined || c.targetRole === selection.role) &&
    (selection.only.length === 0 || selection.only.includes(c.id)) &&
    !(selection.exclude ?? []).includes(c.id) &&
    (pattern === undefined || pattern.test(`${c.id} ${c.title}`)) &&
    (selection.profile === undefined || profileNamed(selection.profile).includes(c, selection.version)),
  );
}
