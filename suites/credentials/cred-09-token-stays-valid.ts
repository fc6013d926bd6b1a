import { fail, pass } from '../../src/checks/finding.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';

// Steps: none of its own. Every request any case makes with the registration's token is watched; a token the target
// accepted and later refuses with 401, while the tester neither replaced nor deleted it, was revoked.
// Validated (after every module case): no such refusal. The case in which it happened, and every later one that needed
// the token, are skipped with that reason, so the revocation is one failure, here.
export default defineCase({
  id: 'CRED-09',
  title: 'The credentials token stays valid until the tester changes or deletes it',
  module: 'credentials',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'rotate',
  // It reads the run's watch on the token, not the session: a revocation must be reported even when it ended the session.
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, Use cases (update and unregister); Transport and format, Authorization header',
      rule: 'The token a party issued in the credentials exchange authorizes its partner until the credentials are updated (PUT) or deleted (DELETE).',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'credentials.md, Updating the credentials and resetting the token; DELETE Method',
      rule: 'The token a party issued in the credentials exchange authorizes its partner until the credentials are updated (PUT) or deleted (DELETE).',
    },
  ],
  // No sentence of the spec says so in as many words: it follows from PUT and DELETE being how a token changes.
  severity: 'recommended',
  checks: ['auth.session-token-accepted'],
  async run(t) {
    const revoked = t.revocation;
    if (!revoked && !t.has('session')) t.skip('no registration was made or given in this run');
    if (!revoked) {
      t.check(pass('auth.session-token-accepted', 'the target accepted the credentials token on every request of the run'));
      return;
    }
    t.check(fail('auth.session-token-accepted', `the target stopped accepting the credentials token during ${revoked.caseId} (${revoked.request} answered 401; it had accepted it until then, last in ${revoked.lastAcceptedBy ?? revoked.caseId}): a token stays valid until the credentials are updated or deleted; the cases that needed it were skipped`, {
      exchangeId: revoked.exchangeId,
      expected: 'the token accepted until the tester changes or deletes it',
      actual: 'HTTP 401',
    }));
  },
});
