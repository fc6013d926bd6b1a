import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OcpiVersion } from '../model/ocpi-version.js';
import { SCHEMA_ROOT } from './schema-registry.js';

/** The identity of the schemas a run validated against: which files, and the SHA-256 of their names and contents. */
export interface SchemaPack {
  readonly version: OcpiVersion;
  readonly files: number;
  readonly sha256: string;
}

/**
 * Hashes the schema files of one version, in name order, each as its name, a NUL, its content and a NUL, so two
 * evidence folders with the same hash were judged by the same rules.
 */
export function schemaPackHash(version: OcpiVersion, root: string = SCHEMA_ROOT): SchemaPack {
  const folder = join(root, version);
  const files = readdirSync(folder).filter((file) => file.endsWith('.json')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(folder, file))).update('\0');
  return Object.freeze({ version, files: files.length, sha256: hash.digest('hex') });
}
