import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { SessionGuard } from '../../src/runner/session-guard.js';

const at = (caseId: string) => ({ caseId, request: 'GET http://127.0.0.1/x', exchangeId: `${caseId}-x` });

describe('the watch on the registration token', () => {
  it('takes a 401 for a token the target accepted before as its revocation, once, naming the case that saw it.', () => {
    const guard = new SessionGuard();
    const token = Secret.generate();
    assert.equal(guard.observe(token, 200, at('LOC-01')), undefined);
    const revocation = guard.observe(new Secret(token.reveal()), 401, at('LOC-02'));
    assert.deepEqual(revocation, { caseId: 'LOC-02', request: 'GET http://127.0.0.1/x', exchangeId: 'LOC-02-x', lastAcceptedBy: 'LOC-01' });
    assert.equal(guard.observe(token, 401, at('LOC-03')), undefined);
    assert.deepEqual(guard.revokedFor(token), revocation);
  });

  it('does not call a 401 for a token never accepted a revocation (a wrong token from the start).', () => {
    const guard = new SessionGuard();
    assert.equal(guard.observe(Secret.generate(), 401, at('LOC-01')), undefined);
    assert.equal(guard.revocation, undefined);
  });

  it('does not hold the revocation of one token against another (a rotated token).', () => {
    const guard = new SessionGuard();
    const old = Secret.generate();
    guard.observe(old, 200, at('A'));
    guard.observe(old, 401, at('B'));
    assert.equal(guard.revokedFor(Secret.generate()), undefined);
  });
});
