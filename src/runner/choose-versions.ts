import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';

/** What the user asked to test: one version, every mutual one (`all`), or, when absent, the highest mutual one. */
export type VersionRequest = OcpiVersion | 'all' | undefined;

/**
 * The versions a run tests, or why it tests none:
 * - `test`: these versions, highest first (`offered` is what the target's versions list named, when it was read);
 * - `not-offered`: the user asked for a version the target's list does not name (a usage outcome, not a finding);
 * - `not-selected`: the user asked for a version no selected case covers (a usage outcome);
 * - `none-mutual`: the target offers no version the selected cases cover (nothing can be tested, not a failure).
 */
export type VersionChoice =
  | { readonly kind: 'test'; readonly versions: readonly OcpiVersion[]; readonly offered?: readonly string[] }
  | { readonly kind: 'not-offered'; readonly asked: OcpiVersion; readonly offered: readonly string[] }
  | { readonly kind: 'not-selected'; readonly asked: OcpiVersion; readonly testable: readonly OcpiVersion[] }
  | { readonly kind: 'none-mutual'; readonly offered: readonly string[]; readonly testable: readonly OcpiVersion[] };

/** Highest first. */
function descending(versions: Iterable<OcpiVersion>): OcpiVersion[] {
  return [...new Set(versions)].sort((a, b) => OCPI_VERSIONS.indexOf(b) - OCPI_VERSIONS.indexOf(a));
}

/**
 * Chooses what to test from what the user asked, the versions the selected cases cover (`testable`), and the versions
 * the target's versions list names (`offered`; undefined when it could not be read, e.g. the target refused the token).
 * A list that could not be read, or names no version at all (the spec wants at least one), decides nothing: the run
 * goes ahead with the version asked for, or the highest testable one, and VER-01 reports what is wrong with the list.
 * Without a request, the highest version both sides support is tested, as a partner connecting would pick it.
 */
export function chooseVersions(asked: VersionRequest, testable: readonly OcpiVersion[], offered: readonly string[] | undefined): VersionChoice {
  const covered = descending(testable);
  if (asked !== undefined && asked !== 'all' && !covered.includes(asked)) return { kind: 'not-selected', asked, testable: covered };
  if (offered === undefined || offered.length === 0) {
    const versions = asked === undefined || asked === 'all' ? covered.slice(0, 1) : [asked];
    return { kind: 'test', versions, ...(offered ? { offered } : {}) };
  }
  const mutual = covered.filter((version) => offered.includes(version));
  if (asked !== undefined && asked !== 'all') return mutual.includes(asked) ? { kind: 'test', versions: [asked], offered } : { kind: 'not-offered', asked, offered };
  if (mutual.length === 0) return { kind: 'none-mutual', offered, testable: covered };
  return { kind: 'test', versions: asked === 'all' ? mutual : mutual.slice(0, 1), offered };
}

/** The versions named by a versions list's `data` (entries without a string version are left out). */
export function offeredVersions(data: unknown): string[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((entry: unknown) => {
    const version = (entry as { version?: unknown } | null)?.version;
    return typeof version === 'string' ? [version] : [];
  });
}
