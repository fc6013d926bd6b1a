import { CALLER_WORDS, carriesGivenToken, checkBase64Authorization } from '../../src/checks/credentials.js';
import { fail, pass } from '../../src/checks/finding.js';
import { checkRequestsRouting } from '../../src/checks/request-routing.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import type { Finding } from '../../src/model/finding.js';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import { DeadlineExceededError } from '../../src/runner/case-context.js';
import { defineCase } from '../../src/runner/define-case.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

// How long the case waits for a first request when none has come yet; it runs alongside the other cases.
const GRACE_MS = 5000;

// The body each write carries (a deactivation carries none).
const BODIES = { activate: 'TerminalActivation', put: 'Terminal', patch: 'TerminalPatch' } as const;

// Steps: none during the case. In 2.3.0 the tester's endpoint also declares, as a Payment Terminal Provider, the
// Payments Sender interface (empty Terminals and confirmations lists); earlier in the run (for the reference CPO: as
// soon as it is registered) the target, as the CPO, may have activated, PUT, PATCHed or deactivated a Terminal there.
// The case reads the peer's record; when it is empty, it waits up to 5 s for a first request, then skips.
// Validated: each request carried the credentials token the tester gave the target (else it was refused with 401),
// Base64-encoded; the body of an activation, PUT and PATCH is a valid TerminalActivation, Terminal, TerminalPatch;
// each carried the four routing headers, OCPI-from naming one of the target's roles and OCPI-to the tester.
export default defineCase({
  id: 'PAY-04',
  title: 'The CPO\'s requests to the tester\'s Terminals interface are valid and carry the token and routing headers',
  module: 'payments',
  versions: ['2.3.0'],
  targetRole: 'cpo',
  requires: ['session'],
  skipWhen: notRegisteredWithTester,
  spec: {
    version: '2.3.0',
    section: 'Payments module, Sender interface, POST Activate Terminal, PUT Terminal, PATCH Terminal and POST Deactivate Terminal methods; Transport and format, authorization and message routing',
    rule: 'A CPO activates, replaces, assigns and deactivates Terminals at its PTP with the request bodies the chapter defines, the credentials token the PTP gave it, and OCPI-from (itself) and OCPI-to (the PTP).',
  },
  severity: 'required',
  checks: ['peer.request-authorized', 'auth.token-base64-encoded', 'schema.request', 'headers.request-routing'],
  async run(t) {
    let requests = t.peer.terminalsRequests();
    if (requests.length === 0) {
      await t.waitForRequest('the target to call the tester\'s Terminals interface', (record) => t.peer.terminalsRequests().some((request) => request.record === record), { timeoutMs: GRACE_MS })
        .catch((error: unknown) => { if (!(error instanceof DeadlineExceededError)) throw error; });
      requests = t.peer.terminalsRequests();
    }
    if (requests.length === 0) {
      t.skip(`the target sent nothing to the tester's Terminals interface during the run (a CPO activates, PUTs, PATCHes or deactivates a PTP's Terminals there: see the version details at ${t.peer.versionsUrl})`);
    }
    t.attach(...requests.map(({ record }) => record.exchange));
    const refused = requests.filter(({ record }) => !carriesGivenToken(record));
    t.check(refused.length === 0
      ? pass('peer.request-authorized', `the target sent ${requests.length} request(s) (${requests.map((r) => r.kind).join(', ')}), always with the token the tester gave it`)
      : refused.map(({ record }): Finding => fail('peer.request-authorized', `${record.exchange.request.method} ${record.exchange.request.url} carried ${CALLER_WORDS[record.caller] ?? record.caller} and was refused with HTTP ${record.exchange.response?.status ?? '-'}: the target must call the tester with the token the tester gave it in the credentials exchange`, {
        exchangeId: record.exchange.id,
        expected: 'the token the tester gave the target',
        actual: CALLER_WORDS[record.caller] ?? record.caller,
      })));
    t.check(checkBase64Authorization(requests.map(({ record }) => record), t.version));
    for (const { kind, record } of requests) if (kind !== 'deactivate') t.check(checkRequestBody(record.exchange, t.version, BODIES[kind]));
    t.check(checkRequestsRouting(requests.map(({ record }) => record.exchange), { tester: TESTER_IDENTITY, target: t.get('session').partner ?? [] }));
  },
});
