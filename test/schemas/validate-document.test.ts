import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';
import { validateDocument } from '../../src/schemas/validate-document.js';

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../../../test/fixtures/schemas/2.2.1/Location.json', import.meta.url)), 'utf8')) as { valid: { minimal: Record<string, unknown>; full: Record<string, unknown> } };

describe('validateDocument', () => {
  const registry = schemaRegistry();
  const broken = { ...fixture.valid.minimal, country: 'NL' };

  it('validates a single object at the root', () => {
    assert.deepEqual(validateDocument(registry, '2.2.1', 'Location', broken).filter((f) => f.status === 'fail').map((f) => f.at), ['/country']);
  });

  it('validates each element of a list at its index', () => {
    assert.deepEqual(validateDocument(registry, '2.2.1', 'Location', [fixture.valid.full, broken]).filter((f) => f.status === 'fail').map((f) => f.at), ['/1/country']);
  });

  it('validates an envelope, then its data', () => {
    const envelope = { data: [broken], status_code: 1000, timestamp: '2026-01-01T00:00:00+01:00' };
    assert.deepEqual(validateDocument(registry, '2.2.1', 'Location', envelope).filter((f) => f.status === 'fail').map((f) => [f.check, f.at]), [['schema.envelope', '/timestamp'], ['schema', '/data/0/country']]);
  });

  it('names the ConnectorType and its values when a connector standard is wrong', () => {
    const location = structuredClone(fixture.valid.full) as { evses: Array<{ connectors: Array<{ standard: string }> }> };
    const connector = location.evses[0]?.connectors[0];
    assert.ok(connector);
    connector.standard = 'TYPE2';
    const [finding] = validateDocument(registry, '2.2.1', 'Location', location).filter((f) => f.status === 'fail');
    assert.match(finding?.message ?? '', /^\/evses\/0\/connectors\/0\/standard: "TYPE2" is not a ConnectorType \(expected one of CHADEMO, .*IEC_62196_T2/);
  });

  it('warns, and does not fail, on an unknown value of a 2.3.0 OpenEnum', () => {
    const connector = JSON.parse(readFileSync(fileURLToPath(new URL('../../../test/fixtures/schemas/2.3.0/Connector.json', import.meta.url)), 'utf8')) as { valid: { minimal: Record<string, unknown> } };
    const findings = validateDocument(registry, '2.3.0', 'Connector', { ...connector.valid.minimal, standard: 'X_FUTURE_PLUG' });
    assert.deepEqual(findings.map((f) => f.status), ['pass', 'warn']);
    assert.match(findings[1]?.message ?? '', /"X_FUTURE_PLUG" is not a known ConnectorType \(an OpenEnum accepts it/);
  });
});
