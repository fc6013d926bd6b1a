import { readFileSync } from 'node:fs';
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

/**
 * The validators precompiled at build time into `bundle`, when it was built from schemas with this `hash`;
 * undefined when there is none or it is stale (a schema edited since the build), and the caller compiles at run time
 * instead. Loading a bundle costs a fraction of compiling its schemas.
 */
export function loadPrecompiled(bundle: string, hash: string, root: string = PRECOMPILED_ROOT): Readonly<Record<string, CompiledValidator>> | undefined {
  const file = join(root, `${bundle}.js`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (!source.startsWith(`${bundleHeader(bundle, hash)}\n`)) return undefined;
  const factory = new Script(source, { filename: file }).runInThisContext() as (exports: Record<string, CompiledValidator>, ...context: unknown[]) => void;
  const validators: Record<string, CompiledValidator> = {};
  factory(validators, ocpiFormats(), openEnumSink, require);
  return Object.freeze(validators);
}
