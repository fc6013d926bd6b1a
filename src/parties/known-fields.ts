import type { OcpiVersion } from '../model/ocpi-version.js';
import type { OcpiType } from '../schemas/ocpi-type.js';
import { schemaRegistry } from '../schemas/schema-registry.js';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What a Receiver with a model of its own keeps of a pushed object: the fields `type` defines, at every level, the
 * others dropped (which 2.3.0 allows; it forbids refusing them, spec-notes N6).
 */
export function knownFieldsOnly(type: OcpiType, value: unknown): unknown {
  if (type.kind === 'array' && Array.isArray(value)) return value.map((item) => knownFieldsOnly(type.items, item));
  if (type.kind !== 'object' || !isRecord(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    const known = type.fields.get(name);
    if (known) kept[name] = knownFieldsOnly(known.type, field);
  }
  return kept;
}

/** The JSON Pointers of the fields of `value` that `type` does not define, at every level. */
export function unknownFields(type: OcpiType, value: unknown, at = ''): string[] {
  if (type.kind === 'array' && Array.isArray(value)) return value.flatMap((item, index) => unknownFields(type.items, item, `${at}/${index}`));
  if (type.kind !== 'object' || !isRecord(value)) return [];
  return Object.entries(value).flatMap(([name, field]) => {
    const known = type.fields.get(name);
    return known ? unknownFields(known.type, field, `${at}/${name}`) : [`${at}/${name}`];
  });
}

/** The values an (Open)Enum of `version` lists; what a party with a closed enum in its model knows. */
export function listedValues(version: OcpiVersion, name: string): ReadonlySet<string> {
  const registry = schemaRegistry();
  // `has` reads the version's schema files on first use.
  const schema = (registry.has(version, name) ? registry.schema(version, name) : {}) as { enum?: unknown; openEnum?: unknown };
  const values = Array.isArray(schema.openEnum) ? schema.openEnum : Array.isArray(schema.enum) ? schema.enum : [];
  return new Set(values.filter((value): value is string => typeof value === 'string'));
}
