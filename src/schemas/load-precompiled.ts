import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import { ocpiFormats } from './ocpi-formats.js';
import { openEnumSink } from './open-enum-sink.js';

/** A validator, compiled at run time or precompiled: true or false, and the errors of the last call. */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Where the build writes each bundle: `dist/validators/<bundle>.js` (`ocpi-2.2.1`, `run-settings`, ...). */
export const PRECOMPILED_ROOT = fileURLToPath(new URL('../../validators/', import.meta.url));

const require = createRequire(import.meta.url);

/** The first line of a precompiled bundle: what it was built from, which the loader compares before using it. */
export function bundleHeader(bundle: string, hash: string): string {
  return `// ocpi-conformance precompiled validators "${bundle}" (sha256 ${hash}), generated at build time: do not edit.`;
}

/** The bundle of one OCPI version's schemas. */
export function versionBundle(version: OcpiVersion): string {
  return `ocpi-${version}`;
}

/** Where the build writes a bundle's V8 code cache (`<bundle>.cache`, beside the bundle). */
function cacheFile(bundle: string, root: string): string {
  return join(root, `${bundle}.cache`);
}

/**
 * A bundle's source, or undefined when it cannot be read. It is read as Latin-1 when it is all ASCII (as Ajv's
 * standalone code is): the same string, decoded in a fraction of the time UTF-8 takes (about 12 ms for 2.2.1's megabyte).
 */
function readSource(file: string): string | undefined {
  try {
    const bytes = readFileSync(file);
    return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * A bundle's script, compiled with the code cache the build wrote when there is one: a megabyte compiles in about
 * 15 ms, 2 with the cache, and the validators' own functions come compiled too. V8 rejects a cache that does not match
 * the source, its version or its flags, and compiles as if there were none.
 */
function compile(file: string, source: string, cache?: string): Script {
  let cachedData: Buffer | undefined;
  try {
    if (cache !== undefined) cachedData = readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  return new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
}

function instantiate(script: Script): Record<string, CompiledValidator> {
  const factory = script.runInThisContext() as (exports: Record<string, CompiledValidator>, ...context: unknown[]) => void;
  const validators: Record<string, CompiledValidator> = {};
  factory(validators, ocpiFormats(), openEnumSink, require);
  return validators;
}

/**
 * The validators precompiled at build time into `bundle`, when it was built from schemas with this `hash`;
 * undefined when there is none or it is stale (a schema edited since the build), and the caller compiles at run time
 * instead. Loading a bundle costs a fraction of compiling its schemas.
 */
export function loadPrecompiled(bundle: string, hash: string, root: string = PRECOMPILED_ROOT): Readonly<Record<string, CompiledValidator>> | undefined {
  const file = join(root, `${bundle}.js`);
  const source = readSource(file);
  if (source === undefined || !source.startsWith(`${bundleHeader(bundle, hash)}\n`)) return undefined;
  return Object.freeze(instantiate(compile(file, source, cacheFile(bundle, root))));
}

/**
 * Build step: writes the V8 code cache of a bundle already written to `root`, after calling each of its validators once
 * with `samples` (so the cache holds their compiled code, not only the bundle's outer function).
 */
export function writeCodeCache(bundle: string, samples: readonly unknown[], root: string = PRECOMPILED_ROOT): void {
  const file = join(root, `${bundle}.js`);
  const script = compile(file, readFileSync(file, 'utf8'));
  for (const validator of Object.values(instantiate(script))) for (const sample of samples) validator(sample);
  writeFileSync(cacheFile(bundle, root), script.createCachedData());
}
