// Crawls the Locations of a reference CPO seeded with 1,000 and 10,000 Locations, through the real command line:
// a `mock` process serves, a `run` process crawls (LOC-01 and what it needs). Reports the run's wall time and its
// peak resident memory (VmHWM, read from /proc while it runs), and the mock's for context.
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/ocpi-conformance.js', import.meta.url).pathname;
const SIZES = [1_000, 10_000];
const PAGE_SIZES = (process.env.PAGE_SIZES ?? '10,100').split(',').map(Number);

function peakKb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function startMock(locations, pageSize) {
  const child = spawn(process.execPath, [BIN, 'mock', '--role', 'cpo', '--seed-locations', String(locations), '--page-size', String(pageSize)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.includes('\n')) resolve({ child, ready: JSON.parse(buffer.slice(0, buffer.indexOf('\n'))) });
    });
    child.on('exit', (code) => reject(new Error(`mock exited with ${code}`)));
  });
}

async function crawl(locations, pageSize, heapCapMb) {
  const { child: mock, ready } = await startMock(locations, pageSize);
  const report = join(mkdtempSync(join(tmpdir(), 'crawl-bench-')), 'report.json');
  const started = performance.now();
  const cap = heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [];
  const run = spawn(process.execPath, [...cap, BIN, 'run', '--versions-url', ready.versionsUrl, '--token', ready.tokenA, '--only', 'VER-01,VER-02,CRED-02,LOC-01', '--quiet', '--report-json', report], { stdio: 'ignore' });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, peakKb(run.pid))), 20);
  const code = await new Promise((resolve) => run.on('exit', resolve));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  const mockPeak = peakKb(mock.pid);
  mock.kill('SIGINT');
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const loc01 = result.cases.find((c) => c.id === 'LOC-01');
  const objects = loc01.findings.find((f) => f.check === 'schema.response' && f.status === 'pass')?.message ?? '?';
  return { locations, pageSize, heap: heapCapMb ? `${heapCapMb} MB` : 'default', code, status: loc01.status, wallMs, peakMb: peak / 1024, mockPeakMb: mockPeak / 1024, objects, pages: Math.ceil(locations / pageSize) };
}

console.log(`node ${process.version}`);
console.log('locations  page  pages  old-space  exit  LOC-01   wall time   run peak RSS   mock peak RSS   schema.response');
// The capped runs show what the crawl retains: a run that kept the pages could not finish 10,000 Locations in 24 MB.
const plan = [...PAGE_SIZES.flatMap((pageSize) => SIZES.map((size) => [size, pageSize])), ...SIZES.map((size) => [size, 10, 24])];
for (const [size, pageSize, cap] of plan) {
  const r = await crawl(size, pageSize, cap);
  console.log(`${String(r.locations).padStart(9)}  ${String(r.pageSize).padStart(4)}  ${String(r.pages).padStart(5)}  ${r.heap.padStart(9)}  ${String(r.code).padStart(4)}  ${r.status.padEnd(7)}  ${(r.wallMs / 1000).toFixed(2).padStart(7)} s  ${r.peakMb.toFixed(0).padStart(9)} MB  ${r.mockPeakMb.toFixed(0).padStart(11)} MB   ${r.objects}`);
}
