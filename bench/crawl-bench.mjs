// Crawls the Locations of a reference CPO seeded with 10,000 and 100,000 Locations (SIZES), through the real command
// line: a `mock` process serves, a `run` process crawls (LOC-01 and what it needs). Reports the run's wall time and its
// peak resident memory (VmHWM, read from /proc while it runs), and the mock's for context; each row is the median of
// REPEAT runs (3 by default). The rows with the old space capped (CAP_MB) show what the crawl retains.
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/ocpi-conformance.js', import.meta.url).pathname;
const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const PAGE_SIZES = (process.env.PAGE_SIZES ?? '100').split(',').map(Number);
const CAP_MB = Number(process.env.CAP_MB ?? 24);
const REPEAT = Number(process.env.REPEAT ?? 3);

function peakKb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function startMock(locations, pageSize) {
  const child = spawn(process.execPath, [BIN, 'mock', '--role', 'cpo', '--seed-locations', String(locations), '--page-size', String(pageSize)], { stdio: ['ignore', 'pipe', 'ignore'] });
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
  // RUN_NODE_FLAGS: V8 flags for the run process (e.g. --max-semi-space-size=2), to measure their effect on memory.
  const cap = [...(heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : []), ...(process.env.RUN_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
  const run = spawn(process.execPath, [...cap, BIN, 'run', '--versions-url', ready.versionsUrl, '--token', ready.tokenA, '--only', 'VER-01,VER-02,CRED-02,LOC-01', '--quiet', '--report-json', report], { stdio: 'ignore' });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, peakKb(run.pid))), 20);
  const code = await new Promise((resolve) => run.on('exit', resolve));
  clearInterval(timer);
  const wallMs = performance.now() - started;
  const mockPeak = peakKb(mock.pid);
  mock.kill('SIGINT');
  // A run that ran out of memory writes no report, or an empty one (it died writing it): its row says so.
  const result = readReport(report);
  const loc01 = result.cases.find((c) => c.id === 'LOC-01') ?? { status: 'no report', findings: [] };
  const objects = loc01.findings.find((f) => f.check === 'schema.response' && f.status === 'pass')?.message ?? '?';
  return { locations, pageSize, heap: heapCapMb ? `${heapCapMb} MB` : 'default', code, status: loc01.status, wallMs, peakMb: peak / 1024, mockPeakMb: mockPeak / 1024, objects, pages: Math.ceil(locations / pageSize) };
}

function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { cases: [] };
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log(`node ${process.version}, median of ${REPEAT} runs per row${process.env.RUN_NODE_FLAGS ? `, run process flags: ${process.env.RUN_NODE_FLAGS}` : ''}`);
console.log('locations  page  pages  old-space  exit  LOC-01   wall time   run peak RSS   mock peak RSS   schema.response');
// The capped runs show what the crawl retains: a run that kept the pages or a string per object could not finish.
// CAP_MB=0 leaves the capped rows out.
const plan = [...PAGE_SIZES.flatMap((pageSize) => SIZES.map((size) => [size, pageSize])), ...(CAP_MB > 0 ? SIZES.map((size) => [size, PAGE_SIZES[0], CAP_MB]) : [])];
const peaks = new Map();
for (const [size, pageSize, cap] of plan) {
  const runs = [];
  for (let i = 0; i < REPEAT; i += 1) runs.push(await crawl(size, pageSize, cap));
  const r = { ...runs[0], wallMs: median(runs.map((x) => x.wallMs)), peakMb: median(runs.map((x) => x.peakMb)), mockPeakMb: median(runs.map((x) => x.mockPeakMb)), code: runs.map((x) => x.code).join('/'), status: [...new Set(runs.map((x) => x.status))].join('/') };
  peaks.set(`${size} ${pageSize} ${r.heap}`, r.peakMb);
  console.log(`${String(r.locations).padStart(9)}  ${String(r.pageSize).padStart(4)}  ${String(r.pages).padStart(5)}  ${r.heap.padStart(9)}  ${r.code.padStart(4)}  ${r.status.padEnd(7)}  ${(r.wallMs / 1000).toFixed(2).padStart(7)} s  ${r.peakMb.toFixed(0).padStart(9)} MB  ${r.mockPeakMb.toFixed(0).padStart(11)} MB   ${r.objects}`);
}
if (SIZES.length === 2) {
  for (const heap of ['default', ...(CAP_MB > 0 ? [`${CAP_MB} MB`] : [])]) {
    const [small, large] = SIZES.map((size) => peaks.get(`${size} ${PAGE_SIZES[0]} ${heap}`));
    console.log(`peak RSS ${SIZES[1]} vs ${SIZES[0]}, old space ${heap}: ${(large / small).toFixed(2)}x (${large.toFixed(0)} MB vs ${small.toFixed(0)} MB)`);
  }
}
