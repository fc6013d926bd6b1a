import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { follow, outputMatch, reportPath, startCli, type RunningCli } from '../helpers/run-cli.js';
import { deepJson, httpRequest, rawRequest, type RawAnswer } from '../helpers/raw-request.js';
import { LookaheadRuns } from '../helpers/lookahead-runs.js';

// The hostile test bed, inbound half: a "target" that misbehaves towards the tester's own endpoint while a real run
// waits for it (--handshake await). Each misbehaviour must leave the run ending on time with a report, no crash, and no
// token in any output. (test/hostile/hostile-target.ts is the other half: a target that misbehaves in its answers.)

const DEADLINE_MS = 4000;
// Start-up, the run's deadline, teardown and reports: well past it means a hang.
const RUN_ENDS_WITHIN_MS = DEADLINE_MS + 12_000;
const WRONG_TOKEN = 'hostile-wrong-token-0123456789';

/** Where the run's peer listens and the Token A it issued, as the await notice prints them. */
interface PeerUnderAttack {
  readonly base: string;
  readonly versionsUrl: string;
  readonly tokenA: string;
  readonly credentials: string;
}

/** One exchange of the report, as much as the assertions read. */
interface ReportedExchange {
  readonly direction: string;
  readonly request: { readonly method: string; readonly url: string; readonly headers: Record<string, string>; readonly note?: string };
  readonly response?: { readonly status: number };
}

interface Misbehaviour {
  /** What the caller does, in words. */
  readonly name: string;
  /** Does it to the peer; resolves with what the peer answered (raw). */
  readonly act: (peer: PeerUnderAttack) => Promise<readonly RawAnswer[]>;
  /** What the peer must have answered and the report must hold. */
  readonly expect: (answers: readonly RawAnswer[], inbound: readonly ReportedExchange[]) => void;
}

const token = (value: string): Record<string, string> => ({ authorization: `Token ${Buffer.from(value).toString('base64')}` });
const notes = (inbound: readonly ReportedExchange[], pattern: RegExp): ReportedExchange[] => inbound.filter((e) => pattern.test(e.request.note ?? ''));

const MISBEHAVIOURS: readonly Misbehaviour[] = [
  {
    name: 'requests paths with malformed percent-encodings (/% and /ocpi/%E0%A4%A)',
    act: (peer) => Promise.all(['/%', '/ocpi/%E0%A4%A'].map((path) => rawRequest(peer.base, httpRequest('GET', path, { headers: token(peer.tokenA) })))),
    expect: (answers, inbound) => {
      assert.deepEqual(answers.map((a) => a.status), [400, 400]);
      assert.equal(notes(inbound, /malformed percent-encoding/).length, 2);
    },
  },
  {
    name: 'registers with a JSON body nested 100,000 deep',
    act: (peer) => Promise.all([rawRequest(peer.base, httpRequest('POST', peer.credentials, { headers: { ...token(peer.tokenA), 'content-type': 'application/json' }, body: deepJson(100_000) }))]),
    expect: (answers, inbound) => {
      assert.equal(answers[0]?.status, 400);
      assert.equal(notes(inbound, /nests deeper than 128 levels/).length, 1);
    },
  },
  {
    name: 'registers with a 20 MB body',
    act: (peer) => Promise.all([rawRequest(peer.base, httpRequest('POST', peer.credentials, { headers: { ...token(peer.tokenA), 'content-type': 'application/json' }, body: Buffer.alloc(20 * 1024 * 1024, 0x61) }), { timeoutMs: 15_000 })]),
    expect: (answers, inbound) => {
      assert.equal(answers[0]?.status, 413);
      assert.equal(notes(inbound, /answered 413, not kept/).length, 1);
    },
  },
  {
    name: 'opens a connection and sends its headers a byte at a time, never finishing (slowloris)',
    act: (peer) => slowloris(peer.base),
    expect: () => undefined,
  },
  {
    // 250 at once: well inside the listen backlog (511), so that a machine under load refuses none of them in the kernel
    // before the peer could answer (CI saw one such reset at 500 on 2 loaded cores).
    name: 'makes 250 callbacks at once with a token the tester never issued',
    act: (peer) => Promise.all(Array.from({ length: 250 }, () => rawRequest(peer.base, httpRequest('GET', new URL(peer.versionsUrl).pathname, { headers: token(WRONG_TOKEN) }), { timeoutMs: 15_000 }))),
    expect: (answers, inbound) => {
      assert.ok(answers.every((a) => a.status === 401), `every callback answered 401: ${[...new Set(answers.map((a) => a.status))].join(', ')}`);
      assert.ok(inbound.filter((e) => e.response?.status === 401).length >= 250, 'every callback recorded');
    },
  },
  {
    name: 'calls the versions and credentials endpoints with a wrong token',
    act: (peer) => Promise.all([new URL(peer.versionsUrl).pathname, peer.credentials].map((path) => rawRequest(peer.base, httpRequest('GET', path, { headers: token(WRONG_TOKEN) })))),
    expect: (answers, inbound) => {
      assert.deepEqual(answers.map((a) => a.status), [401, 401]);
      assert.ok(inbound.filter((e) => e.response?.status === 401).length >= 2);
    },
  },
  {
    name: 'registers with a body that is not valid UTF-8',
    act: (peer) => Promise.all([rawRequest(peer.base, httpRequest('POST', peer.credentials, { headers: { ...token(peer.tokenA), 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) }))]),
    expect: (answers, inbound) => {
      assert.equal(answers[0]?.status, 400);
      assert.equal(notes(inbound, /not valid UTF-8/).length, 1);
    },
  },
  {
    name: 'registers with a JSON body sent as text/plain',
    act: (peer) => Promise.all([rawRequest(peer.base, httpRequest('POST', peer.credentials, {
      headers: { ...token(peer.tokenA), 'content-type': 'text/plain' },
      body: JSON.stringify({ token: 'hostile-token-b-0123456789', url: 'http://127.0.0.1:1/ocpi/versions', roles: [] }),
    }), { timeoutMs: 15_000 })]),
    expect: (answers, inbound) => {
      assert.equal(answers[0]?.status, 200, `routed as JSON: the registration is judged, not refused for its header: ${JSON.stringify(answers)}`);
      assert.ok(inbound.some((e) => e.request.method === 'POST' && e.request.headers['content-type'] === 'text/plain'));
    },
  },
];

/** What one misbehaviour left: the peer's answers, the run's exit code, output and report, and how long it took. */
interface Outcome {
  readonly answers: readonly RawAnswer[];
  readonly code: number | null;
  readonly output: string;
  readonly tokenA: string;
  readonly report: string;
  readonly elapsedMs: number;
}

/** Starts a run that awaits a caller, misbehaves towards its peer as that caller, and waits for the run to end. */
async function exercise(misbehaviour: Misbehaviour): Promise<Outcome> {
  const json = reportPath();
  const started = Date.now();
  const run: RunningCli = follow(startCli(['run', '--handshake', 'await', '--deadline', String(DEADLINE_MS), '--report-json', json]));
  try {
    const [, versionsUrl = '', tokenA = ''] = await outputMatch(run, /versions URL: (\S+)\n\s+Token A:\s+(\S+)/);
    const base = new URL(versionsUrl).origin;
    const peer: PeerUnderAttack = { base, versionsUrl, tokenA, credentials: `${new URL(versionsUrl).pathname.replace(/\/versions$/, '')}/2.2.1/credentials` };
    const answers = await misbehaviour.act(peer);
    const code = await run.exited;
    return { answers, code, output: run.output(), tokenA, report: readFileSync(json, 'utf8'), elapsedMs: Date.now() - started };
  } finally {
    run.child.kill('SIGKILL');
  }
}

describe('the hostile test bed: callers that misbehave towards the tester\'s endpoint during a run', function () {
  this.timeout(RUN_ENDS_WITHIN_MS + 30_000);
  // The runs mostly wait out their deadline: they go on side by side, each test judging its own.
  const outcomes = new LookaheadRuns(MISBEHAVIOURS.map((misbehaviour) => () => exercise(misbehaviour)), { concurrency: MISBEHAVIOURS.length, window: MISBEHAVIOURS.length });

  MISBEHAVIOURS.forEach((misbehaviour, index) => {
    it(`ends the run on time with a report, no crash and no token in any output when the target ${misbehaviour.name}`, async () => {
      const { answers, code, output, tokenA, report: text, elapsedMs } = await outcomes.result(index);
      assert.ok(elapsedMs < RUN_ENDS_WITHIN_MS, `the run ended within ${RUN_ENDS_WITHIN_MS} ms`);
      assert.ok(code === 1 || code === 3, `a verdict's exit code, got ${code}:\n${output}`);
      assert.doesNotMatch(output, /internal error|^\s+at /m, 'no crash, no stack trace');
      const report = JSON.parse(text) as { summary: object; cases: Array<{ exchanges: ReportedExchange[] }>; peerInbound: ReportedExchange[] };
      assert.ok(report.summary, 'a report with a summary');
      const inbound = [...report.cases.flatMap((c) => c.exchanges), ...report.peerInbound].filter((e) => e.direction === 'inbound');
      misbehaviour.expect(answers, inbound);
      const tokens = [tokenA, Buffer.from(tokenA).toString('base64'), WRONG_TOKEN, Buffer.from(WRONG_TOKEN).toString('base64')];
      for (const secret of tokens) assert.ok(!text.includes(secret), 'no token in the report');
      // The await notice prints Token A once, on purpose (the target needs it); nothing else may.
      assert.equal(output.split(tokenA).length - 1, 1, 'Token A only in the await notice');
      for (const secret of tokens.slice(1)) assert.ok(!output.includes(secret), 'no other token in the output');
    });
  });
});

/**
 * Opens a connection and trickles a request's headers, a byte every 200 ms, never ending them; resolves once the
 * server closes the connection (the peer's headers deadline or its stop at the end of the run).
 */
function slowloris(base: string): Promise<RawAnswer[]> {
  const { hostname, port } = new URL(base);
  const head = 'GET /ocpi/versions HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: ';
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.write(head);
    const drip = setInterval(() => socket.write('a'), 200);
    socket.on('close', () => {
      clearInterval(drip);
      resolve([{ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), head: text, body: '' }]);
    });
  });
}
