import { CALLER_WORDS, carriesGivenToken, checkBase64Authorization } from '../../src/checks/credentials.js';
import { fail, pass } from '../../src/checks/finding.js';
import type { Finding } from '../../src/model/finding.js';
import { checkRequestsRouting } from '../../src/checks/request-routing.js';
import { carriesOcpiHeaders } from '../../src/model/ocpi-version.js';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { describeFetched } from './describe-fetched.js';
import { notRegisteredWithTester } from '../common/not-registered.js';
import { partnerPulls } from './partner-pulls.js';

// Steps: none during the case. Earlier in the run (during the registration, for the reference parties) the target,
// as the tester's partner, pulled what it wanted from the Sender interfaces the tester declared (playing the CPO:
// Locations, Tariffs, Sessions, CDRs; playing the eMSP: Tokens); the tester's endpoint recorded each request. The case
// reads that record; when it is empty, it waits up to 5 s for a first pull (not for a PTP, which pulls no list), then
// skips.
// Validated: each GET carried the credentials token the tester gave the target (else it was refused with 401),
// Base64-encoded; each carried the four routing headers, OCPI-from naming one of the target's roles and OCPI-to the tester.
export default defineCase({
  id: 'PEER-01',
  title: 'The target pulls the tester\'s Sender lists with the token it was given and with routing headers',
  module: 'transport',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'any',
  requires: ['session'],
  skipWhen: notRegisteredWithTester,
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Transport and format, authorization and message routing (party to party)',
    rule: 'A party calls its partner\'s functional modules with the credentials token that partner gave it, and addresses each request with OCPI-from (itself) and OCPI-to (the partner).',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'transport_and_format.md, Request format',
    rule: 'A party calls its partner\'s functional modules with the credentials token that partner gave it, as issued (2.1.1 has no routing headers).',
  }],
  severity: 'required',
  checks: ['peer.request-authorized', 'auth.token-base64-encoded', 'headers.request-routing'],
  async run(t) {
    const requests = await partnerPulls(t);
    t.attach(...requests.map(({ record }) => record.exchange));
    const refused = requests.filter(({ record }) => !carriesGivenToken(record));
    t.check(refused.length === 0
      ? pass('peer.request-authorized', `${describeFetched(requests)}, always with the token the tester gave it`)
      : refused.map(({ record }): Finding => fail('peer.request-authorized', `GET ${record.exchange.request.url} carried ${CALLER_WORDS[record.caller] ?? record.caller} and was refused with HTTP ${record.exchange.response?.status ?? '-'}: the target must call the tester with the token the tester gave it in the credentials exchange`, {
        exchangeId: record.exchange.id,
        expected: 'the token the tester gave the target',
        actual: CALLER_WORDS[record.caller] ?? record.caller,
      })));
    t.check(checkBase64Authorization(requests.map(({ record }) => record), t.version));
    // 2.1.1 has no routing headers (X5).
    if (carriesOcpiHeaders(t.version)) t.check(checkRequestsRouting(requests.map(({ record }) => record.exchange), { tester: TESTER_IDENTITY, target: t.get('session').partner ?? [] }));
  },
});
