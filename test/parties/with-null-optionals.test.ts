import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import { generateCpoData } from '../../src/ocpi-data/generate-cpo-data.js';
import { generateTokens } from '../../src/ocpi-data/generate-tokens.js';
import { shapeForVersion, type ShapedModule } from '../../src/ocpi-data/shape-for-version.js';
import { withNullOptionals } from '../../src/parties/with-null-optionals.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';

const SCHEMAS = fileURLToPath(new URL('../../../schemas/', import.meta.url));

/** The optional fields of an object of `version`, as its schema file names them. */
function optionalFields(version: OcpiVersion, name: string): Set<string> {
  const schema = JSON.parse(readFileSync(`${SCHEMAS}${version}/${name}.json`, 'utf8')) as { required?: string[]; properties?: object; $defs?: { fields?: { properties?: object } } };
  const fields = Object.keys(schema.$defs?.fields?.properties ?? schema.properties ?? {});
  return new Set(fields.filter((field) => !(schema.required ?? []).includes(field)));
}

/** The fields written as null in `after` that `before` left out. */
function nulled(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => !(key in before) && after[key] === null);
}

const MODULES: ReadonlyArray<readonly [ShapedModule, string]> = [['locations', 'Location'], ['tariffs', 'Tariff'], ['sessions', 'Session'], ['tokens', 'Token']];

describe('the null-optionals variant\'s rewrite (withNullOptionals)', () => {
  const data = generateCpoData({ countryCode: 'NL', partyId: 'RCP', now: new Date('2026-01-01T00:00:00Z') });
  const tokens = generateTokens({ countryCode: 'NL', partyId: 'REM', now: new Date('2026-01-01T00:00:00Z') });
  const context = { location: (id: string) => data.locations.find((location) => location.id === id) };
  const objectsOf = (module: ShapedModule): readonly { last_updated: string }[] => (module === 'tokens' ? tokens : data[module]);

  for (const version of ['2.1.1', '2.2.1', '2.3.0'] as const) {
    it(`writes as null only optional fields of each OCPI ${version} object, named as ${version} names them, and every object stays valid.`, () => {
      for (const [module, name] of MODULES) {
        const optional = optionalFields(version, name);
        let written = 0;
        let leftOut = 0;
        for (const object of objectsOf(module).slice(0, 5)) {
          const shaped = shapeForVersion(version, module, object, context) as Record<string, unknown>;
          const rewritten = withNullOptionals(shaped) as Record<string, unknown>;
          const added = nulled(shaped, rewritten);
          assert.deepEqual(added.filter((field) => !optional.has(field)), [], `${version} ${name}: null written for fields it does not have as optional`);
          written += added.length;
          leftOut += [...optional].filter((field) => !(field in shaped)).length;
          assert.deepEqual(schemaRegistry().validate(version, name, rewritten).filter((f) => f.status === 'fail').map((f) => f.message), [], `${version} ${name}`);
        }
        // Where the objects leave optional fields out, the rewrite must write some of them: else it proves nothing there.
        if (leftOut > 0) assert.ok(written > 0, `${version} ${name}: ${leftOut} optional fields left out, none written as null`);
      }
    });
  }
});
