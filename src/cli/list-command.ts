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
      for (const c of cases) io.stdout.write(`${c.id.padEnd(8)} ${c.severity.padEnd(11)} ${c.module.padEnd(11)} ${c.title}\n`);
    });
}
