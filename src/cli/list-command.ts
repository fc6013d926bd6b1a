import { Command, Option } from 'commander';
import type { CliIo } from './cli-io.js';

/** `ocpi-conformance list`: the case catalogue, as text or JSON. */
export function listCommand(io: CliIo): Command {
  return new Command('list')
    .description('list the conformance cases and the checks each can report')
    .addOption(new Option('--ocpi-version <version>', 'only cases for this version').choices(['2.2.1']))
    .option('--json', 'machine-readable output')
    .action(async (options: { ocpiVersion?: '2.2.1'; json?: boolean }) => {
      const { ALL_CASES } = await import('../../suites/index.js');
      const cases = ALL_CASES.filter((c) => !options.ocpiVersion || c.versions.includes(options.ocpiVersion));
      if (options.json) {
        const entries = cases.map(({ id, title, module, versions, targetRole, severity, spec, checks, stage }) => ({ id, title, module, versions, targetRole, severity, stage, spec, checks }));
        io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      // Columns as wide as their longest value, so ids like LOC-PUSH-01 and modules like chargingprofiles line up.
      const width = (pick: (c: (typeof cases)[number]) => string): number => Math.max(0, ...cases.map((c) => pick(c).length));
      const [id, severity, role, module] = [width((c) => c.id), width((c) => c.severity), width((c) => c.targetRole), width((c) => c.module)];
      for (const c of cases) io.stdout.write(`${c.id.padEnd(id)}  ${c.severity.padEnd(severity)}  ${c.targetRole.padEnd(role)}  ${c.module.padEnd(module)}  ${c.title}\n`);
    });
}
