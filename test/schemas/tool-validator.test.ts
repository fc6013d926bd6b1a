import assert from 'node:assert/strict';
import { loadPrecompiled } from '../../src/schemas/load-precompiled.js';
import { toolSchemaHash, toolValidator, type ToolSchema } from '../../src/schemas/tool-validator.js';
import { RUN_SETTINGS } from '../../src/config/run-settings-schema.js';
import { BASELINE_SCHEMA } from '../../src/config/baseline-file.js';

describe('toolValidator', () => {
  for (const tool of [RUN_SETTINGS, BASELINE_SCHEMA]) {
    it(`finds the ${tool.bundle} validator precompiled at build time from the schema as it is`, () => {
      assert.ok(loadPrecompiled(tool.bundle, toolSchemaHash(tool))?.['main'], 'dist/validators is missing or stale: run npm run build');
    });
  }

  it('compiles a schema no bundle was built from, and reports its errors', () => {
    const tool: ToolSchema = { bundle: 'not-built', schema: { type: 'object', required: ['a'], properties: { a: { type: 'integer' } } }, allErrors: true };
    const validate = toolValidator<{ a: number }>(tool);
    assert.equal(validate({ a: 1 }), true);
    assert.equal(validate({ a: 'x' }), false);
    assert.equal(validate.errors?.[0]?.instancePath, '/a');
  });

  it('stops at the first error when the schema asks for it, as the precompiled validator does', () => {
    const validate = toolValidator(BASELINE_SCHEMA);
    assert.equal(validate({ knownFailures: [{ case: 'x' }], extra: 1 }), false);
    assert.equal(validate.errors?.length, 1);
  });
});
