import assert from 'node:assert/strict';
import { defineCase, severityFor, specFor, type CaseInput } from '../../src/runner/define-case.js';

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

  it('gives a case one round trip unless it declares more, and refuses any other number.', () => {
    assert.equal(defineCase(input).roundTrips, 1);
    assert.equal(defineCase({ ...input, roundTrips: 2 }).roundTrips, 2);
    assert.throws(() => defineCase({ ...input, roundTrips: 0 }), /TEST-02 declares 0 round trips: a whole number from 1/);
    assert.throws(() => defineCase({ ...input, roundTrips: 1.5 }), /a whole number from 1/);
  });

  it('gives a case one severity in every version it covers, or the one each version states.', () => {
    const spec = { section: 's', rule: 'r' };
    const alike = defineCase({ ...input, versions: ['2.1.1', '2.2.1'], spec: [{ version: '2.2.1', ...spec }, { version: '2.1.1', ...spec }], severity: 'required' });
    assert.deepEqual([severityFor(alike, '2.1.1'), severityFor(alike, '2.2.1')], ['required', 'required']);
    const weaker = defineCase({ ...input, versions: ['2.1.1', '2.2.1'], spec: [{ version: '2.2.1', ...spec }, { version: '2.1.1', ...spec }], severity: { '2.1.1': 'recommended', '2.2.1': 'required' } });
    assert.equal(weaker.severity, 'required');
    assert.deepEqual([severityFor(weaker, '2.1.1'), severityFor(weaker, '2.2.1')], ['recommended', 'required']);
  });

  it('refuses a per-version severity that leaves out a version the case covers, or names one it does not.', () => {
    const spec = [{ version: '2.2.1' as const, section: 's', rule: 'r' }, { version: '2.1.1' as const, section: 's', rule: 'r' }];
    assert.throws(() => defineCase({ ...input, versions: ['2.1.1', '2.2.1'], spec, severity: { '2.2.1': 'required' } }), /covers OCPI 2\.1\.1 but gives no severity for it/);
    assert.throws(() => defineCase({ ...input, versions: ['2.1.1', '2.2.1'], spec, severity: { '2.1.1': 'required', '2.2.1': 'required', '2.3.0': 'required' } }), /gives a severity for OCPI 2\.3\.0, a version it does not cover/);
  });
});
