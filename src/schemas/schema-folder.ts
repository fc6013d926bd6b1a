import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnySchemaObject } from 'ajv/dist/2020.js';
import type { OcpiVersion } from '../model/ocpi-version.js';

/** The base of every schema `$id`: `<base>/<version>/<Name>.json`. The `.invalid` TLD marks it as a name, not a place. */
export const SCHEMA_ID_BASE = 'https://ocpi-conformance.invalid/schemas';

/** The `$id` of one version's schema of one name. */
export function schemaId(version: OcpiVersion, name: string): string {
  return `${SCHEMA_ID_BASE}/${version}/${name}.json`;
}

/** One version's schema files, read. */
export interface SchemaFolder {
  /** The names (file names without `.json`), sorted. */
  readonly names: readonly string[];
  /** Each name's schema document. */
  readonly documents: ReadonlyMap<string, AnySchemaObject>;
  /** SHA-256 of the files' names and contents, in order: what a precompiled bundle was built from. */
  readonly hash: string;
}

/** Reads `<root>/<version>/*.json`; a missing folder is a version without schemas. Each `$id` must be its own. */
export function readSchemaFolder(root: string, version: OcpiVersion): SchemaFolder {
  const folder = join(root, version);
  let files: string[];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith('.json')).sort();
  } catch {
    files = [];
  }
  const hash = createHash('sha256');
  const documents = new Map<string, AnySchemaObject>();
  for (const file of files) {
    const text = readFileSync(join(folder, file), 'utf8');
    hash.update(`${file}\0${text}\0`);
    const name = file.slice(0, -'.json'.length);
    const schema = JSON.parse(text) as AnySchemaObject;
    const expected = schemaId(version, name);
    if (schema.$id !== expected) throw new Error(`${version}/${file}: $id must be ${expected}, found ${String(schema.$id)}`);
    documents.set(name, schema);
  }
  return { names: [...documents.keys()], documents, hash: hash.digest('hex') };
}
