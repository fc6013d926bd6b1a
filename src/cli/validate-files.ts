import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config/config-error.js';
import type { Finding } from '../model/finding.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import { schemaRegistry, type SchemaKind } from '../schemas/schema-registry.js';
import { validateDocument } from '../schemas/validate-document.js';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../transport/json-depth.js';
import type { CliIo, StdinText } from './cli-io.js';

// What `validate` does, loaded only when it runs: `--version`, `--help` and the other commands never load the
// schema registry.

/** The outcome for one file. */
export interface FileVerdict {
  readonly file: string;
  readonly valid: boolean;
  readonly error?: string;
  readonly findings: readonly Finding[];
}

/** Reads one file and validates it as the named object. */
export async function judgeFile(file: string, version: OcpiVersion, name: string, stdin?: () => Promise<StdinText>): Promise<FileVerdict> {
  let text: string;
  if (file === '-') {
    const read = stdin ? await stdin() : { refused: 'there is no standard input to read' };
    if ('refused' in read) throw new ConfigError(read.refused);
    text = read.text;
  } else {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  // The same bound as on the wire (a body nested past it is not walked), so no file can overflow the stack.
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return { file: file === '-' ? 'stdin' : file, valid: false, error: `not an OCPI document: it nests deeper than ${MAX_JSON_DEPTH} levels`, findings: [] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { file: file === '-' ? 'stdin' : file, valid: false, error: `not JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`, findings: [] };
  }
  const findings = validateDocument(schemaRegistry(), version, name, document);
  return { file: file === '-' ? 'stdin' : file, valid: !findings.some((f) => f.status === 'fail'), findings };
}

/** Prints the object, list, enum and type names of the given versions. */
export function listObjects(io: CliIo, versions: readonly OcpiVersion[], json: boolean): void {
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

