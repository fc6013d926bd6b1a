import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRunConfig } from '../../../src/config/load-run-config.js';
import { Secret } from '../../../src/config/secret.js';
import type { TriggerRequest } from '../../../src/model/trigger-request.js';
import { startReferenceParty, type ReferenceParty } from '../../../src/parties/reference-party.js';
import { run } from '../../../src/run.js';

const TOKEN_A = 'token-a-for-in-loc-01';

/** An operator's back office on 127.0.0.1:0: what it is POSTed, it has the reference CPO perform. */
async function backOffice(party: ReferenceParty): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      void party.trigger(JSON.parse(body) as TriggerRequest).then((outcome) => response.writeHead(outcome.status === 'done' ? 204 : 500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/act`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('IN-LOC-01 against a CPO at a URL', () => {
  let party: ReferenceParty;
  let office: Awaited<ReturnType<typeof backOffice>>;
  let dir: string;
  beforeEach(async () => {
    party = await startReferenceParty({ role: 'cpo', tokenA: new Secret(TOKEN_A) });
    office = await backOffice(party);
    dir = await mkdtemp(join(tmpdir(), 'in-loc-'));
  });
  afterEach(async () => {
    await office.close();
    await party.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const target = (): { versionsUrl: string; token: string; only: string[]; deadline: number } => ({ versionsUrl: party.versionsUrl, token: TOKEN_A, only: ['IN-LOC-01'], deadline: 10_000 });

  it('passes when a --trigger-command script has the CPO push the Location', async () => {
    const script = join(dir, 'act.mjs');
    await writeFile(script, `let input = ''; for await (const c of process.stdin) input += c;
const answer = await fetch(${JSON.stringify(office.url)}, { method: 'POST', body: input });
process.exit(answer.ok ? 0 : 1);\n`, 'utf8');
    const result = await run(loadRunConfig({ flags: { ...target(), triggerCommand: `node ${JSON.stringify(script)}` }, env: {} }));
    const inLoc = result.cases.find((c) => c.id === 'IN-LOC-01');
    assert.equal(inLoc?.status, 'passed', JSON.stringify(inLoc));
  });

  it('passes when --trigger-url has the CPO push the Location', async () => {
    const result = await run(loadRunConfig({ flags: { ...target(), triggerUrl: office.url }, env: {} }));
    assert.equal(result.cases.find((c) => c.id === 'IN-LOC-01')?.status, 'passed');
  });

  it('is skipped at once, naming the flags, when the run has no trigger and nobody at a terminal', async () => {
    const started = Date.now();
    const result = await run(loadRunConfig({ flags: target(), env: {} }));
    const inLoc = result.cases.find((c) => c.id === 'IN-LOC-01');
    assert.equal(inLoc?.status, 'skipped');
    assert.match(inLoc?.reason ?? '', /--trigger-command or --trigger-url/);
    assert.ok(Date.now() - started < 8000);
  });
});
