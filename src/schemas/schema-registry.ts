import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Ajv2020Module, { type ValidateFunction, type AnySchemaObject, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fail, pass, warn, type Finding } from '../checks/finding.js';
import { withRepeats } from '../checks/fold-repeated.js';
import { describeError, listValues } from './describe-error.js';
import { escapePointerToken } from '../checks/json-pointer.js';
import { isOcpiDateTime211, isOcpiDateTime22, type OcpiVersion } from './ocpi-datetime.js';

// ajv and ajv-formats are CommonJS with a default export; under NodeNext the class sits on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** Where the schema folders live: `schemas/<version>/<Name>.json` at the package root. */
export const SCHEMA_ROOT = fileURLToPath(new URL('../../../schemas/', import.meta.url));

/** The base of every schema `$id`: `<base>/<version>/<Name>.json`. The `.invalid` TLD marks it as a name, not a place. */
export const SCHEMA_ID_BASE = 'https://ocpi-conformance.invalid/schemas';

/** Options for one validation. */
export interface ValidateOptions {
  /** The check id the findings carry; `schema` by default. */
  readonly check?: string;
  /** JSON Pointer prefixed to every reported path, e.g. `/data` when validating an envelope's data. */
  readonly at?: string;
  readonly exchangeId?: string;
}

/**
 * Every OCPI JSON Schema of every version behind one Ajv instance (strict, allErrors). Schema files are read when a
 * version is first used; each object's validator is compiled on first use and then kept, so a command compiles only
 * what it validates.
 */
/** What a schema describes. */
export type SchemaKind = 'object' | 'list' | 'enum' | 'type';

/** A value an OpenEnum (OCPI 2.3.0) does not list: accepted, and reported as a warning. */
interface UnknownOpenEnumValue {
  readonly path: string;
  readonly value: string;
  readonly known: readonly string[];
  readonly title: string;
}

export class SchemaRegistry {
  readonly #ajv;
  readonly #root: string;
  readonly #loaded = new Map<OcpiVersion, readonly string[]>();
  readonly #compiled = new Map<string, ValidateFunction>();
  // Validation is synchronous, so the openEnum keyword can report into the collector of the call under way.
  #openEnumValues: UnknownOpenEnumValue[] = [];

  /**
   * `validateSchemas` checks every schema file against the JSON Schema meta-schema as it is added. The shipped schemas
   * are checked so by the tests; at run time it is off, since it costs about 40 ms of start-up per version.
   */
  constructor(root: string = SCHEMA_ROOT, options: { validateSchemas?: boolean } = {}) {
    this.#root = root;
    this.#ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, validateSchema: options.validateSchemas ?? false });
    addFormats(this.#ajv, ['uri']);
    this.#ajv.addFormat('ocpi-datetime-2.1.1', { type: 'string', validate: isOcpiDateTime211 });
    this.#ajv.addFormat('ocpi-datetime-2.2', { type: 'string', validate: isOcpiDateTime22 });
    // `openEnum: [...]` lists an OpenEnum's known values: any string passes, unknown ones become warnings.
    this.#ajv.addKeyword({
      keyword: 'openEnum',
      type: 'string',
      schemaType: 'array',
      validate: (known: string[], data: string, parentSchema?: AnySchemaObject, cxt?: { instancePath: string }) => {
        if (!known.includes(data)) {
          const title = typeof parentSchema?.title === 'string' ? parentSchema.title : 'OpenEnum';
          this.#openEnumValues.push({ path: cxt?.instancePath ?? '', value: data, known, title });
        }
        return true;
      },
    });
  }

  /** The object and type names a version has schemas for, sorted. */
  names(version: OcpiVersion): readonly string[] {
    return this.#load(version);
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
    return this.#load(version).includes(name);
  }

  /** The schema document of one name, as written. */
  schema(version: OcpiVersion, name: string): AnySchemaObject {
    const found = this.#ajv.getSchema(this.#id(version, name));
    if (!found) throw new Error(`no schema "${name}" for OCPI ${version}`);
    return found.schema as AnySchemaObject;
  }

  /** Validates `data` as the named object: one failing finding per violation, or one passing finding. */
  validate(version: OcpiVersion, name: string, data: unknown, options: ValidateOptions = {}): Finding[] {
    const check = options.check ?? 'schema';
    const at = options.at ?? '';
    const extra = options.exchangeId === undefined ? {} : { exchangeId: options.exchangeId };
    const validator = this.#validator(version, name);
    this.#openEnumValues = [];
    const valid = validator(data);
    const warnings = this.#openEnumValues.map((unknown) => {
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

  /** The compiled Ajv function behind `validate` (compiled on first use), for callers that only need true/false. */
  validator(version: OcpiVersion, name: string): ValidateFunction {
    return this.#validator(version, name);
  }

  #validator(version: OcpiVersion, name: string): ValidateFunction {
    const id = this.#id(version, name);
    let validator = this.#compiled.get(id);
    if (!validator) {
      if (!this.has(version, name)) throw new Error(`no schema "${name}" for OCPI ${version}`);
      validator = this.#ajv.getSchema(id);
      if (!validator) throw new Error(`schema "${name}" for OCPI ${version} failed to compile`);
      this.#compiled.set(id, validator);
    }
    return validator;
  }

  #id(version: OcpiVersion, name: string): string {
    return `${SCHEMA_ID_BASE}/${version}/${name}.json`;
  }

  #load(version: OcpiVersion): readonly string[] {
    const known = this.#loaded.get(version);
    if (known) return known;
    const folder = join(this.#root, version);
    let files: string[];
    try {
      files = readdirSync(folder).filter((file) => file.endsWith('.json')).sort();
    } catch {
      files = [];
    }
    const names = files.map((file) => file.slice(0, -'.json'.length));
    for (const file of files) {
      const schema = JSON.parse(readFileSync(join(folder, file), 'utf8')) as AnySchemaObject;
      const expected = this.#id(version, file.slice(0, -'.json'.length));
      if (schema.$id !== expected) throw new Error(`${version}/${file}: $id must be ${expected}, found ${String(schema.$id)}`);
      this.#ajv.addSchema(schema);
    }
    this.#loaded.set(version, names);
    return names;
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
