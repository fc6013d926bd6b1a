import { fileURLToPath } from 'node:url';
import type { AnySchemaObject, ErrorObject } from 'ajv/dist/2020.js';
import { fail, pass, warn } from '../checks/finding.js';
import type { Finding } from '../model/finding.js';
import { withRepeats } from '../checks/fold-repeated.js';
import { describeError, listValues } from './describe-error.js';
import { escapePointerToken } from '../checks/json-pointer.js';
import type { OcpiVersion } from '../model/ocpi-version.js';
import { createOcpiAjv, type OcpiAjv } from './ocpi-ajv.js';
import { openEnumSink } from './open-enum-sink.js';
import { readSchemaFolder, schemaId, type SchemaFolder } from './schema-folder.js';
import { loadPrecompiled, versionBundle, type CompiledValidator } from './load-precompiled.js';

export { SCHEMA_ID_BASE } from './schema-folder.js';
export type { CompiledValidator } from './load-precompiled.js';

/** Where the schema folders live: `schemas/<version>/<Name>.json` at the package root. */
export const SCHEMA_ROOT = fileURLToPath(new URL('../../../schemas/', import.meta.url));

/** Options for one validation. */
export interface ValidateOptions {
  /** The check id the findings carry; `schema` by default. */
  readonly check?: string;
  /** JSON Pointer prefixed to every reported path, e.g. `/data` when validating an envelope's data. */
  readonly at?: string;
  readonly exchangeId?: string;
}

/** What a schema describes. */
export type SchemaKind = 'object' | 'list' | 'enum' | 'type';

/** How a registry gets its validators. */
export interface SchemaRegistryOptions {
  /**
   * Check every schema file against the JSON Schema meta-schema as it is added. The shipped schemas are checked so by
   * the tests; at run time it is off, since it costs about 40 ms of start-up per version.
   */
  readonly validateSchemas?: boolean;
  /**
   * Use the validators precompiled at build time (`dist/validators`) when they were built from these very schema
   * files; on by default for the shipped schemas. Otherwise each validator is compiled on first use.
   */
  readonly precompiled?: boolean;
}

/**
 * Every OCPI JSON Schema of every version, validated with Ajv (strict, allErrors). A version's schema files are read
 * when it is first used. Its validators come precompiled from the build when they match the files (loading them
 * costs a fraction of compiling), or are compiled one by one on first use, so a command compiles only what it
 * validates; either way the same Ajv set-up made them (`createOcpiAjv`).
 */
export class SchemaRegistry {
  #ajv: OcpiAjv | undefined;
  readonly #root: string;
  readonly #options: SchemaRegistryOptions;
  readonly #folders = new Map<OcpiVersion, SchemaFolder>();
  readonly #precompiled = new Map<OcpiVersion, Readonly<Record<string, CompiledValidator>> | undefined>();
  readonly #compiled = new Map<string, CompiledValidator>();

  constructor(root: string = SCHEMA_ROOT, options: SchemaRegistryOptions = {}) {
    this.#root = root;
    this.#options = { ...options, precompiled: options.precompiled ?? (root === SCHEMA_ROOT && !options.validateSchemas) };
  }

  /** True when `version`'s validators are the ones precompiled at build time (not compiled in this process). */
  usesPrecompiled(version: OcpiVersion): boolean {
    return this.#bundle(version) !== undefined;
  }

  /**
   * Loads `version`'s precompiled validators now, if it has them, rather than on its first validation: for a caller
   * with time to spare (a run, while its first requests are in flight).
   */
  preload(version: OcpiVersion): void {
    this.#bundle(version);
  }

  /** The object and type names a version has schemas for, sorted. */
  names(version: OcpiVersion): readonly string[] {
    return this.#load(version).names;
  }

  /** What a schema describes: an object, a list, an enum (open or closed), or a scalar type such as DateTime. */
  kind(version: OcpiVersion, name: string): SchemaKind {
    const schema = this.schema(version, name);
    if (Array.isArray(schema.enum) || Array.isArray(schema.openEnum)) return 'enum';
    if (schema.type === 'array') return 'list';
    if (schema.type === 'object' || (schema.type === undefined && typeof schema.$ref === 'string')) return 'object';
    return 'type';
  }

  has(version: OcpiVersion, name: string): boolean {
    return this.#load(version).documents.has(name);
  }

  /** The schema document of one name, as written. */
  schema(version: OcpiVersion, name: string): AnySchemaObject {
    const found = this.#load(version).documents.get(name);
    if (!found) throw new Error(`no schema "${name}" for OCPI ${version}`);
    return found;
  }

  /** Validates `data` as the named object: one failing finding per violation, or one passing finding. */
  validate(version: OcpiVersion, name: string, data: unknown, options: ValidateOptions = {}): Finding[] {
    const check = options.check ?? 'schema';
    const at = options.at ?? '';
    const extra = options.exchangeId === undefined ? {} : { exchangeId: options.exchangeId };
    const validator = this.#validator(version, name);
    openEnumSink.length = 0;
    const valid = validator(data);
    const unknownValues = openEnumSink.length === 0 ? [] : openEnumSink.splice(0);
    const warnings = unknownValues.map((unknown) => {
      const pointer = `${at}${unknown.path}`;
      const message = `${pointer || '/'}: "${unknown.value}" is not a known ${unknown.title} (an OpenEnum accepts it; known values: ${listValues(unknown.known)})`;
      return warn(check, message, { ...extra, at: pointer, actual: unknown.value });
    });
    if (valid) return [pass(check, `valid ${name} (OCPI ${version})`, { ...extra, at }), ...warnings];
    // One broken rule is one failure: the same error of the same schema rule at several places (every last_updated
    // with an offset, every object without its address) is reported once, at its first place, naming the others.
    const groups = new Map<string, { first: ErrorObject; pointers: string[]; messages: Set<string> }>();
    // An `if` error only says "the then-branch failed", whose own errors are reported beside it; the null branch of an
    // optional field (`anyOf: [{type: null}, X]`) says only "not null either", while X's errors say what is wrong.
    for (const error of (validator.errors ?? []).filter((e) => e.keyword !== 'if' && !nullBranch(e))) {
      // A missing field is reported at the place it should be, which is where a reader looks for it.
      const missing = error.keyword === 'required' ? `/${escapePointerToken(String(error.params['missingProperty']))}` : '';
      const pointer = `${at}${error.instancePath}${missing}`;
      const message = `${pointer || '/'}: ${describeError(error)}`;
      const key = `${error.keyword} ${error.schemaPath} ${JSON.stringify(error.params)}`;
      const group = groups.get(key) ?? { first: error, pointers: [], messages: new Set<string>() };
      groups.set(key, group);
      // A type error is reported by the field and again by the shared type it references: say it once.
      if (group.messages.has(message)) continue;
      group.messages.add(message);
      group.pointers.push(pointer);
    }
    const seen = new Set<string>();
    const failures = [...groups.values()].flatMap(({ first, pointers, messages }) => {
      const [message] = messages;
      if (message === undefined || seen.has(message)) return [];
      seen.add(message);
      const failure = fail(check, message, { ...extra, at: pointers[0] ?? at, actual: first.data });
      return [withRepeats(failure, pointers.slice(1).map((pointer) => Object.freeze({ at: pointer, ...extra })))];
    });
    return [...failures, ...warnings];
  }

  /**
   * True when `data` is a valid object of the name with nothing to warn about (no unknown OpenEnum value): what
   * `validate` would report as one pass and nothing else, without building it (a crawl counts such objects).
   */
  isCleanlyValid(version: OcpiVersion, name: string, data: unknown): boolean {
    return this.cleanlyValid(version, name)(data);
  }

  /** `isCleanlyValid` for one schema, looked up once: for a caller that asks of many objects (a crawl, per page). */
  cleanlyValid(version: OcpiVersion, name: string): (data: unknown) => boolean {
    const validator = this.#validator(version, name);
    return (data) => {
      openEnumSink.length = 0;
      return validator(data) && openEnumSink.length === 0;
    };
  }

  /** The validator behind `validate` (precompiled, or compiled on first use), for callers that only need true/false. */
  validator(version: OcpiVersion, name: string): CompiledValidator {
    return this.#validator(version, name);
  }

  #validator(version: OcpiVersion, name: string): CompiledValidator {
    const id = schemaId(version, name);
    let validator = this.#compiled.get(id);
    if (!validator) {
      if (!this.has(version, name)) throw new Error(`no schema "${name}" for OCPI ${version}`);
      validator = this.#bundle(version)?.[name] ?? this.#compile(version, id);
      this.#compiled.set(id, validator);
    }
    return validator;
  }

  #compile(version: OcpiVersion, id: string): CompiledValidator {
    const validator = this.#ajvWith(version).getSchema(id);
    if (!validator) throw new Error(`schema ${id} failed to compile`);
    return validator;
  }

  /** The one Ajv instance, created on the first compilation, holding every schema of the versions read so far. */
  #ajvWith(version: OcpiVersion): OcpiAjv {
    if (!this.#ajv) {
      this.#ajv = createOcpiAjv({ validateSchemas: this.#options.validateSchemas ?? false });
      for (const folder of this.#folders.values()) for (const document of folder.documents.values()) this.#ajv.addSchema(document);
    }
    this.#load(version);
    return this.#ajv;
  }

  #bundle(version: OcpiVersion): Readonly<Record<string, CompiledValidator>> | undefined {
    if (!this.#options.precompiled) return undefined;
    if (!this.#precompiled.has(version)) this.#precompiled.set(version, loadPrecompiled(versionBundle(version), this.#load(version).hash));
    return this.#precompiled.get(version);
  }

  #load(version: OcpiVersion): SchemaFolder {
    let folder = this.#folders.get(version);
    if (!folder) {
      folder = readSchemaFolder(this.#root, version);
      this.#folders.set(version, folder);
      if (this.#ajv) for (const document of folder.documents.values()) this.#ajv.addSchema(document);
      // The meta-schema check happens as schemas are added: with it on, every schema is added as soon as it is read.
      if (this.#options.validateSchemas) this.#ajvWith(version);
    }
    return folder;
  }
}

/** True for the errors an optional field's null branch adds beside the errors of its real type. */
function nullBranch(error: ErrorObject): boolean {
  if (error.keyword === 'type' && error.params['type'] === 'null' && /\/anyOf\/0\/type$/.test(error.schemaPath)) return true;
  const branches = (error.parentSchema as { anyOf?: unknown } | undefined)?.anyOf;
  return error.keyword === 'anyOf' && Array.isArray(branches) && (branches[0] as { type?: unknown } | undefined)?.type === 'null';
}

let shared: SchemaRegistry | undefined;

/** The process-wide registry: schemas are read and compiled once per process. */
export function schemaRegistry(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}
