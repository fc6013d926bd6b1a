import { checkCallsInRegisteredVersion, type VersionedRequest } from '../../src/checks/version-negotiation.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';

// Steps: none of its own. Throughout the run, every request the target made to the tester's endpoint was recorded
// with the token it carried, and each token the tester gave belongs to the registration of one version (a PUT to
// another version's credentials endpoint, as VER-07 sends, gives a token of that version).
// Validated: each request carrying such a token addressed the tester's endpoints of that token's version (the
// versions list, which names them all, belongs to none).
export default defineCase({
  id: 'VER-08',
  title: 'A partner registered in a version calls the tester only at that version\'s endpoints',
  module: 'versions',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'disconnect',
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Credentials module, PUT method; Use cases, updating to a newer version',
      rule: 'A registration is in one version, changed by a PUT to another version\'s credentials endpoint; the partner uses the endpoints of that version.',
    }, '2.3.0'),
    { version: '2.1.1', section: 'credentials.md, PUT Method; Use cases, Updating to a newer version', rule: 'A registration is in one version, changed by a PUT to another version\'s credentials endpoint; the partner uses the endpoints of that version.' },
  ],
  severity: 'recommended',
  checks: ['versions.calls-registered-version'],
  async run(t) {
    const requests = t.peer.inbound.since(0).flatMap((record): VersionedRequest[] => {
      if (record.registeredIn === undefined) return [];
      const addressed = t.peer.versionAt(record.exchange.request.url);
      return [{ exchange: record.exchange, registeredIn: record.registeredIn, ...(addressed ? { addressed } : {}) }];
    });
    if (requests.length === 0) t.skip('the target made no request to the tester with a token of a registration');
    const findings = checkCallsInRegisteredVersion(requests);
    const astray = new Set(findings.flatMap((f) => (f.status === 'fail' && f.exchangeId ? [f.exchangeId] : [])));
    t.attach(...requests.filter((r) => astray.has(r.exchange.id)).map((r) => r.exchange));
    t.check(findings);
  },
});
