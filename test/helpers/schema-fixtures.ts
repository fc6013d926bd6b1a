import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePointer } from '../../src/checks/json-pointer.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';

/** The schema fixtures: `test/fixtures/schemas/<version>/<Name>.json`. */
export const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/schemas/', import.meta.url));

/** One invalid fixture: a valid base with one rule broken, and the exact path the registry must report. */
export interface InvalidCase {
  readonly title: string;
  readonly base?: string;
  readonly data?: unknown;
  readonly set?: Record<string, unknown>;
  readonly remove?: string[];
  readonly at: string;
}

export interface FixtureFile {
  readonly valid: Record<string, unknown>;
  readonly invalid: InvalidCase[];
}

function edit(document: unknown, pointer: string, apply: (parent: Record<string, unknown>, key: string) => void): void {
  const tokens = parsePointer(pointer);
  const key = tokens.pop();
  if (key === undefined) throw new Error('cannot edit the document root; give "data" instead');
  let parent = document as Record<string, unknown>;
  for (const token of tokens) parent = parent[token] as Record<string, unknown>;
  if (parent === undefined || parent === null) throw new Error(`no parent at ${pointer}`);
  apply(parent, key);
}

export function build(fixture: FixtureFile, broken: InvalidCase): unknown {
  if (broken.data !== undefined) return broken.data;
  const base = fixture.valid[broken.base ?? 'minimal'];
  if (base === undefined) throw new Error(`${broken.title}: unknown base "${broken.base ?? 'minimal'}"`);
  const copy = structuredClone(base);
  for (const [pointer, value] of Object.entries(broken.set ?? {})) edit(copy, pointer, (p, k) => { p[k] = value; });
  for (const pointer of broken.remove ?? []) {
    edit(copy, pointer, (p, k) => {
      if (!(k in p)) throw new Error(`${broken.title}: nothing to remove at ${pointer}`);
      delete p[k];
    });
  }
  return copy;
}

/** One version's fixture files, by schema name, in name order. */
export function fixtureFiles(version: OcpiVersion): [string, FixtureFile][] {
  const folder = join(FIXTURES, version);
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')).sort() : [];
  return files.map((file) => [file.slice(0, -'.json'.length), JSON.parse(readFileSync(join(folder, file), 'utf8')) as FixtureFile]);
}
