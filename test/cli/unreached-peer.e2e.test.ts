import assert from 'node:assert/strict';
import { readReport, reportPath } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-main.js';

describe('a run whose --peer-url the target cannot reach', function () {
  this.timeout(30_000);

  it('says so on its own line, errors the registration instead of failing the target for its 3001, and exits 3.', async () => {
    const report = reportPath();
    // Port 9 (discard) on loopback: nothing listens, so the embedded CPO's GETs back are refused.
    const outcome = await runMain(['run', '--embedded', 'cpo', '--peer-url', 'http://127.0.0.1:9/', '--only', 'CRED-02', '--timeout', '2000', '--report-json', report]);
    assert.equal(outcome.code, 3, outcome.stdout + outcome.stderr);
    assert.match(outcome.stderr, /^The target made no request to the tester's endpoint \(http:\/\/127\.0\.0\.1:9\/ocpi\/versions\) while registering: .*--peer-url/m);
    const cred02 = readReport(report).cases.find((c) => c.id === 'CRED-02') as { status: string; reason?: string; findings: Array<{ status: string }> } | undefined;
    assert.equal(cred02?.status, 'errored');
    assert.match(cred02?.reason ?? '', /status_code 3001 \(unable to use the client's API\) and made no request to the tester's endpoint/);
    assert.deepEqual(cred02?.findings.filter((f) => f.status === 'fail'), []);
  });
});
