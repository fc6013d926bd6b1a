import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPrecompiled, versionBundle, writeCodeCache } from '../../src/schemas/load-precompiled.js';
import { precompileVersion } from '../../src/schemas/precompile-validators.js';
import { readSchemaFolder } from '../../src/schemas/schema-folder.js';
import { SCHEMA_ROOT, SchemaRegistry } from '../../src/schemas/schema-registry.js';
import { OCPI_VERSIONS } from '../../src/model/ocpi-version.js';
import { build, fixtureFiles } from '../helpers/schema-fixtures.js';

const precompiled = new SchemaRegistry();
const compiled = new SchemaRegistry(SCHEMA_ROOT, { precompiled: false });

describe('the validators precompiled at build time', () => {
  for (const version of OCPI_VERSIONS) {
    it(`are the ones the registry uses for the OCPI ${version} schemas, built from the schema files as they are`, () => {
      assert.equal(precompiled.usesPrecompiled(version), true, 'dist/validators is missing or stale: run npm run build');
      assert.equal(compiled.usesPrecompiled(version), false);
    });

    it(`report exactly what validators compiled at run time report, on every OCPI ${version} fixture`, () => {
      let compared = 0;
      for (const [name, fixture] of fixtureFiles(version)) {
        const documents = [...Object.values(fixture.valid), ...fixture.invalid.map((broken) => build(fixture, broken)), {}, null, [], 'x'];
        for (const document of documents) {
          assert.deepEqual(precompiled.validate(version, name, document), compiled.validate(version, name, document), `${version} ${name}: ${JSON.stringify(document)}`);
          compared += 1;
        }
      }
      assert.ok(compared > 100, `only ${compared} documents compared`);
    });
  }

  it('are loaded by preload, before the first validation, which then reads no schema file', () => {
    const root = mkdtempSync(join(tmpdir(), 'ocpi-schemas-'));
    cpSync(join(SCHEMA_ROOT, '2.2.1'), join(root, '2.2.1'), { recursive: true });
    const registry = new SchemaRegistry(root, { precompiled: true });
    try {
      registry.preload('2.2.1');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    assert.equal(registry.usesPrecompiled('2.2.1'), true);
    assert.deepEqual(registry.validate('2.2.1', 'DisplayText', { language: 'en', text: 'Open 24/7' }).map((f) => f.status), ['pass']);
  });

  it('report an unknown value of an OpenEnum as a warning, with its path, as compiled ones do.', () => {
    const connector = { id: '1', standard: 'X_FUTURE_PLUG', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 230, max_amperage: 16, last_updated: '2026-01-01T00:00:00Z' };
    const findings = precompiled.validate('2.3.0', 'Connector', connector, { at: '/data' });
    assert.deepEqual(findings.map((f) => [f.status, f.at]), [['pass', '/data'], ['warn', '/data/standard']]);
    assert.deepEqual(findings, compiled.validate('2.3.0', 'Connector', connector, { at: '/data' }));
  });

  it('call an object cleanly valid only when it is valid and has no unknown OpenEnum value, as compiled ones do.', () => {
    const connector = { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 230, max_amperage: 16, last_updated: '2026-01-01T00:00:00Z' };
    for (const registry of [precompiled, compiled]) {
      assert.equal(registry.isCleanlyValid('2.3.0', 'Connector', connector), true);
      assert.equal(registry.isCleanlyValid('2.3.0', 'Connector', { ...connector, standard: 'X_FUTURE_PLUG' }), false);
      assert.equal(registry.isCleanlyValid('2.3.0', 'Connector', { ...connector, max_voltage: 'high' }), false);
    }
  });

  describe('loadPrecompiled', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'precompiled-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('loads a bundle built from schemas with the hash it is asked for.', () => {
      const folder = readSchemaFolder(SCHEMA_ROOT, '2.2.1');
      writeFileSync(join(root, `${versionBundle('2.2.1')}.js`), precompileVersion('2.2.1', folder));
      const validators = loadPrecompiled(versionBundle('2.2.1'), folder.hash, root);
      assert.equal(validators?.['Role']?.('CPO'), true);
      assert.equal(validators?.['Role']?.('MSP'), false);
    });

    it('loads a bundle with the code cache the build writes, or with a cache that does not fit it, to the same validators.', () => {
      const folder = readSchemaFolder(SCHEMA_ROOT, '2.2.1');
      const bundle = versionBundle('2.2.1');
      writeFileSync(join(root, `${bundle}.js`), precompileVersion('2.2.1', folder));
      writeCodeCache(bundle, [{}, null], root);
      const location = { id: 'L1' };
      const cached = loadPrecompiled(bundle, folder.hash, root);
      writeFileSync(join(root, `${bundle}.cache`), 'not a V8 code cache');
      const rejected = loadPrecompiled(bundle, folder.hash, root);
      for (const validators of [cached, rejected]) {
        assert.equal(validators?.['Role']?.('CPO'), true);
        assert.equal(validators?.['Role']?.('MSP'), false);
        assert.equal(validators?.['Location']?.(location), false);
        assert.ok(validators?.['Location']?.errors?.some((error) => error.keyword === 'required'));
      }
    });

    it('ignores a bundle built from other schemas (a schema edited since the build), so the caller compiles instead.', () => {
      const folder = readSchemaFolder(SCHEMA_ROOT, '2.2.1');
      writeFileSync(join(root, `${versionBundle('2.2.1')}.js`), precompileVersion('2.2.1', folder));
      assert.equal(loadPrecompiled(versionBundle('2.2.1'), '0'.repeat(64), root), undefined);
    });

    it('returns nothing when there is no bundle.', () => {
      assert.equal(loadPrecompiled('ocpi-9.9.9', '0'.repeat(64), root), undefined);
    });
  });
});
