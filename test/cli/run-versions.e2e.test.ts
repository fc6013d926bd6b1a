import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../../src/model/case-result.js';
import { runMain } from '../helpers/run-main.js';
import { ConfigError } from '../../src/config/config-error.js';
import { loadRunConfig } from '../../src/config/load-run-config.js';
import { versionsGetCase } from '../helpers/versions-get-case.js';
import { run } from '../../src/run.js';
import { startReferenceParty } from '../../src/parties/reference-party.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const TOKEN = 'version-choice-token-0123456789';

/** A target whose versions list names these versions (and that answers nothing else). */
async function targetOffering(versions: readonly string[]): Promise<TestServer & { gets: number }> {
  const server = Object.assign(await startTestServer(), { gets: 0 });
  server.handler = (req, res) => {
    if (req.url !== '/versions') {
      res.writeHead(404).end();
      return;
    }
    server.gets += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status_code: 1000, timestamp: new Date().toISOString(), data: versions.map((version) => ({ version, url: `${server.url}/${version}` })) }));
  };
  return server;
}

describe('choosing the OCPI version to test', () => {
  let dir: string;
  let target: (TestServer & { gets: number }) | undefined;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'versions-'))));
  afterEach(async () => {
    await target?.close();
    target = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('tests nothing, says why in one line and exits 4 when the target offers no version the cases cover, not as a failure.', async () => {
    target = await targetOffering(['2.0']);
    const report = join(dir, 'report.json');
    const outcome = await runMain(['run', '--versions-url', `${target.url}/versions`, '--token', TOKEN, '--role', 'cpo', '--report-json', report]);
    assert.equal(outcome.code, 4, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /the target offers OCPI 2\.0 and the selected cases cover 2\.3\.0, 2\.2\.1, 2\.1\.1: no version both support, so nothing was tested/);
    assert.match(outcome.stdout, /NOT TESTED 0 cases/);
    assert.doesNotMatch(outcome.stdout + outcome.stderr, /FAILED|VER-01/);
    const result = JSON.parse(readFileSync(report, 'utf8')) as RunResult;
    assert.deepEqual(result.target.offeredVersions, ['2.0']);
    assert.deepEqual(result.target.testedVersions, []);
    assert.equal(result.cases.length, 0);
    assert.match(result.untested ?? '', /no version both support/);
  });

  it('calls a version asked for and not offered a usage error (exit 2) naming what the target offers.', async () => {
    target = await targetOffering(['2.1.1']);
    const outcome = await runMain(['run', '--versions-url', `${target.url}/versions`, '--token', TOKEN, '--role', 'cpo', '--ocpi-version', '2.2.1']);
    assert.equal(outcome.code, 2, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /the target does not offer OCPI 2\.2\.1 \(its versions list names 2\.1\.1\): choose one of those with --ocpi-version/);
    assert.equal(outcome.stdout, '');
  });

  it('calls a version no selected case covers a usage error (exit 2), before it sends the target anything.', async () => {
    target = await targetOffering(['2.1.1', '2.2.1']);
    // VER-03 judges request ids, which 2.1.1 does not have.
    const outcome = await runMain(['run', '--versions-url', `${target.url}/versions`, '--token', TOKEN, '--role', 'cpo', '--ocpi-version', '2.1.1', '--only', 'VER-03']);
    assert.equal(outcome.code, 2, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /no selected case covers OCPI 2\.1\.1 \(the selected cases cover 2\.3\.0, 2\.2\.1\)/);
    assert.equal(target.gets, 0);
  });

  it('tests the highest version both support and reports what the target offered, against the embedded CPO.', async () => {
    const report = join(dir, 'report.json');
    const outcome = await runMain(['run', '--embedded', 'cpo', '--quiet', '--report-json', report]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.match(outcome.stdout, /OCPI 2\.2\.1 tested \(the target offers 2\.2\.1\)/);
    const result = JSON.parse(readFileSync(report, 'utf8')) as RunResult;
    assert.deepEqual(result.target.testedVersions, ['2.2.1']);
    assert.equal(result.target.ocpiVersion, '2.2.1');
    assert.ok(result.cases.length > 20);
    assert.ok(result.cases.every((c) => c.ocpiVersion === '2.2.1'));
  });

  // The cases of the versions, credentials and transport modules that run in 2.1.1 (VER-03 has no 2.1.1: no request ids).
  const CORE_211 = ['VER-01', 'VER-02', 'VER-04', 'VER-05', 'CRED-01', 'CRED-02', 'CRED-03', 'CRED-04', 'CRED-05', 'CRED-06', 'CRED-07', 'CRED-08', 'CRED-09', 'AUTH-01', 'AUTH-02', 'AUTH-03', 'AUTH-04'];

  for (const role of ['cpo', 'emsp'] as const) {
    it(`tests OCPI 2.1.1 against the embedded ${role.toUpperCase()}, taking its role as the target's, with no failure.`, async () => {
      const report = join(dir, 'report.json');
      const outcome = await runMain(['run', '--embedded', role, '--ocpi-version', '2.1.1', '--quiet', '--report-json', report]);
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      const result = JSON.parse(readFileSync(report, 'utf8')) as RunResult;
      assert.equal(result.target.role, role);
      assert.deepEqual(result.target.offeredVersions, ['2.1.1']);
      assert.deepEqual(result.target.testedVersions, ['2.1.1']);
      assert.ok(result.cases.every((c) => c.ocpiVersion === '2.1.1'));
      assert.deepEqual(CORE_211.filter((id) => !result.cases.some((c) => c.id === id)), []);
      assert.ok(!result.cases.some((c) => c.id === 'VER-03'));
      assert.deepEqual(result.cases.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => c.id), []);
      assert.ok(['VER-01', 'VER-02', 'CRED-02', 'CRED-03', 'CRED-05', 'CRED-06'].every((id) => result.cases.find((c) => c.id === id)?.status === 'passed'));
      // 2.1.1 cites its own Markdown chapters; AUTH-03 is a recommendation there.
      assert.match(result.cases.find((c) => c.id === 'CRED-02')?.spec.section ?? '', /^credentials\.md/);
      assert.equal(result.cases.find((c) => c.id === 'AUTH-03')?.severity, 'recommended');
      // The 2.1.1 token travels as issued, and no request ids are sent.
      const registration = result.cases.find((c) => c.id === 'CRED-02')?.exchanges.find((e) => e.request.method === 'POST');
      assert.ok(registration && registration.request.url.includes('/2.1.1/'));
      assert.equal(registration.request.headers['x-request-id'], undefined);
    });

    it(`tests 2.3.0, 2.2.1 and 2.1.1 in one run and one report with --ocpi-version all against the embedded ${role.toUpperCase()}, every case passing or skipped.`, async () => {
      const report = join(dir, 'report.json');
      const junit = join(dir, 'report.xml');
      const outcome = await runMain(['run', '--embedded', role, '--ocpi-version', 'all', '--quiet', '--report-json', report, '--report-junit', junit]);
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      const result = JSON.parse(readFileSync(report, 'utf8')) as RunResult;
      assert.deepEqual(result.target.offeredVersions, ['2.1.1', '2.2.1', '2.3.0']);
      assert.deepEqual(result.target.testedVersions, ['2.3.0', '2.2.1', '2.1.1']);
      const ids = (version: string): string[] => result.cases.filter((c) => c.ocpiVersion === version).map((c) => c.id);
      // 2.3.0 runs every 2.2.1 case, and the Payments and parking cases of 2.3.0 alone (LOC-06 and LOC-07 pass on the CPO's parking places).
      const only230 = role === 'cpo' ? ['LOC-06', 'LOC-07', 'EXT-01', 'EXT-03'] : ['EXT-02', 'EXT-04'];
      assert.deepEqual(ids('2.3.0').filter((id) => !id.startsWith('PAY-') && !only230.includes(id)), ids('2.2.1'));
      assert.deepEqual(only230.map((id) => result.cases.find((c) => c.id === id)?.status), only230.map(() => 'passed'));
      assert.ok(ids('2.3.0').length > 30);
      const payments = result.cases.filter((c) => c.id.startsWith('PAY-')).map((c) => `${c.ocpiVersion} ${c.id} ${c.status}`);
      assert.deepEqual(payments, role === 'cpo' ? ['2.3.0 PAY-01 passed', '2.3.0 PAY-02 passed', '2.3.0 PAY-03 passed', '2.3.0 PAY-04 passed'] : []);
      assert.deepEqual(CORE_211.filter((id) => !ids('2.1.1').includes(id)), []);
      // Every 2.1.1 case runs in 2.2.1 too, but for 2.1.1's own rules (a PATCH without last_updated applied, a Tariff PATCH).
      assert.deepEqual(ids('2.1.1').filter((id) => !ids('2.2.1').includes(id)).sort(), role === 'cpo' ? ['TOK-06'] : ['LOC-PUSH-08', 'TAR-PUSH-03']);
      assert.deepEqual(result.cases.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => `${c.ocpiVersion} ${c.id}`), []);
      // VER-07 moves each version's registration to a newer one (2.3.0's to 2.2.1) and back: 2.1.1's goes to 2.2.1.
      const moves = result.cases.filter((c) => c.id === 'VER-07').map((c) => `${c.ocpiVersion} ${c.status} ${c.exchanges.filter((e) => e.request.method === 'PUT').map((e) => /\/(\d\.\d\.\d)\/credentials/.exec(e.request.url)?.[1]).join('>')}`);
      assert.deepEqual(moves, ['2.3.0 passed 2.2.1>2.3.0', '2.2.1 passed 2.3.0>2.2.1', '2.1.1 passed 2.2.1>2.1.1']);
      // One case, a severity per version.
      const severity = (version: string): string | undefined => result.cases.find((c) => c.id === 'AUTH-03' && c.ocpiVersion === version)?.severity;
      assert.deepEqual([severity('2.3.0'), severity('2.2.1'), severity('2.1.1')], ['required', 'required', 'recommended']);
      // The 2.3.0 part spoke 2.3.0: its requests went to the 2.3.0 endpoints.
      const urls = result.cases.filter((c) => c.ocpiVersion === '2.3.0' && c.module === 'locations').flatMap((c) => c.exchanges.map((e) => e.request.url));
      if (role === 'cpo') assert.ok(urls.length > 0 && urls.every((url) => url.includes('/2.3.0/')), urls.join(' '));
      const credentials211 = result.cases.filter((c) => c.ocpiVersion === '2.1.1' && c.module === 'credentials').flatMap((c) => c.exchanges.map((e) => e.request.url)).filter((url) => url.includes('/credentials'));
      assert.ok(credentials211.length > 0 && credentials211.every((url) => url.includes('/2.1.1/')), credentials211.join(' '));
      assert.match(readFileSync(junit, 'utf8'), /<testsuite name="OCPI 2\.3\.0 versions"/);
      assert.match(readFileSync(junit, 'utf8'), /<testsuite name="OCPI 2\.1\.1 versions"/);
    });
  }

  it('moves a 2.2.1 registration to 2.1.1 and back in VER-07 when the target offers no newer version, speaking 2.1.1 on its side.', async () => {
    const party = await startReferenceParty({ role: 'cpo', versions: ['2.1.1', '2.2.1'] });
    try {
      const report = join(dir, 'report.json');
      const outcome = await runMain(['run', '--versions-url', party.versionsUrl, '--role', 'cpo', '--ocpi-version', '2.2.1', '--only', 'VER-07', '--quiet', '--report-json', report], { env: { OCPI_CONFORMANCE_TOKEN: party.tokenA.reveal() } });
      assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
      const ver07 = (JSON.parse(readFileSync(report, 'utf8')) as RunResult).cases.find((c) => c.id === 'VER-07');
      assert.equal(ver07?.status, 'passed');
      const puts = ver07?.exchanges.filter((e) => e.request.method === 'PUT') ?? [];
      assert.deepEqual(puts.map((e) => /\/(\d\.\d\.\d)\/credentials/.exec(e.request.url)?.[1]), ['2.1.1', '2.2.1']);
      // The 2.1.1 PUT carries flat 2.1.1 Credentials (no roles); the GETs back reached the tester's 2.1.1 details.
      const body = puts[0]?.request.body as Record<string, unknown> | undefined;
      assert.ok(body && !('roles' in body) && typeof body['party_id'] === 'string', JSON.stringify(body));
      assert.ok(ver07?.exchanges.some((e) => e.direction === 'inbound' && /\/ocpi\/2\.1\.1$/.test(e.request.url)));
    } finally {
      await party.stop();
    }
  });

  it('refuses --ocpi-version all with --handshake none, whose token was registered in one version (exit 2).', async () => {
    const outcome = await runMain(['run', '--embedded', 'cpo', '--handshake', 'none', '--ocpi-version', 'all']);
    assert.equal(outcome.code, 2, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /--ocpi-version all needs a registration in each version/);
  });

  it('reads the versions list with the raw token when the Base64 one is refused, as a 2.1.1 party expects it.', async () => {
    target = await targetOffering(['2.1.1']);
    const offering = target;
    const served = offering.handler;
    const seen: string[] = [];
    offering.handler = (req, res, body) => {
      seen.push(req.headers.authorization ?? '');
      if (req.headers.authorization !== `Token ${TOKEN}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ status_code: 2000, timestamp: new Date().toISOString() }));
        return;
      }
      served(req, res, body);
    };
    // Only a case 2.1.1 does not have: the run reads the list, finds no version to test, and stops there.
    const outcome = await runMain(['run', '--versions-url', `${offering.url}/versions`, '--token', TOKEN, '--role', 'cpo', '--only', 'VER-03']);
    assert.equal(outcome.code, 4, outcome.stdout + outcome.stderr);
    assert.deepEqual(seen, [`Token ${Buffer.from(TOKEN).toString('base64')}`, `Token ${TOKEN}`]);
  });
});

describe('a run of cases that cover OCPI 2.1.1, through the programmatic API', () => {
  const inAllVersions = versionsGetCase('TEST-03', ['2.1.1', '2.2.1']);

  let target: (TestServer & { gets: number }) | undefined;
  afterEach(async () => {
    await target?.close();
    target = undefined;
  });

  it('tests a 2.1.1-only target in 2.1.1 when a case covers it, and names --role when the run was not given it.', async () => {
    target = await targetOffering(['2.1.1']);
    const flags = { versionsUrl: `${target.url}/versions`, token: TOKEN, quiet: true };
    await assert.rejects(run(loadRunConfig({ flags, env: {} }), { cases: [inAllVersions] }), (error: unknown) => error instanceof ConfigError && /testing OCPI 2\.1\.1 needs --role cpo or --role emsp/.test(error.message));
    const result = await run(loadRunConfig({ flags: { ...flags, role: 'cpo' }, env: {} }), { cases: [inAllVersions] });
    assert.deepEqual(result.target.testedVersions, ['2.1.1']);
    assert.deepEqual(result.cases.map((c) => [c.id, c.ocpiVersion, c.status]), [['TEST-03', '2.1.1', 'passed']]);
  });

  it('tests every mutual version in one run with --ocpi-version all, highest first.', async () => {
    target = await targetOffering(['2.1.1', '2.2.1']);
    const result = await run(loadRunConfig({ flags: { versionsUrl: `${target.url}/versions`, token: TOKEN, role: 'cpo', ocpiVersion: 'all', quiet: true }, env: {} }), { cases: [inAllVersions] });
    assert.deepEqual(result.target.testedVersions, ['2.2.1', '2.1.1']);
    assert.deepEqual(result.cases.map((c) => [c.ocpiVersion, c.status]), [['2.2.1', 'passed'], ['2.1.1', 'passed']]);
  });
});
