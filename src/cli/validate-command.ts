import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { ConfigError } from '../config/config-error.js';
import type { Finding } from '../checks/finding.js';
import { OCPI_VERSIONS, type OcpiVersion } from '../schemas/ocpi-datetime.js';
import { schemaRegistry, type SchemaKind } from '../schemas/schema-registry.js';
import { validateDocument } from '../schemas/validate-document.js';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../transport/json-depth.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

/** The outcome for one file. */
interface FileVerdict {
  readonly file: string;
  readonly valid: boolean;
  readonly error?: string;
  readonly findings: readonly Finding[];
}

async function judge(file: string, version: OcpiVersion, name: string): Promise<FileVerdict> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  // The same bound as on the wire (a body nested past it is not walked), so no file can overflow the stack.
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return { file, valid: false, error: `not an OCPI document: it nests deeper than ${MAX_JSON_DEPTH} levels`, findings: [] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { file, valid: false, error: `not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`, findings: [] };
  }
  const findings = validateDocument(schemaRegistry(), version, name, document);
  return { file, valid: !findings.some((f) => f.status === 'fail'), findings };
}

function listObjects(io: CliIo, versions: readonly OcpiVersion[], json: boolean): void {
  const registry = schemaRegistry();
  const catalogue = Object.fromEntries(versions.map((version) => {
    const byKind: Record<SchemaKind, string[]> = { object: [], list: [], enum: [], type: [] };
    for (const name of registry.names(version)) byKind[registry.kind(version, name)].push(name);
    return [version, byKind];
  }));
  if (json) {
    io.stdout.write(`${JSON.stringify(catalogue, null, 2)}\n`);
    return;
  }
  for (const [version, byKind] of Object.entries(catalogue)) {
    io.stdout.write(`OCPI ${version}\n`);
    for (const [kind, names] of Object.entries(byKind)) if (names.length > 0) io.stdout.write(`  ${`${kind}s:`.padEnd(9)}${names.join(', ')}\n`);
  }
}

/** `ocpi-conformance validate`: validates JSON files against the schemas of one version. */
export function validateCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('validate')
    .description('validate JSON files (an object, a list of objects, or a response envelope) as an OCPI object')
    .argument('[files...]', 'the JSON files')
    .addOption(new Option('--ocpi-version <version>', 'the OCPI version whose schemas apply').choices([...OCPI_VERSIONS]))
    .option('--object <name>', 'the spec\'s object name: Location, EVSE, Connector, Session, CDR, Tariff, Token, Credentials, ...')
    .option('--list-objects', 'list the object names per version and exit')
    .option('--json', 'machine-readable output')
    .action(async (files: string[], options: { ocpiVersion?: OcpiVersion; object?: string; listObjects?: boolean; json?: boolean }) => {
      if (options.listObjects) {
        listObjects(io, options.ocpiVersion ? [options.ocpiVersion] : OCPI_VERSIONS, options.json === true);
        return;
      }
      if (!options.ocpiVersion) throw new ConfigError('validate needs --ocpi-version 2.1.1|2.2.1|2.3.0');
      if (!options.object) throw new ConfigError('validate needs --object NAME (see validate --list-objects)');
      if (files.length === 0) throw new ConfigError('validate needs at least one FILE');
      const registry = schemaRegistry();
      if (!registry.has(options.ocpiVersion, options.object)) {
        const near = registry.names(options.ocpiVersion).filter((n) => n.toLowerCase() === options.object?.toLowerCase());
        throw new ConfigError(`OCPI ${options.ocpiVersion} has no object "${options.object}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see validate --list-objects`);
      }
      const verdicts: FileVerdict[] = [];
      for (const file of files) verdicts.push(await judge(file, options.ocpiVersion, options.object));
      if (options.json) io.stdout.write(`${JSON.stringify(verdicts, null, 2)}\n`);
      else {
        for (const verdict of verdicts) {
          if (verdict.error) io.stdout.write(`${verdict.file}: invalid: ${verdict.error}\n`);
          else if (verdict.valid) io.stdout.write(`${verdict.file}: valid ${options.object} (OCPI ${options.ocpiVersion})\n`);
          else io.stdout.write(`${verdict.file}: invalid ${options.object} (OCPI ${options.ocpiVersion})\n`);
          for (const finding of verdict.findings.filter((f) => f.status !== 'pass')) io.stdout.write(`  ${finding.status === 'warn' ? 'warning' : 'error'} ${finding.message}\n`);
        }
      }
      setExitCode(verdicts.every((v) => v.valid) ? EXIT.ok : EXIT.failures);
    });
}
