import { CALLER_WORDS, carriesGivenToken, checkBase64Authorization } from '../../src/checks/credentials.js';
import { fail, pass } from '../../src/checks/finding.js';
import { checkRequestsRouting } from '../../src/checks/request-routing.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import type { Finding } from '../../src/model/finding.js';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import { DeadlineExceededError } from '../../src/runner/case-context.js';
import { defineCase } from '../../src/runner/define-case.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

// How long the case waits for a first POST when none has come yet; it runs alongside the other cases.
const POST_GRACE_MS = 5000;

const OBJECTS = { terminals: 'Terminal', 'financial-advice-confirmations': 'FinancialAdviceConfirmation' } as const;

// Steps: none during the case. Earlier in the run (for the reference PTP: as soon as it is registered) the target, as
// the tester's PTP partner, POSTed Terminals and Financial Advice Confirmations to the Payments Receiver the tester
// declares as a CPO in 2.3.0; the tester's endpoint recorded each request and answered 201. The case reads that
// record; when it is empty, it waits up to 5 s for a first POST, then skips.
// Validated: each POST carried the credentials token the tester gave the target (else it was refused with 401),
// Base64-encoded; its body is a valid Terminal or FinancialAdviceConfirmation; it carried the four routing headers,
// OCPI-from naming one of the target's roles and OCPI-to the tester.
export default defineCase({
  id: 'PAY-11',
  title: 'The PTP\'s POSTs to the tester\'s Payments Receiver are valid and carry the token and routing headers',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'ptp',
  requires: ['session'],
  skipWhen: notRegisteredWithTester,
  spec: {
    version: '2.3.0',
    section: 'Payments module, Receiver interface, POST Terminal and POST Financial Advice Confirmation methods; Transport and format, authorization and message routing',
    rule: 'A PTP creates Terminals and Financial Advice Confirmations at its CPO by POSTing the object to the collection, with the credentials token the CPO gave it and OCPI-from (itself) and OCPI-to (the CPO).',
  },
  severity: 'required',
  checks: ['peer.request-authorized', 'auth.token-base64-encoded', 'schema.request', 'headers.request-routing'],
  async run(t) {
    let posts = t.peer.paymentsPosts();
    if (posts.length === 0) {
      await t.waitForRequest('the target to POST to the tester\'s Payments Receiver', (record) => t.peer.paymentsPosts().some((post) => post.record === record), { timeoutMs: POST_GRACE_MS })
        .catch((error: unknown) => { if (!(error instanceof DeadlineExceededError)) throw error; });
      posts = t.peer.paymentsPosts();
    }
    if (posts.length === 0) {
      t.skip(`the target POSTed nothing to the tester's Payments Receiver during the run (a PTP creates its Terminals and sends its Financial Advice Confirmations there: see the version details at ${t.peer.versionsUrl})`);
    }
    t.attach(...posts.map(({ record }) => record.exchange));
    const refused = posts.filter(({ record }) => !carriesGivenToken(record));
    t.check(refused.length === 0
      ? pass('peer.request-authorized', `the target POSTed ${posts.length} object(s), always with the token the tester gave it`)
      : refused.map(({ record }): Finding => fail('peer.request-authorized', `POST ${record.exchange.request.url} carried ${CALLER_WORDS[record.caller] ?? record.caller} and was refused with HTTP ${record.exchange.response?.status ?? '-'}: the target must call the tester with the token the tester gave it in the credentials exchange`, {
        exchangeId: record.exchange.id,
        expected: 'the token the tester gave the target',
        actual: CALLER_WORDS[record.caller] ?? record.caller,
      })));
    t.check(checkBase64Authorization(posts.map(({ record }) => record), t.version));
    for (const { collection, record } of posts) t.check(checkRequestBody(record.exchange, t.version, OBJECTS[collection]));
    t.check(checkRequestsRouting(posts.map(({ record }) => record.exchange), { tester: TESTER_IDENTITY, target: t.get('session').partner ?? [] }));
  },
});
