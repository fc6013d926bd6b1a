import assert from 'node:assert/strict';
import { startReferenceParty, type ReferenceParty } from '../../src/parties/reference-party.js';
import { runMain } from '../helpers/run-main.js';

describe('ocpi-conformance doctor', function () {
  this.timeout(30_000);
  let party: ReferenceParty;
  before(async () => {
    party = await startReferenceParty({ role: 'cpo', versions: ['2.2.1', '2.3.0'] });
  });
  after(() => party.stop());

  it('says a target is ready to run, with the token form and the version a run tests, and exits 0 without registering.', async () => {
    const outcome = await runMain(['doctor', '--versions-url', party.versionsUrl], { env: { OCPI_CONFORMANCE_TOKEN: party.tokenA.reveal() } });
    assert.equal(outcome.code, 0, outcome.stdout + outcome.stderr);
    assert.match(outcome.stdout, /^ok {4}token: accepted Base64-encoded/m);
    assert.match(outcome.stdout, /^ok {4}versions: the target offers 2\.2\.1, 2\.3\.0; a run tests 2\.3\.0$/m);
    assert.match(outcome.stdout, /^ready to run$/m);
    // Token A still works: nothing was registered.
    assert.equal((await runMain(['doctor', '--versions-url', party.versionsUrl, '--token', party.tokenA.reveal()])).code, 0);
  });

  it('names a refused token, a version the target does not offer and a 2.1.1 run without a role, and exits 3.', async () => {
    const refused = await runMain(['doctor', '--versions-url', party.versionsUrl, '--token', 'not-the-token-123']);
    assert.equal(refused.code, 3);
    assert.match(refused.stdout, /^FAIL {2}token: the target refused the token \(HTTP 401\)/m);
    const missing = await runMain(['doctor', '--versions-url', party.versionsUrl, '--token', party.tokenA.reveal(), '--ocpi-version', '2.1.1']);
    assert.equal(missing.code, 3);
    assert.match(missing.stdout, /^FAIL {2}versions: --ocpi-version 2\.1\.1: the target offers 2\.2\.1, 2\.3\.0$/m);
    assert.doesNotMatch(missing.stdout + missing.stderr, new RegExp(party.tokenA.reveal()));
  });

  it('warns that a remote target cannot reach a tester listening on loopback, and what to set.', async () => {
    const outcome = await runMain(['doctor', '--versions-url', 'http://127.0.0.1:9/versions', '--token', 'some-token-123', '--peer-url', 'http://127.0.0.1:9401']);
    assert.equal(outcome.code, 3);
    assert.match(outcome.stdout, /^FAIL {2}versions URL: GET http:\/\/127\.0\.0\.1:9\/versions: connection refused/m);
    const remote = await runMain(['doctor', '--versions-url', 'http://ocpi.example.invalid/versions', '--token', 'some-token-123', '--timeout', '2000']);
    assert.match(remote.stdout, /^warn {2}tester's endpoint: the target \(ocpi\.example\.invalid\) calls the tester back during the registration, and 127\.0\.0\.1 is the tester's own machine to it: listen with --peer-listen 0\.0\.0\.0:PORT/m);
  });
});
