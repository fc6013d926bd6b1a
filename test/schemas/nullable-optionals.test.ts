import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module, { type AnySchemaObject } from 'ajv/dist/2020.js';
import { SCHEMA_ROOT } from '../../src/schemas/schema-registry.js';
import { OCPI_VERSIONS } from '../../src/model/ocpi-version.js';

const Ajv2020 = Ajv2020Module.default;

/** Every schema document of a version, by file name. */
function documents(version: string): Map<string, AnySchemaObject> {
  const folder = join(SCHEMA_ROOT, version);
  return new Map(readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(join(folder, f), 'utf8')) as AnySchemaObject]));
}

/** A validator of one subschema, addressed by its document's $id and a JSON Pointer. */
function compiler(docs: Map<string, AnySchemaObject>): (id: string, pointer: string) => (data: unknown) => boolean {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // Only null is validated here: formats and the openEnum keyword never decide it.
  for (const format of ['uri', 'ocpi-datetime-2.1.1', 'ocpi-datetime-2.2']) ajv.addFormat(format, () => true);
  ajv.addKeyword({ keyword: 'openEnum', type: 'string', schemaType: 'array', validate: () => true });
  for (const doc of docs.values()) ajv.addSchema(doc);
  return (id, pointer) => {
    const validate = ajv.compile({ $ref: `${id}#${pointer}` });
    return (data) => validate(data) as boolean;
  };
}

const escape = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

describe('null for optional fields (terminology, cardinality)', () => {
  for (const version of OCPI_VERSIONS) {
    const docs = documents(version);
    if (docs.size === 0) continue;
    const at = compiler(docs);

    it(`lets every optional field of every OCPI ${version} object be null, and no required one, nor in a Patch one the object requires.`, () => {
      const problems: string[] = [];
      for (const [file, doc] of docs) {
        const id = doc.$id as string;
        const own = (doc['properties'] ?? {}) as Record<string, unknown>;
        // A Patch (`$ref: "X.json#/$defs/fields"`) may leave any field out, but may not set one X requires to null.
        const patched = typeof doc['$ref'] === 'string' && /^[A-Za-z]+\.json#\/\$defs\/fields$/.test(doc['$ref']) ? docs.get(doc['$ref'].split('#')[0] as string) : undefined;
        const required = new Set([...((doc['required'] ?? []) as string[]), ...((patched?.['required'] ?? []) as string[])]);
        // Objects that keep their fields in $defs/fields (to share them with a Patch) list them there.
        const sharesFields = doc['$ref'] === '#/$defs/fields';
        const fields = sharesFields ? ((doc['$defs'] as { fields: { properties: Record<string, unknown> } }).fields.properties) : {};
        for (const name of new Set([...Object.keys(own), ...Object.keys(fields), ...(patched ? required : [])])) {
          const places = [
            ...(name in own && own[name] !== true ? [`/properties/${escape(name)}`] : []),
            ...(name in fields ? [`/$defs/fields/properties/${escape(name)}`] : []),
          ];
          const acceptsNull = places.every((pointer) => at(id, pointer)(null));
          if (required.has(name) && acceptsNull) problems.push(`${file}: required ${name} accepts null`);
          if (!required.has(name) && !acceptsNull && !sharesFields) problems.push(`${file}: optional ${name} refuses null`);
          if (sharesFields && !required.has(name) && !at(id, `/$defs/fields/properties/${escape(name)}`)(null)) problems.push(`${file}: optional ${name} refuses null`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
