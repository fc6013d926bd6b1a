import { createRequire } from 'node:module';
import { createOcpiAjv, type OcpiAjv } from './ocpi-ajv.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import { schemaId, type SchemaFolder } from './schema-folder.js';
import { bundleHeader, versionBundle } from './load-precompiled.js';
import { toolSchemaHash, type ToolSchema } from './tool-validator.js';

const require = createRequire(import.meta.url);

/**
 * The source of a precompiled bundle: Ajv standalone code with one export per entry of `refs` (export name to schema
 * id or key in `ajv`), wrapped as a function expression the loader calls with `(exports, formats, openEnumSink,
 * require)`, after a header naming the hash of what it was built from. `ajv` must keep its source (`code.source`).
 */
export function precompileBundle(bundle: string, hash: string, ajv: OcpiAjv, refs: Readonly<Record<string, string>>): string {
  const standaloneCode = (require('ajv/dist/standalone/index.js') as { default: (ajv: OcpiAjv, refs: Readonly<Record<string, string>>) => string }).default;
  return `${bundleHeader(bundle, hash)}\n(function (exports, formats, openEnumSink, require) {\n${standaloneCode(ajv, refs)}\n})\n`;
}

/** One OCPI version's validators, one per schema name, compiled by the same Ajv set-up as at run time. */
export function precompileVersion(version: OcpiVersion, folder: SchemaFolder): string {
  const ajv = createOcpiAjv({ standalone: true });
  const refs: Record<string, string> = {};
  for (const [name, document] of folder.documents) {
    ajv.addSchema(document);
    refs[name] = schemaId(version, name);
  }
  return precompileBundle(versionBundle(version), folder.hash, ajv, refs);
}

/** A tool schema's validator, compiled as at run time (`toolValidator`). */
export function precompileTool(tool: ToolSchema): string {
  const ajv = createOcpiAjv({ standalone: true, allErrors: tool.allErrors });
  ajv.addSchema(tool.schema, 'main');
  return precompileBundle(tool.bundle, toolSchemaHash(tool), ajv, { main: 'main' });
}
