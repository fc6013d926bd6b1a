import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaRegistry } from '../../src/schemas/schema-registry.js';
import { OCPI_VERSIONS } from '../../src/model/ocpi-version.js';
import { build, FIXTURES, fixtureFiles, type FixtureFile } from '../helpers/schema-fixtures.js';

// Meta-schema validation on: every shipped schema is checked against draft 2020-12 here, not at run time.
const registry = new SchemaRegistry(undefined, { validateSchemas: true });

for (const version of OCPI_VERSIONS) {
  const names = registry.names(version);
  if (names.length === 0) continue;
  describe(`the OCPI ${version} schemas`, () => {
    it('all compile in strict mode', () => {
      for (const name of names) registry.validate(version, name, null);
    });

    it('have minimal and full fixtures for every object', () => {
      const objects = names.filter((name) => registry.kind(version, name) === 'object');
      const lacking = objects.filter((name) => {
        const file = join(FIXTURES, version, `${name}.json`);
        if (!existsSync(file)) return true;
        const { valid } = JSON.parse(readFileSync(file, 'utf8')) as FixtureFile;
        return !('minimal' in valid && 'full' in valid);
      });
      assert.deepEqual(lacking, []);
    });

    for (const [name, fixture] of fixtureFiles(version)) {
      describe(name, () => {
        it('has a schema for its fixtures', () => assert.ok(registry.has(version, name), `no schema ${version}/${name}`));
        for (const [label, data] of Object.entries(fixture.valid)) {
          it(`accepts the ${label} fixture`, () => {
            const failures = registry.validate(version, name, data).filter((f) => f.status !== 'pass');
            assert.deepEqual(failures.map((f) => f.message), []);
          });
        }
        for (const broken of fixture.invalid) {
          it(`rejects it when ${broken.title}, at ${broken.at || '/'}`, () => {
            const failures = registry.validate(version, name, build(fixture, broken)).filter((f) => f.status === 'fail');
            assert.ok(failures.length > 0, 'expected at least one failure');
            assert.deepEqual([...new Set(failures.map((f) => f.at))], [broken.at], failures.map((f) => f.message).join('\n'));
          });
        }
      });
    }
  });
}

describe('the schema registry', () => {
  it('names the enum and the allowed values when a value is not in an enum', () => {
    const [finding] = registry.validate('2.2.1', 'Role', 'MSP');
    assert.equal(finding?.message, '/: "MSP" is not a Role (expected one of CPO, EMSP, HUB, NAP, NSP, OTHER, SCSP)');
  });

  it('prefixes the reported path with the given location', () => {
    const [finding] = registry.validate('2.2.1', 'Envelope', { status_code: 1000 }, { at: '/body', check: 'schema.response' });
    assert.equal(finding?.at, '/body/timestamp');
    assert.equal(finding?.check, 'schema.response');
  });

  it('reports one schema rule broken at several places once, at its first place, naming the others.', () => {
    const endpoint = { identifier: 'locations', url: 'https://x/locations' };
    const failures = registry.validate('2.2.1', 'VersionDetails', { version: '2.2.1', endpoints: [endpoint, endpoint, endpoint, endpoint, endpoint] }).filter((f) => f.status === 'fail');
    assert.deepEqual(failures.map((f) => [f.at, f.message]), [[
      '/endpoints/0/role',
      '/endpoints/0/role: required field "role" is missing (and 4 more like it: /endpoints/1/role, /endpoints/2/role, /endpoints/3/role, ...)',
    ]]);
  });

  it('refuses a name it has no schema for', () => {
    assert.throws(() => registry.validate('2.2.1', 'Lokation', {}), /no schema "Lokation"/);
  });
});
