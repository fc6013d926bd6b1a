import { severityFor, type CaseDefinition } from './define-case.js';
import type { OcpiVersion } from '../model/ocpi-version.js';

import type { ProfileName } from './profile-name.js';

/** The names `--profile` takes. */
export { PROFILE_NAMES, type ProfileName } from './profile-name.js';

/** A named selection of cases, for a purpose a user recognises. */
export interface Profile {
  readonly name: ProfileName;
  readonly description: string;
  /** Whether the profile selects the case in `version`; without one, whether it does in some version the case covers. */
  readonly includes: (definition: CaseDefinition, version?: OcpiVersion) => boolean;
}

/** The profiles, in the order `list` shows them; `full` is the default. */
export const PROFILES: readonly Profile[] = Object.freeze([
  Object.freeze({
    name: 'required',
    description: 'only the cases of MUST/SHALL rules: what a release gate needs, nothing that merely warns',
    includes: (definition: CaseDefinition, version?: OcpiVersion) =>
      (version ? [version] : definition.versions).some((v) => definition.versions.includes(v) && severityFor(definition, v) === 'required'),
  }),
  Object.freeze({
    name: 'full',
    description: 'every case: MUST/SHALL rules fail the run, SHOULD rules and advice warn (the default)',
    includes: () => true,
  }),
]);

/** The profile of that name (the settings schema only lets known names through). */
export function profileNamed(name: ProfileName): Profile {
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) throw new Error(`no profile ${name}`);
  return profile;
}

/** The names of the profiles that include a case, for `list` and the catalogue. */
export function profilesOf(definition: CaseDefinition): ProfileName[] {
  return PROFILES.filter((p) => p.includes(definition)).map((p) => p.name);
}
