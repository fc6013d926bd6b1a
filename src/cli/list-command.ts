import { Command, Option } from 'commander';
import { PROFILE_NAMES, PROFILES, profileNamed, type ProfileName } from '../runner/profiles.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';
import type { CliIo } from './cli-io.js';

interface ListOptions {
  readonly ocpiVersion?: OcpiVersion;
  readonly profile?: ProfileName;
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly checks?: boolean;
}

/** `ocpi-conformance list`: the case and check catalogue, as text, JSON, or the Markdown of docs/checks.md. */
export function listCommand(io: CliIo): Command {
  return new Command('list')
    .description('list the conformance cases, the checks each can report, the faults that prove them, and the profiles')
    .addOption(new Option('--ocpi-version <version>', 'only the cases that run in this OCPI version').choices([...OCPI_VERSIONS]))
    .addOption(new Option('--profile <name>', 'only the cases of this profile').choices(PROFILE_NAMES))
    .option('--checks', 'under each case, its checks and the faults that prove them')
    .addOption(new Option('--json', 'machine-readable output: every case with its spec reference, severity, profiles and checks').conflicts('markdown'))
    .option('--markdown', 'the Markdown of docs/checks.md (the whole catalogue; the filters do not apply)')
    .action(async (options: ListOptions) => {
      const [{ ALL_CASES }, { FAULTS }, { checkCatalogue, severityLabel }, { renderChecksDoc }] = await Promise.all([
        import('../../suites/index.js'),
        import('../parties/fault-catalogue.js'),
        import('./check-catalogue.js'),
        import('./checks-doc.js'),
      ]);
      if (options.markdown) {
        io.stdout.write(renderChecksDoc(checkCatalogue(ALL_CASES, FAULTS)));
        return;
      }
      const selected = ALL_CASES.filter((c) => (!options.ocpiVersion || c.versions.includes(options.ocpiVersion)) && (!options.profile || profileNamed(options.profile).includes(c, options.ocpiVersion)));
      const catalogue = checkCatalogue(selected, FAULTS);
      if (options.json) {
        io.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
        return;
      }
      // Columns as wide as their longest value, so ids like LOC-PUSH-01 and modules like chargingprofiles line up.
      const width = (pick: (c: (typeof catalogue)[number]) => string): number => Math.max(0, ...catalogue.map((c) => pick(c).length));
      // With --ocpi-version, each case's severity in that version; without, every version's where they differ.
      const strength = (c: (typeof catalogue)[number]): string => (options.ocpiVersion ? c.severities[options.ocpiVersion] ?? c.severity : severityLabel(c));
      const [id, severity, role, module] = [width((c) => c.id), width(strength), width((c) => c.targetRole), width((c) => c.module)];
      for (const c of catalogue) {
        io.stdout.write(`${c.id.padEnd(id)}  ${strength(c).padEnd(severity)}  ${c.targetRole.padEnd(role)}  ${c.module.padEnd(module)}  ${c.title}\n`);
        if (!options.checks) continue;
        for (const check of c.checks) {
          const proof = check.faults.length > 0 ? `proved by ${check.faults.map((f) => f.name).join(', ')}` : 'proved in other cases';
          io.stdout.write(`${' '.repeat(id + 2)}${check.id}  (${proof})\n`);
        }
      }
      // Per version whatever --ocpi-version chose, so that a user sees where the others stand.
      const inProfile = (version: OcpiVersion) => ALL_CASES.filter((c) => c.versions.includes(version) && (!options.profile || profileNamed(options.profile).includes(c, version)));
      const perVersion = OCPI_VERSIONS.map((version) => `${version}: ${inProfile(version).length}`).join(', ');
      io.stdout.write(`\n${catalogue.length} cases. Cases per OCPI version (--ocpi-version): ${perVersion}. Profiles (--profile):\n`);
      const nameWidth = Math.max(...PROFILES.map((p) => p.name.length));
      for (const p of PROFILES) io.stdout.write(`  ${p.name.padEnd(nameWidth)}  ${String(selected.filter((c) => p.includes(c, options.ocpiVersion)).length).padStart(3)} cases  ${p.description}\n`);
    });
}
