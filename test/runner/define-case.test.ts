import assert from 'node:assert/strict';
import { defineCase, specFor, type CaseInput } from '../../src/runner/define-case.js';

const input: CaseInput = {
  id: 'TEST-02',
  title: 'a case',
  module: 'versions',
  versions: ['2.2.1'],
  spec: { version: '2.2.1', section: 'Versions module', rule: 'the rule' },
  severity: 'required',
  checks: ['http.status'],
  run: async () => undefined,
};

describe('defineCase', () => {
  it('takes one spec reference for a case of one version, as its only reference.', () => {
    const c = defineCase(input);
    assert.deepEqual(c.specs, [input.spec]);
    assert.equal(c.spec, c.specs[0]);
  });

  it('takes a reference per version and gives each version its own, the first for a version it does not cite.', () => {
    const c = defineCase({ ...input, versions: ['2.1.1', '2.2.1'], spec: [{ version: '2.2.1', section: 'versions, 2.2.1', rule: 'r' }, { version: '2.1.1', section: 'version_information_endpoint.md', rule: 'r' }] });
    assert.equal(specFor(c, '2.1.1').section, 'version_information_endpoint.md');
    assert.equal(specFor(c, '2.2.1').section, 'versions, 2.2.1');
    assert.equal(specFor(c, '2.3.0').section, 'versions, 2.2.1');
  });

  it('refuses a case that covers a version without citing its section, or cites a version it does not cover.', () => {
    assert.throws(() => defineCase({ ...input, versions: ['2.2.1', '2.3.0'] }), /covers OCPI 2\.3\.0 but cites no section of it/);
    assert.throws(() => defineCase({ ...input, spec: [{ version: '2.2.1', section: 's', rule: 'r' }, { version: '2.1.1', section: 's', rule: 'r' }] }), /cites OCPI 2\.1\.1, a version it does not cover/);
    assert.throws(() => defineCase({ ...input, spec: [] }), /cites no rule/);
  });
});
