import { carriesGivenToken } from '../../src/checks/credentials.js';
import { fail, pass } from '../../src/checks/finding.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

// Steps: none of its own; it runs at the end. Throughout the run the tester's endpoint recorded every request the
// target made. Validated: each request made with a token the tester gave (or Token A) went to a URL the tester
// declared (its versions URL, a version's details, an endpoint of its details, or under one; a result URL it handed
// out). Requests a case waited for and judged itself (IN-LOC-01, IN-SES-01, ...) are left to that case (one root
// cause, one failure). Nothing recorded with such a token: skipped.
export default defineCase({
  id: 'IN-ALL-01',
  title: 'The target calls the tester only at URLs the tester declared',
  module: 'transport',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'disconnect',
  skipWhen: notRegisteredWithTester,
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Version information endpoint, Version details endpoint; Transport and format, request format',
      rule: 'A party learns from its partner\'s version details which modules it implements and at which URL each is; it calls its partner there.',
    }, '2.3.0'),
    { version: '2.1.1', section: 'version_information_endpoint.md, Version details endpoint', rule: 'A party learns from its partner\'s version details which modules it implements and at which URL each is; it calls its partner there.' },
  ],
  severity: 'required',
  checks: ['inbound.declared-endpoint'],
  async run(t) {
    const calls = t.peer.inbound.since(0).filter((record) => carriesGivenToken(record) || record.caller === 'token-a');
    if (calls.length === 0) t.skip('the target made no request to the tester with a token the tester gave it');
    const judged = calls.filter((record) => !t.peer.claimed(record));
    const astray = judged.filter((record) => !t.peer.declares(record.exchange.request.url));
    t.attach(...astray.map((record) => record.exchange));
    t.check(astray.length === 0
      ? pass('inbound.declared-endpoint', `all ${calls.length} request(s) the target made went to URLs the tester declared${judged.length < calls.length ? ` (${calls.length - judged.length} judged by the cases that asked for them)` : ''}`)
      : astray.map((record) => fail('inbound.declared-endpoint', `${record.exchange.request.method} ${new URL(record.exchange.request.url).pathname} is not a URL the tester declared (its versions URL, a version's details or an endpoint in them): a party calls its partner only at the URLs its version details give`, { exchangeId: record.exchange.id, actual: new URL(record.exchange.request.url).pathname })));
  },
});
