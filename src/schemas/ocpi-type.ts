import type { AnySchemaObject } from 'ajv';
import type { OcpiVersion } from '../model/ocpi-version.js';
import { schemaRegistry, type SchemaRegistry } from './schema-registry.js';

/** A field of an OCPI object: its type, whether the spec requires it, and the default the spec gives it. */
export interface OcpiField {
  readonly type: OcpiType;
  readonly required: boolean;
  readonly default?: unknown;
}

/**
 * What the spec says a value is, as far as comparing two values goes: DateTimes compare as instants, CiStrings
 * without case, numbers by value, objects field by field (knowing which fields are optional), lists item by item.
 */
export type OcpiType =
  | { readonly kind: 'object'; readonly fields: ReadonlyMap<string, OcpiField> }
  | { readonly kind: 'array'; readonly items: OcpiType }
  | { readonly kind: 'datetime' | 'cistring' | 'string' | 'number' | 'boolean' | 'any' };

const ANY: OcpiType = Object.freeze({ kind: 'any' });
// Shared scalar types are named by their schema file.
const NAMED: Readonly<Record<string, OcpiType>> = {
  'DateTime.json': Object.freeze({ kind: 'datetime' }),
  'CiString.json': Object.freeze({ kind: 'cistring' }),
};

/** The OCPI type of a named object of a version, read from its JSON Schema (memoised per registry). */
export function ocpiType(version: OcpiVersion, name: string, registry: SchemaRegistry = schemaRegistry()): OcpiType {
  return new TypeReader(registry, version).named(`${name}.json`);
}

const readers = new WeakMap<SchemaRegistry, Map<string, Map<string, OcpiType>>>();

/** Reads types out of one version's schema documents, following `$ref`s; memoised per registry and version. */
class TypeReader {
  readonly #registry: SchemaRegistry;
  readonly #version: OcpiVersion;
  readonly #memo: Map<string, OcpiType>;

  constructor(registry: SchemaRegistry, version: OcpiVersion) {
    this.#registry = registry;
    this.#version = version;
    let byVersion = readers.get(registry);
    if (!byVersion) readers.set(registry, (byVersion = new Map()));
    let memo = byVersion.get(version);
    if (!memo) byVersion.set(version, (memo = new Map()));
    this.#memo = memo;
  }

  /** The type a `$ref` names: `File.json`, `File.json#/pointer` or `#/pointer` (within `file`). */
  named(ref: string, file = ''): OcpiType {
    const [target = '', fragment = ''] = ref.split('#');
    const document = target || file;
    const key = `${document}#${fragment}`;
    const known = this.#memo.get(key);
    if (known) return known;
    const scalar = fragment === '' ? NAMED[document] : undefined;
    if (scalar) return scalar;
    // A placeholder ends a cycle (none exists in OCPI today, but a schema edit must not hang the tool).
    this.#memo.set(key, ANY);
    const name = document.replace(/\.json$/, '');
    // `has` reads the version's schema files on first use; `schema` alone would find none yet.
    if (!this.#registry.has(this.#version, name)) throw new Error(`no schema "${name}" for OCPI ${this.#version}`);
    const schema = pointerInto(this.#registry.schema(this.#version, name), fragment);
    const type = this.#read(schema, document);
    this.#memo.set(key, type);
    return type;
  }

  #read(schema: unknown, file: string): OcpiType {
    if (schema === true || schema === undefined || schema === null || typeof schema !== 'object') return ANY;
    const s = schema as AnySchemaObject;
    const branches = (s['anyOf'] ?? s['oneOf']) as unknown[] | undefined;
    if (Array.isArray(branches)) {
      // `anyOf: [{type: null}, X]` is how the schemas say "optional, may be null": the type is X's.
      const real = branches.filter((branch) => (branch as AnySchemaObject | null)?.['type'] !== 'null');
      return real.length === 1 ? this.#read(real[0], file) : ANY;
    }
    const referenced = typeof s['$ref'] === 'string' ? this.named(s['$ref'], file) : undefined;
    const ownFields = s['properties'] !== undefined || s['required'] !== undefined;
    if (referenced && !(ownFields && referenced.kind === 'object')) return referenced;
    if (s['type'] === 'object' || ownFields) return this.#object(s, file, referenced);
    if (s['type'] === 'array') return Object.freeze({ kind: 'array', items: this.#read(s['items'], file) });
    if (s['type'] === 'string') return String(s['format'] ?? '').includes('datetime') ? NAMED['DateTime.json'] as OcpiType : Object.freeze({ kind: 'string' });
    if (s['type'] === 'number' || s['type'] === 'integer') return Object.freeze({ kind: 'number' });
    if (s['type'] === 'boolean') return Object.freeze({ kind: 'boolean' });
    if (Array.isArray(s['enum']) || Array.isArray(s['openEnum'])) return Object.freeze({ kind: 'string' });
    return ANY;
  }

  /** An object's fields: its own properties over those of a `$ref`'d definition, required as this schema says. */
  #object(s: AnySchemaObject, file: string, referenced: OcpiType | undefined): OcpiType {
    const required = new Set<string>(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
    const fields = new Map<string, OcpiField>();
    if (referenced?.kind === 'object') for (const [name, field] of referenced.fields) fields.set(name, { ...field, required: required.has(name) || field.required });
    for (const [name, property] of Object.entries((s['properties'] ?? {}) as Record<string, unknown>)) {
      const inherited = fields.get(name);
      // `"field": true` (or a bare "not null") beside a $ref only marks a field as required: its type lives in the $ref.
      const type = inherited && !describesType(property) ? inherited.type : this.#read(property, file);
      const fallback = defaultOf(property) ?? inherited?.default;
      fields.set(name, { type, required: required.has(name), ...(fallback === undefined ? {} : { default: fallback }) });
    }
    return Object.freeze({ kind: 'object', fields });
  }
}

/** The default a property's schema gives, looking through the null branch of an optional field. */
function defaultOf(property: unknown): unknown {
  if (property === null || typeof property !== 'object') return undefined;
  const s = property as AnySchemaObject;
  if (s['default'] !== undefined) return s['default'];
  const branches = s['anyOf'] as unknown[] | undefined;
  return Array.isArray(branches) ? branches.map(defaultOf).find((value) => value !== undefined) : undefined;
}

function describesType(property: unknown): boolean {
  if (property === null || typeof property !== 'object') return false;
  return ['type', '$ref', 'anyOf', 'oneOf', 'enum', 'items', 'properties'].some((keyword) => keyword in (property as object));
}

function pointerInto(document: unknown, fragment: string): unknown {
  if (fragment === '' || fragment === '/') return document;
  let node = document;
  for (const token of fragment.replace(/^\//, '').split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}
