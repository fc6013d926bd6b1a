import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Class, KeywordCxt } from 'ajv/dist/2020.js';
import type * as Codegen from 'ajv/dist/compile/codegen/index.js';
import { ocpiFormats } from './ocpi-formats.js';
import { openEnumSink } from './open-enum-sink.js';

/** The Ajv instance type the OCPI schemas compile with. */
export type OcpiAjv = Ajv2020Class;

/** How to build an Ajv for the OCPI schemas. */
export interface OcpiAjvOptions {
  /** Check every schema added against the JSON Schema meta-schema (the tests do; a run does not). */
  readonly validateSchemas?: boolean;
  /** Report every error (the default) or stop at the first. */
  readonly allErrors?: boolean;
  /** Keep the generated source, for precompiling the validators at build time (`standaloneCode`). */
  readonly standalone?: boolean;
}

// Ajv is CommonJS and is loaded only when a validator is compiled: a command that validates nothing, or validates
// with the validators precompiled at build time, never pays for loading it.
const require = createRequire(import.meta.url);

/**
 * An Ajv (JSON Schema 2020-12, strict, allErrors unless told otherwise, verbose) that knows the OCPI formats and the `openEnum` keyword.
 * The same set-up compiles at run time and at build time, so a precompiled validator is the validator.
 */
export function createOcpiAjv(options: OcpiAjvOptions = {}): OcpiAjv {
  const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
  const { _, strConcat } = require('ajv/dist/compile/codegen/index.js') as typeof Codegen;
  const names = (require('ajv/dist/compile/names.js') as { default: { instancePath: Codegen.Name } }).default;
  const ajv = new Ajv2020({
    strict: true,
    allErrors: options.allErrors ?? true,
    verbose: true,
    validateSchema: options.validateSchemas ?? false,
    // Precompiled code reaches the formats and the open-enum sink through the names its loader passes in.
    ...(options.standalone ? { code: { source: true, formats: _`formats` } } : {}),
  });
  for (const [name, format] of Object.entries(ocpiFormats())) ajv.addFormat(name, format);
  // `openEnum: [...]` lists an OpenEnum's known values: any string passes, an unknown one goes to the sink, which the
  // registry reports as a warning.
  ajv.addKeyword({
    keyword: 'openEnum',
    type: 'string',
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      const { gen, data, schemaValue, parentSchema, it } = cxt;
      const title = typeof parentSchema.title === 'string' ? parentSchema.title : 'OpenEnum';
      const sink = gen.scopeValue('obj', { ref: openEnumSink, code: _`openEnumSink` });
      const path = strConcat(names.instancePath, it.errorPath);
      gen.if(_`!${schemaValue}.includes(${data})`, () => {
        gen.code(_`${sink}.push({path: ${path}, value: ${data}, known: ${schemaValue}, title: ${title}});`);
      });
    },
  });
  return ajv;
}
