// Benchmarks the schema registry (run by hand: `npm run build && node bench/validate-bench.mjs`; figures go in bench/README.md).
// 1. Validations per second of a 2.2.1 Location with 10 EVSEs of 2 connectors each: through the registry (findings
//    included) and through the raw compiled Ajv function on the same data.
// 2. Start-up time of `ocpi-conformance validate` on one small file, against bare `node -e 0`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_ROOT, SchemaRegistry } from '../dist/src/schemas/schema-registry.js';

const root = new URL('..', import.meta.url).pathname;
const fixture = JSON.parse(readFileSync(join(root, 'test/fixtures/schemas/2.2.1/Location.json'), 'utf8'));
const base = fixture.valid.full;
const evse = base.evses[0];
const connector = evse.connectors[0];
const location = {
  ...base,
  evses: Array.from({ length: 10 }, (_, i) => ({
    ...evse,
    uid: `EVSE-${i}`,
    evse_id: `NL*KHL*E${1000 + i}`,
    connectors: [1, 2].map((n) => ({ ...connector, id: String(n) })),
  })),
};

const registry = new SchemaRegistry();
const findings = registry.validate('2.2.1', 'Location', location);
if (findings.some((f) => f.status === 'fail')) throw new Error(`bench data invalid: ${findings.map((f) => f.message).join('; ')}`);
const raw = registry.validator('2.2.1', 'Location');

function rate(label, fn, seconds = 3) {
  for (let i = 0; i < 2000; i += 1) fn(); // warm-up
  let count = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 500; i += 1) fn();
    count += 500;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = Math.round(count / elapsed);
  console.log(`${label.padEnd(34)} ${perSecond.toLocaleString('en')} validations/s`);
  return perSecond;
}

console.log(`Location: ${JSON.stringify(location).length} bytes, 10 EVSEs x 2 connectors`);
const viaRegistry = rate('registry.validate (findings)', () => registry.validate('2.2.1', 'Location', location));
const viaAjv = rate('raw precompiled function', () => raw(location));
const compiled = new SchemaRegistry(SCHEMA_ROOT, { precompiled: false }).validator('2.2.1', 'Location');
rate('raw function compiled at run time', () => compiled(location));
console.log(`registry overhead: ${((viaAjv / viaRegistry - 1) * 100).toFixed(0)}%`);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function time(args, runs = 15) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, args, { stdio: 'ignore' });
    } catch {
      // validate exits 1 for invalid files; only the time matters here
    }
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}
const dir = mkdtempSync(join(tmpdir(), 'ocpi-bench-'));
const file = join(dir, 'credentials.json');
writeFileSync(file, JSON.stringify({ token: 'abc-123', url: 'https://x.example.net/versions', roles: [{ role: 'CPO', party_id: 'ABC', country_code: 'NL', business_details: { name: 'n' } }] }));
const bare = time(['-e', '0']);
const validate = time([join(root, 'bin/ocpi-conformance.js'), 'validate', '--ocpi-version', '2.2.1', '--object', 'Credentials', file]);
// The first validation of a Location and of a CDR in a fresh process: the schemas compiled at run time (and Ajv
// loaded) or the version's bundle precompiled at build time loaded.
const first = (precompiled) => time(['--input-type=module', '-e', `import { SCHEMA_ROOT, SchemaRegistry } from ${JSON.stringify(join(root, 'dist/src/schemas/schema-registry.js'))}; const r = new SchemaRegistry(SCHEMA_ROOT, { precompiled: ${precompiled} }); r.validate('2.2.1', 'Location', {}); r.validate('2.2.1', 'CDR', {});`]);
const compiledFirst = first(false);
const precompiledFirst = first(true);
console.log(`start-up, bare node:                ${bare.toFixed(0)} ms (median of 15)`);
console.log(`first Location + CDR, compiled:     ${compiledFirst.toFixed(0)} ms (median of 15, a fresh process)`);
console.log(`first Location + CDR, precompiled:  ${precompiledFirst.toFixed(0)} ms (median of 15, a fresh process)`);
console.log(`start-up, validate one small file:  ${validate.toFixed(0)} ms (median of 15)`);
