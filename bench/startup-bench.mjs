// Start-up of the command line against bare Node: `node -e 0`, `--version`, `run --help`, `list`, and `validate` of
// one small Credentials file, each started N times, interleaved (one of each in turn, so a burst of load on the
// machine hits every command alike), reporting the median wall time and its ratio to `node -e 0`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/ocpi-conformance.js', import.meta.url).pathname;
const RUNS = Number(process.env.RUNS ?? 21);

const credentials = join(mkdtempSync(join(tmpdir(), 'startup-bench-')), 'credentials.json');
writeFileSync(credentials, JSON.stringify({
  token: 'bench-token-0123456789',
  url: 'https://example.com/ocpi/versions',
  roles: [{ role: 'CPO', party_id: 'ABC', country_code: 'NL', business_details: { name: 'Bench' } }],
}));

const COMMANDS = [
  ['node -e 0', ['-e', '0']],
  ['--version', [BIN, '--version']],
  ['run --help', [BIN, 'run', '--help']],
  ['list', [BIN, 'list']],
  ['validate one file', [BIN, 'validate', '--ocpi-version', '2.2.1', '--object', 'Credentials', credentials]],
];

const times = new Map(COMMANDS.map(([name]) => [name, []]));
for (let round = 0; round < RUNS; round += 1) {
  for (const [name, args] of COMMANDS) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    times.get(name).push(ms);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const anchor = median(times.get('node -e 0'));
console.log(`start-up, median of ${RUNS} runs each, interleaved (Node ${process.version})`);
for (const [name] of COMMANDS) {
  const ms = median(times.get(name));
  console.log(`${name.padEnd(20)} ${ms.toFixed(0).padStart(5)} ms   ${(ms / anchor).toFixed(2)}x node -e 0`);
}
