// The crawl's overhead per page, against the anchors a user would compare with, measured side by side in one run
// (run by hand: `npm run build && node bench/crawl-overhead-bench.mjs`; figures go in bench/README.md).
// A reference CPO serving N Locations (SEED, 10,000 by default) in pages of 100 runs in a child process, so that its
// CPU is not counted. This process crawls the whole list, ROUNDS times each, interleaved, in three ways:
//   got        a bare got 14 loop: GET, JSON.parse, follow Link rel="next"; nothing judged, nothing recorded;
//   got+ajv    the same, plus the compiled Ajv Location validator on every Location;
//   client     our OcpiClient alone following the Links, nothing judged (to split the overhead);
//   LOC-01     the real case (suites' LOC-01 `run`) through a real CaseContext and OcpiClient: every check, the
//              redactor, the evidence, the tallies.
// Reports the median wall time and CPU time (process.cpuUsage, user + system) per page of each, and their ratios.
import { fork } from 'node:child_process';
import got from 'got';
import { Secret } from '../dist/src/config/secret.js';
import { startReferenceParty } from '../dist/src/parties/reference-party.js';
import { CaseContext } from '../dist/src/runner/case-context.js';
import { Compensations } from '../dist/src/runner/compensations.js';
import { DEFAULT_CRAWL_BOUNDS } from '../dist/src/runner/crawl-bounds.js';
import { SessionGuard } from '../dist/src/runner/session-guard.js';
import { schemaRegistry } from '../dist/src/schemas/schema-registry.js';
import { OcpiClient } from '../dist/src/transport/ocpi-client.js';
import { Redactor } from '../dist/src/transport/redactor.js';
import { ALL_CASES } from '../dist/suites/index.js';

const SEED = Number(process.env.SEED ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PAGE_SIZE = 100;
const TOKEN = 'crawl-overhead-bench-token-0123456789';

if (process.argv[2] === '--serve') {
  const party = await startReferenceParty({ role: 'cpo', seedLocations: SEED, pageSize: PAGE_SIZE });
  party.preRegister(new Secret(TOKEN));
  process.send({ versionsUrl: party.versionsUrl });
  process.on('disconnect', () => void party.stop().then(() => process.exit(0)));
} else {
  await main();
}

async function main() {
  const server = fork(new URL(import.meta.url).pathname, ['--serve'], { env: { ...process.env, SEED: String(SEED) }, execArgv: [] });
  const { versionsUrl } = await new Promise((resolve, reject) => {
    server.once('message', resolve);
    server.once('exit', (code) => reject(new Error(`the reference CPO exited with ${code}`)));
  });
  try {
    const authorization = `Token ${Buffer.from(TOKEN).toString('base64')}`;
    const routing = { 'ocpi-from-country-code': 'NL', 'ocpi-from-party-id': 'TST', 'ocpi-to-country-code': 'NL', 'ocpi-to-party-id': 'RCP' };
    const headers = { authorization, accept: 'application/json', ...routing };
    const versions = JSON.parse((await got(versionsUrl, { headers })).body).data;
    const details = JSON.parse((await got(versions.find((v) => v.version === '2.2.1').url, { headers })).body).data;
    const locationsUrl = details.endpoints.find((e) => e.identifier === 'locations' && e.role === 'SENDER').url;
    const validate = schemaRegistry().validator('2.2.1', 'Location');
    const ways = {
      got: () => bareCrawl(locationsUrl, headers, undefined),
      'got+ajv': () => bareCrawl(locationsUrl, headers, validate),
      'LOC-01': () => caseCrawl(locationsUrl, routing),
      client: () => clientCrawl(locationsUrl, routing),
    };
    // ONLY=LOC-01 measures one way alone (for a profile: node --cpu-prof bench/crawl-overhead-bench.mjs).
    if (process.env.ONLY) for (const name of Object.keys(ways)) if (!process.env.ONLY.split(',').includes(name)) delete ways[name];
    const samples = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
    for (const way of Object.values(ways)) await way(); // warm-up: JIT, sockets, compiled validators
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, way] of Object.entries(ways)) samples[name].push(await measure(way));
    }
    report(samples);
    // With ONLY set to one way, this is that way's peak memory (PEAK_RSS for the crawl-bench comparison).
    console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    server.disconnect();
  }
}

/** The anchor: follow the Links with got, parse each page, optionally validate each Location. */
async function bareCrawl(url, headers, validate) {
  let pages = 0;
  let next = url;
  while (next) {
    const response = await got(next, { headers, throwHttpErrors: false, retry: { limit: 0 }, followRedirect: false, timeout: { request: 30_000 }, responseType: 'text' });
    const body = JSON.parse(response.body);
    if (validate) for (const item of body.data) if (!validate(item)) throw new Error('an invalid Location');
    pages += 1;
    next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.link ?? '')?.[1];
  }
  return pages;
}

/** For the breakdown: our OcpiClient alone following the Links (recording, redactor, headers), nothing judged. */
async function clientCrawl(url, routing) {
  const redactor = new Redactor();
  const token = new Secret(TOKEN);
  const client = new OcpiClient({ timeoutMs: 30_000, maxResponseBytes: 20 * 1024 * 1024, tokenEncoding: 'base64', redactor, nextExchangeId: () => 'x', userAgent: 'bench' });
  let pages = 0;
  let next = url;
  while (next) {
    const response = await client.send({ method: 'GET', url: next, token, headers: routing });
    pages += 1;
    next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.link ?? '')?.[1];
  }
  return pages;
}

/** Ours: the real LOC-01 case through a real CaseContext and OcpiClient. */
async function caseCrawl(url, routing) {
  const definition = ALL_CASES.find((c) => c.id === 'LOC-01');
  const redactor = new Redactor();
  const token = new Secret(TOKEN);
  let n = 0;
  const client = new OcpiClient({ timeoutMs: 30_000, maxResponseBytes: 20 * 1024 * 1024, tokenEncoding: 'base64', redactor, nextExchangeId: () => `x${++n}`, userAgent: 'bench' });
  const partner = [{ countryCode: routing['ocpi-to-country-code'], partyId: routing['ocpi-to-party-id'], role: 'CPO' }];
  const state = new Map([
    ['session', { token, partner }],
    ['endpoints', [{ identifier: 'locations', role: 'SENDER', url }]],
  ]);
  const t = new CaseContext(definition, {
    client, peer: {}, redactor, state, guard: new SessionGuard(), compensations: new Compensations(), redirectsWarned: new Set(),
    crawlBounds: DEFAULT_CRAWL_BOUNDS, settings: { handshake: 'none', keepRegistration: true, allowCommands: false, targetRole: 'cpo' },
    version: '2.2.1', deadlineMs: 30_000, signal: new AbortController().signal, emit: () => undefined,
  });
  await definition.run(t);
  const failed = t.findings.filter((f) => f.status === 'fail');
  if (failed.length > 0) throw new Error(`LOC-01 failed: ${failed.map((f) => f.message).join('; ')}`);
  return Number(/held on (\d+) pages/.exec(t.findings.find((f) => f.check === 'pagination.page-size')?.message ?? '')?.[1] ?? 0);
}

async function measure(way) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const pages = await way();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { pages, wallMs: wallMs / pages, cpuMs: (used.user + used.system) / 1000 / pages };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(samples) {
  const pages = Object.values(samples)[0][0].pages;
  console.log(`node ${process.version}, ${SEED} Locations in ${pages} pages of ${PAGE_SIZE}, median of ${ROUNDS} interleaved rounds`);
  console.log('way        wall/page   cpu/page   wall range          wall vs got  vs got+ajv   cpu vs got  vs got+ajv');
  const stat = (name) => ({ wall: median(samples[name].map((s) => s.wallMs)), cpu: median(samples[name].map((s) => s.cpuMs)), walls: samples[name].map((s) => s.wallMs) });
  const base = samples.got ? stat('got') : stat(Object.keys(samples)[0]);
  const ajv = samples['got+ajv'] ? stat('got+ajv') : base;
  for (const name of Object.keys(samples)) {
    const s = stat(name);
    const range = `${Math.min(...s.walls).toFixed(2)}-${Math.max(...s.walls).toFixed(2)} ms`;
    const ratio = (a, b) => `${(a / b).toFixed(2)}x`.padStart(10);
    console.log(`${name.padEnd(9)} ${s.wall.toFixed(2).padStart(7)} ms ${s.cpu.toFixed(2).padStart(7)} ms   ${range.padEnd(18)} ${ratio(s.wall, base.wall)} ${ratio(s.wall, ajv.wall)}  ${ratio(s.cpu, base.cpu)} ${ratio(s.cpu, ajv.cpu)}`);
  }
  // Paired: each round's ratio of two ways measured back to back, then the median over the rounds. A slow moment of a
  // shared machine slows both ways of a round alike, so these move less than the ratios of the medians above.
  if (!samples['LOC-01'] || !samples.got || !samples['got+ajv']) return;
  console.log('paired ratios (median of the rounds, min..max)');
  const paired = (name, anchor, field) => {
    const ratios = samples[name].map((s, round) => s[field] / samples[anchor][round][field]);
    return `${median(ratios).toFixed(2)}x (${Math.min(...ratios).toFixed(2)}..${Math.max(...ratios).toFixed(2)})`;
  };
  for (const [name, anchor] of [['LOC-01', 'got+ajv'], ['LOC-01', 'got'], ['got+ajv', 'got']]) {
    console.log(`${`${name} vs ${anchor}`.padEnd(19)} wall ${paired(name, anchor, 'wallMs').padEnd(20)} cpu ${paired(name, anchor, 'cpuMs')}`);
  }
}
