import { createHash } from 'node:crypto';
import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { loadPrecompiled, type CompiledValidator } from './load-precompiled.js';
import { createOcpiAjv } from './ocpi-ajv.js';

/** A schema the tool checks its own input with (a settings file, a baseline), precompiled into its own bundle. */
export interface ToolSchema {
  /** The bundle's name: `dist/validators/<bundle>.js`. */
  readonly bundle: string;
  readonly schema: AnySchemaObject;
  /** Report every error (settings) or stop at the first (a baseline). */
  readonly allErrors: boolean;
}

/** What a tool schema's bundle is built from: the schema and the options it compiles with. */
export function toolSchemaHash(tool: ToolSchema): string {
  return createHash('sha256').update(JSON.stringify([tool.schema, tool.allErrors])).digest('hex');
}

/**
 * The validator of a tool schema, made on first call: the precompiled one when the build made it from this very
 * schema, or one compiled now. A command that never checks such input never loads it.
 */
export function toolValidator<T>(tool: ToolSchema): ((data: unknown) => data is T) & { readonly errors: CompiledValidator['errors'] } {
  let validator: CompiledValidator | undefined;
  const validate = (data: unknown): data is T => {
    validator ??= loadPrecompiled(tool.bundle, toolSchemaHash(tool))?.['main'] ?? compile(tool);
    return validator(data);
  };
  return Object.defineProperty(validate, 'errors', { get: () => validator?.errors }) as ((data: unknown) => data is T) & { readonly errors: CompiledValidator['errors'] };
}

function compile(tool: ToolSchema): CompiledValidator {
  return createOcpiAjv({ allErrors: tool.allErrors }).compile(tool.schema);
}
