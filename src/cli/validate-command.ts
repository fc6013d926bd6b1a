import { Command, Option } from './commander.js';
import { ConfigError } from '../config/config-error.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../model/ocpi-version.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

/** `ocpi-conformance validate`: validates JSON files against the schemas of one version. */
export function validateCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('validate')
    .description('validate JSON files (an object, a list of objects, or a response envelope) as an OCPI object')
    .argument('[files...]', 'the JSON files; - reads one document from standard input; with --report, the ids of its exchanges')
    .addOption(new Option('--ocpi-version <version>', 'the OCPI version whose schemas apply').choices([...OCPI_VERSIONS]))
    .option('--object <name>', 'the spec\'s object name: Location, EVSE, Connector, Session, CDR, Tariff, Token, Credentials, ...')
    .option('--report <report>', 'judge again the bodies the target sent in exchanges of a saved JSON report (ids as it names them, e.g. x12): the response to the tester\'s request, or the target\'s own request; the version is the one each was made in unless --ocpi-version names one')
    .option('--list-objects', 'list the object names per version and exit')
    .option('--json', 'machine-readable output')
    .action(async (files: string[], options: { ocpiVersion?: OcpiVersion; object?: string; report?: string; listObjects?: boolean; json?: boolean }) => {
      const { judgeFile, listObjects } = await import('./validate-files.js');
      const { schemaRegistry } = await import('../schemas/schema-registry.js');
      if (options.listObjects) {
        listObjects(io, options.ocpiVersion ? [options.ocpiVersion] : OCPI_VERSIONS, options.json === true);
        return;
      }
      if (!options.object) throw new ConfigError('validate needs --object NAME (see validate --list-objects)');
      const { object } = options;
      const verdicts: Array<Awaited<ReturnType<typeof judgeFile>> & { version?: OcpiVersion }> = [];
      if (options.report !== undefined) {
        if (files.length === 0) throw new ConfigError('validate --report needs the ids of the exchanges to judge (e.g. x12), as the report names them');
        const [{ readDataFile }, { reportExchanges }, { reportExchangeVerdict }] = await Promise.all([
          import('../config/read-data-file.js'), import('./replayed-request.js'), import('./report-exchange-verdict.js'),
        ]);
        const exchanges = reportExchanges(readDataFile(options.report, 'the report'));
        for (const id of files) {
          const saved = exchanges.get(id) ?? (() => {
            throw new ConfigError(`the report names no exchange ${id} (it has ${exchanges.size}: ${[...exchanges.keys()].slice(0, 5).join(', ')}${exchanges.size > 5 ? ', ...' : ''})`);
          })();
          verdicts.push(reportExchangeVerdict(options.report, saved, object, options.ocpiVersion));
        }
      } else {
        if (!options.ocpiVersion) throw new ConfigError('validate needs --ocpi-version 2.1.1|2.2.1|2.3.0');
        if (files.length === 0) throw new ConfigError('validate needs at least one FILE');
        const registry = schemaRegistry();
        if (!registry.has(options.ocpiVersion, object)) {
          const near = registry.names(options.ocpiVersion).filter((n) => n.toLowerCase() === object.toLowerCase());
          throw new ConfigError(`OCPI ${options.ocpiVersion} has no object "${object}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see validate --list-objects`);
        }
        if (files.filter((file) => file === '-').length > 1) throw new ConfigError('validate reads standard input (-) once');
        for (const file of files) verdicts.push({ ...(await judgeFile(file, options.ocpiVersion, object, io.readStdin?.bind(io))), version: options.ocpiVersion });
      }
      if (options.json) io.stdout.write(`${JSON.stringify(verdicts, null, 2)}\n`);
      else {
        for (const verdict of verdicts) {
          const as = `${object} (OCPI ${verdict.version ?? options.ocpiVersion ?? '?'})`;
          if (verdict.error) io.stdout.write(`${verdict.file}: invalid: ${verdict.error}\n`);
          else if (verdict.valid) io.stdout.write(`${verdict.file}: valid ${as}\n`);
          else io.stdout.write(`${verdict.file}: invalid ${as}\n`);
          for (const finding of verdict.findings.filter((f) => f.status !== 'pass')) io.stdout.write(`  ${finding.status === 'warn' ? 'warning' : 'error'} ${finding.message}\n`);
        }
      }
      setExitCode(verdicts.every((v) => v.valid) ? EXIT.ok : EXIT.failures);
    });
}
