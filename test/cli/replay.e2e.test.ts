import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startReferenceParty, type ReferenceParty } from '../../src/parties/reference-party.js';
import { readReport, reportPath } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

interface SavedExchange { id: string; direction: string; request: { method: string; url: string; body?: unknown } }

describe('ocpi-conformance replay', function () {
  this.timeout(60_000);
  let party: ReferenceParty;
  let report: string;
  let exchanges: SavedExchange[];
  before(async () => {
    party = await startReferenceParty({ role: 'cpo' });
    report = reportPath();
    const outcome = await runMain(['run', '--versions-url', party.versionsUrl, '--token', party.tokenA.reveal(), '--only', 'VER-01,VER-02,CRED-02', '--report-json', report]);
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    exchanges = (readReport(report).cases as unknown as Array<{ exchanges: SavedExchange[] }>).flatMap((c) => c.exchanges);
  });
  after(() => party.stop());

  it('sends a recorded request again with the token given, and prints the answer without the token.', async () => {
    const versions = exchanges.find((e) => e.direction === 'outbound' && e.request.method === 'GET' && e.request.url === party.versionsUrl);
    assert.ok(versions, 'VER-01 recorded its GET');
    const outcome = await runMain(['replay', report, versions.id], { env: { OCPI_CONFORMANCE_TOKEN: party.tokenA.reveal() } });
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.match(outcome.stdout, new RegExp(`^GET ${party.versionsUrl.replace(/[.?]/g, '\\$&')} -> HTTP 200 \\(\\d+ ms\\)$`, 'm'));
    assert.match(outcome.stdout, /"version": "2\.2\.1"/);
    assert.equal((outcome.stdout + outcome.stderr).includes(party.tokenA.reveal()), false);
  });

  it('asks for the tokens a report never holds: the Authorization token, and one inside the body.', async () => {
    const get = exchanges.find((e) => e.direction === 'outbound' && e.request.method === 'GET');
    const post = exchanges.find((e) => e.direction === 'outbound' && e.request.method === 'POST' && /credentials$/.test(e.request.url));
    assert.ok(get && post);
    const noToken = await runMain(['replay', report, get.id]);
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /carried a credentials token, which no report holds: give it with --token or OCPI_CONFORMANCE_TOKEN/);
    const noBodyToken = await runMain(['replay', report, post.id, '--token', party.tokenA.reveal()]);
    assert.equal(noBodyToken.code, 2);
    assert.match(noBodyToken.stderr, /held a token, which no report holds: give it with --body-token or OCPI_BODY_TOKEN/);
  });

  it('refuses an exchange the target made to the tester, and an id the report does not name.', async () => {
    const inbound = exchanges.find((e) => e.direction === 'inbound');
    assert.ok(inbound, 'CRED-02 recorded the target\'s GETs back');
    const refused = await runMain(['replay', report, inbound.id, '--token', 'some-token-123']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is a request the target made to the tester: only the tester's own requests can be replayed/);
    const unknown = await runMain(['replay', report, 'x99999']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /the report names no exchange x99999/);
    assert.ok(readFileSync(report, 'utf8').length > 0);
  });

  it('replays a request that acts on a charger only with --allow-commands.', async () => {
    const path = reportPath();
    const ran = await runMain(['run', '--embedded', 'cpo', '--only', 'CMD-06', '--report-json', path]);
    assert.equal(ran.code, 0, ran.stdout + ran.stderr);
    const command = (readReport(path).cases as unknown as Array<{ id: string; exchanges: SavedExchange[] }>).find((c) => c.id === 'CMD-06')?.exchanges.find((e) => e.direction === 'outbound');
    assert.ok(command, 'CMD-06 recorded its command');
    const refused = await runMain(['replay', path, command.id, '--token', 'some-token-123']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is a request to a charger .*: replay it only with --allow-commands/);
  });
});

