import { checkRegisteredHighest, versionsNamed } from '../../src/checks/version-negotiation.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';

// Steps: none of its own. The tester offered every version it tests on its versions URL (--handshake await); the
// target registered by POSTing to the credentials endpoint of one of them, and the tester read the target's versions
// list while handling the POST (CRED-07).
// Validated: the version registered in is the highest both the tester's and the target's versions lists name.
export default defineCase({
  id: 'VER-06',
  title: 'The target registers in the highest version both parties offer',
  module: 'versions',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'connect',
  after: ['CRED-07'],
  skipWhen: (s) => (s.handshake === 'await' ? undefined : `--handshake ${s.handshake}: the target does not register with the tester, so it chooses no version`),
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, registration (sequence diagram)',
      rule: 'The registering party reads both versions lists and registers in the latest version both parties implement.',
    }, '2.3.0'),
    { version: '2.1.1', section: 'credentials.md, Use cases, Registration (its sequence diagram)', rule: 'The registering party reads both versions lists and registers in the latest version both parties implement (a diagram step, so a recommendation: spec-notes X1, V1).' },
  ],
  severity: 'recommended',
  checks: ['versions.registered-highest'],
  async run(t) {
    const registration = t.peer.registrations.since(0)[0] ?? t.skip('the target did not register with the tester (CRED-07 reports it)');
    const [listing] = registration.callbacks;
    const target = versionsNamed(listing) ?? t.skip('the tester could not read the target\'s versions list while it registered (CRED-07 reports it)');
    if (t.peer.versions.length < 2) t.skip(`the tester offered OCPI ${t.peer.version} alone (--ocpi-version), so the target had no version to choose`);
    t.attach(registration.exchange, ...(listing ? [listing] : []));
    t.check(checkRegisteredHighest({ registered: registration.version, tester: t.peer.versions, target, exchangeId: registration.exchange.id }));
  },
});
