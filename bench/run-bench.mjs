// A full CPO run (every default case, commands allowed: what `run --embedded cpo` runs) against the reference CPO
// answering every request LATENCY_MS late, in one process as --embedded runs it, at several concurrencies; and, side by
// side, the run's critical path: the longest chain of dependent exchanges times the latency. Each run is a fresh child
// process (schemas compile once per process, as in a real run), repeated REPEATS times; the median is reported.
//
// The critical path is computed from the concurrency-1 runs, where one case runs at a time: every request the target
// receives belongs to the case running then. A case's weight is its longest chain of requests that did not overlap
// (its probes sent at once count once); cases chain through `requires`/`provides` and `after` within a stage, and
// stages run one after another, so the path is the sum over stages of each stage's heaviest chain. A second path
// weighs the same chains in milliseconds and adds what each case waited for the target's own requests (a command's
// asynchronous result, which the reference party posts 20 ms after its answer): no schedule can shorten that either.
// A third weighs each request by the time the target itself took over it (measured at the target): its latency and its
// own work, which no tester can shorten, so the run's ratio to it is the tester's own cost.
// "Warm" runs find the schemas compiled (one run before, in the same process), as validators compiled at build time
// would; "cold" runs compile them as they go, as `run` does today. Environment: LATENCY_MS (50), REPEATS (3),
// CONCURRENCIES (1,2,4,8,16; the default is always added), TARGET (`process`: the target in a warm process of its own),
// RUN_NODE_FLAGS (node flags for each run's process; each bounds its heap's growth as `run` does unless they set it).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LATENCY_MS = Number(process.env.LATENCY_MS ?? 50);
const REPEATS = Number(process.env.REPEATS ?? 3);
// TARGET=process: the reference CPO runs in a warm process of its own, not in the run's (see startPartyProcess).
const SEPARATE = process.env.TARGET === 'process';
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;

/**
 * One run, in this process: prints what the parent needs as one line of JSON. `warm` runs once before, without latency,
 * so that the measured run finds its schemas compiled (what validators precompiled at build time would give).
 */
async function measureOne(concurrency, warm) {
  const warnings = [];
  process.on('warning', (warning) => warnings.push(warning.name));
  // As the command line does for `run` (src/cli/heap-growth.ts).
  (await import(dist('src/cli/heap-growth.js'))).boundHeapGrowth();
  const { loadRunConfig, run, startReferenceParty } = await import(dist('src/index.js'));
  if (warm) await run(loadRunConfig({ flags: { embedded: 'cpo', quiet: true }, env: {} }));
  const requests = [];
  const onExchange = (exchange) => requests.push({ at: Date.parse(exchange.timings.startedAt), ms: exchange.timings.durationMs });
  const party = SEPARATE ? await startPartyProcess(onExchange) : await startReferenceParty({ role: 'cpo', latencyMs: LATENCY_MS, onExchange });
  const windows = {};
  const listener = (event) => {
    if (event.type === 'case-start') windows[event.id] = { start: Date.now() };
    if (event.type === 'case-end' && windows[event.result.id]) windows[event.result.id].end = Date.now();
  };
  const flags = { versionsUrl: party.versionsUrl, token: party.tokenA.reveal(), role: 'cpo', allowCommands: true, quiet: true, ...(concurrency ? { concurrency } : {}) };
  const config = loadRunConfig({ flags, env: {} });
  // Timed around run(): the run reads the target's versions list before its own clock starts (to choose the version),
  // and that round trip is part of the path too (outside any case).
  const began = performance.now();
  const result = await run(config, { listeners: [listener] });
  const wallMs = Math.round(performance.now() - began);
  await party.stop();
  const statuses = Object.fromEntries(result.cases.map((c) => [c.id, c.status]));
  const evidence = Object.fromEntries(result.cases.map((c) => [c.id, c.exchanges.map((e) => ({ inbound: e.direction === 'inbound', at: Date.parse(e.timings.startedAt), ms: e.timings.durationMs }))]));
  process.stdout.write(`${JSON.stringify({ concurrency: config.concurrency, durationMs: wallMs, summary: result.summary, statuses, warnings, windows, requests, evidence })}\n`);
}

/**
 * The reference CPO in a process of its own (TARGET=process), as the implementation a user points the tester at runs:
 * the run's process then does its own work only, not the target's (serving pages, timers). The target is warm, as a
 * server in use is: its process first serves an embedded run of its own, then starts a fresh party for the measured
 * run. Its exchanges come back over IPC, for the critical path.
 */
async function startPartyProcess(onExchange) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = await new Promise((resolve, reject) => {
    child.on('message', (message) => (message.type === 'ready' ? resolve(message) : onExchange(message.exchange)));
    child.once('exit', (code) => reject(new Error(`the reference CPO exited with ${code}`)));
  });
  return {
    versionsUrl: ready.versionsUrl,
    tokenA: { reveal: () => ready.token },
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve);
      child.send({ type: 'stop' });
    }),
  };
}

/** The target's process (TARGET=process): warms its code with an embedded run, then serves a fresh reference CPO. */
async function serve() {
  const { loadRunConfig, run, startReferenceParty } = await import(dist('src/index.js'));
  await run(loadRunConfig({ flags: { embedded: 'cpo', allowCommands: true, quiet: true }, env: {} }));
  const onExchange = (exchange) => process.send({ type: 'exchange', exchange: { timings: exchange.timings } });
  const party = await startReferenceParty({ role: 'cpo', latencyMs: LATENCY_MS, onExchange });
  process.on('message', async (message) => {
    if (message.type !== 'stop') return;
    await party.stop();
    process.disconnect();
  });
  process.send({ type: 'ready', versionsUrl: party.versionsUrl, token: party.tokenA.reveal() });
}

function measure(concurrency, warm) {
  const flags = (process.env.RUN_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url), '--one', String(concurrency ?? 0), warm ? 'warm' : 'cold'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`run exited with ${code}`)))));
}

/**
 * The longest run of `intervals` that follow one another without overlapping (1 ms of clock rounding allowed): how many
 * requests, and the milliseconds the target took over them (its latency and its own work).
 */
function sequentialChain(intervals) {
  let depth = 0;
  let ms = 0;
  let free = -Infinity;
  for (const interval of [...intervals].sort((a, b) => a.at + a.ms - (b.at + b.ms))) {
    if (interval.at < free - 1) continue;
    depth += 1;
    ms += interval.ms;
    free = interval.at + interval.ms;
  }
  return { depth, ms };
}

/** Each case's sequential requests (`depth`, and `ms` at the target) in a concurrency-1 run; requests outside any case are `''`. */
function chains(one) {
  const ids = Object.keys(one.windows).sort((a, b) => one.windows[a].start - one.windows[b].start);
  const owner = (at) => ids.findLast((id) => one.windows[id].start <= at && at <= one.windows[id].end) ?? '';
  const byCase = new Map();
  for (const request of one.requests) byCase.set(owner(request.at), [...(byCase.get(owner(request.at)) ?? []), request]);
  return new Map([...byCase].map(([id, intervals]) => [id, sequentialChain(intervals)]));
}

/** Each case's weight (sequential requests) from a concurrency-1 run. */
const weights = (one) => new Map([...chains(one)].map(([id, chain]) => [id, chain.depth]));

/**
 * What each case waited for the target beyond its own requests, in a concurrency-1 run: from the end of its last request
 * to a request the target sent it (an asynchronous result, posted a moment after the answer).
 */
function targetWaits(one) {
  return new Map(Object.entries(one.evidence).map(([id, exchanges]) => {
    let free;
    let waited = 0;
    for (const { inbound, at, ms } of [...exchanges].sort((a, b) => a.at - b.at)) {
      if (inbound && free !== undefined && at > free) waited += at - free;
      free = Math.max(free ?? at, at + ms);
    }
    return [id, waited];
  }));
}

/** The critical path of the plan with these weights: per stage its heaviest chain, summed over the stages. */
async function criticalPath(weight) {
  const { ALL_CASES } = await import(dist('suites/index.js'));
  const { selectCases } = await import(dist('src/runner/select-cases.js'));
  const { STAGES } = await import(dist('src/model/stage.js'));
  const plan = selectCases(ALL_CASES, { version: '2.2.1', role: 'cpo', only: [], profile: 'full' });
  // The executor's own rule (a provider declared to run after a case is not waited for: CRED-05, then VER-07).
  const { waitsOn } = await import(dist('src/runner/waits-on.js'));
  const chain = [];
  let total = weight.get('') ?? 0;
  for (const stage of STAGES) {
    const cases = plan.filter((c) => c.stage === stage);
    const best = new Map();
    // The heaviest chain ending at each case (stages hold no cycles in a sound plan).
    const heaviest = (c) => {
      if (best.has(c.id)) return best.get(c.id);
      best.set(c.id, { sum: 0, path: [] });
      const before = cases.filter((e) => waitsOn(c, e)).map(heaviest).reduce((a, b) => (b.sum > a.sum ? b : a), { sum: 0, path: [] });
      const own = weight.get(c.id) ?? 0;
      const found = { sum: before.sum + own, path: [...before.path, `${c.id}(${own})`] };
      best.set(c.id, found);
      return found;
    };
    const top = cases.map(heaviest).reduce((a, b) => (b.sum > a.sum ? b : a), { sum: 0, path: [] });
    total += top.sum;
    chain.push(...top.path);
  }
  return { exchanges: total, chain, outside: weight.get('') ?? 0 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const { DEFAULT_SETTINGS } = await import(dist('src/config/run-config.js'));
  const concurrencies = [...(process.env.CONCURRENCIES ?? '1,2,4,8,16').split(',').map(Number), 'default'];
  const runs = new Map(concurrencies.flatMap((c) => [[`${c} cold`, []], [`${c} warm`, []]]));
  // Interleaved, so that a slow moment of the machine falls on every concurrency alike.
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    for (const concurrency of concurrencies) {
      for (const warmth of ['cold', 'warm']) runs.get(`${concurrency} ${warmth}`).push(await measure(concurrency === 'default' ? undefined : concurrency, warmth === 'warm'));
    }
  }
  const ones = runs.get('1 cold') ?? [await measure(1, false)];
  const paths = await Promise.all(ones.map((one) => criticalPath(weights(one))));
  const path = paths[0];
  const pathMs = path.exchanges * LATENCY_MS;
  // The same plan weighed in milliseconds: each case's sequential requests times the latency, plus what it waited for
  // the target's own requests (its asynchronous results), which no schedule can shorten either.
  const waits = targetWaits(ones[0]);
  const withWaits = await criticalPath(new Map([...weights(ones[0])].map(([id, depth]) => [id, depth * LATENCY_MS + (waits.get(id) ?? 0)])));
  // And weighed by what the target itself took for each of those requests (its latency and its own work, measured at
  // the target, one request at a time): what a tester that cost nothing would take against this target.
  const atTargetPace = await criticalPath(new Map([...chains(ones[0])].map(([id, chain]) => [id, Math.round(chain.ms) + (waits.get(id) ?? 0)])));
  console.log(`node ${process.version}, latency ${LATENCY_MS} ms, median of ${REPEATS} runs each (min..max)`);
  console.log(`critical path: ${path.exchanges} exchanges x ${LATENCY_MS} ms = ${pathMs} ms (the concurrency-1 runs gave ${paths.map((p) => p.exchanges).join(', ')})`);
  console.log(`  ${path.chain.join(' > ')}${path.outside ? ` + ${path.outside} outside cases` : ''}`);
  console.log(`with the target's own waits (its asynchronous results): ${withWaits.exchanges} ms`);
  console.log(`  ${withWaits.chain.join(' > ')}`);
  console.log(`and at the target's own pace (its measured time per request, and its waits): ${atTargetPace.exchanges} ms`);
  console.log('cold: a fresh process, as `run` is; warm: schemas already compiled in the process');
  console.log('ratios: to the critical path / to the path with the target\'s own waits / at the target\'s own pace');
  console.log(`${'concurrency'.padEnd(12)}  ${'cold run'.padEnd(30)}${'ratios'.padEnd(24)}${'warm run'.padEnd(30)}${'ratios'.padEnd(24)}failed or errored   warnings`);
  const cell = (measured) => {
    const times = measured.map((m) => m.durationMs);
    return `${String(median(times)).padStart(5)} ms (${Math.min(...times)}..${Math.max(...times)} ms)`.padEnd(30) + `${(median(times) / pathMs).toFixed(2)}x / ${(median(times) / withWaits.exchanges).toFixed(2)}x / ${(median(times) / atTargetPace.exchanges).toFixed(2)}x`.padEnd(24);
  };
  for (const concurrency of concurrencies) {
    const cold = runs.get(`${concurrency} cold`);
    const warm = runs.get(`${concurrency} warm`);
    const label = concurrency === 'default' ? `${DEFAULT_SETTINGS.concurrency} (default)` : String(concurrency);
    const all = [...cold, ...warm];
    const broken = new Set(all.flatMap((m) => Object.entries(m.statuses).filter(([, s]) => s === 'failed' || s === 'errored').map(([id, s]) => `${id} ${s}`)));
    const warnings = new Set(all.flatMap((m) => m.warnings));
    console.log(`${label.padEnd(12)}  ${cell(cold)}${cell(warm)}${([...broken].join(', ') || '-').padEnd(17)}   ${[...warnings].join(', ') || '-'}`);
  }
}

if (process.argv[2] === '--serve') await serve();
else if (process.argv[2] === '--one') await measureOne(Number(process.argv[3]), process.argv[4] === 'warm');
else await main();
