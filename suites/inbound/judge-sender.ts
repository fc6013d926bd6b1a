import { CALLER_WORDS, carriesGivenToken, checkBase64Authorization } from '../../src/checks/credentials.js';
import { fail, pass } from '../../src/checks/finding.js';
import { checkRequestsRouting } from '../../src/checks/request-routing.js';
import type { Finding } from '../../src/model/finding.js';
import { carriesOcpiHeaders } from '../../src/model/ocpi-version.js';
import { TESTER_IDENTITY } from '../../src/model/tester-identity.js';
import type { CaseContext, InboundRecord } from '../../src/runner/case-context.js';

/** The checks judgeSender makes, for a case's `checks`. */
export const SENDER_CHECKS = ['peer.request-authorized', 'auth.token-base64-encoded', 'headers.request-routing'] as const;

/**
 * What every request the target sends the tester on its own earns, whatever it carries (spec-notes I8): the token the
 * tester gave the target (each request that carried another fails), Base64-encoded from 2.2 (as issued in 2.1.1), and
 * from 2.2 routing headers naming the target and the tester. `what` names the requests in a sentence: "the push".
 */
export function judgeSender(t: CaseContext, records: readonly InboundRecord[], what: string): void {
  if (records.length === 0) return;
  const refused = records.filter((record) => !carriesGivenToken(record));
  t.check(refused.length === 0
    ? pass('peer.request-authorized', `${what} carried the token the tester gave the target`, records.length === 1 ? { exchangeId: (records[0] as InboundRecord).exchange.id } : {})
    : refused.map((record): Finding => fail('peer.request-authorized', `${record.exchange.request.method} ${new URL(record.exchange.request.url).pathname} (${what}) carried ${CALLER_WORDS[record.caller] ?? record.caller}, not the token the tester gave the target`, {
      exchangeId: record.exchange.id,
      expected: 'the token the tester gave the target',
      actual: CALLER_WORDS[record.caller] ?? record.caller,
    })));
  t.check(checkBase64Authorization(records, t.version));
  if (carriesOcpiHeaders(t.version)) t.check(checkRequestsRouting(records.map((record) => record.exchange), { tester: TESTER_IDENTITY, target: t.get('session').partner ?? [] }));
}

/**
 * Whether an object the target pushed is its own (spec-notes I9): its country_code and party_id name one of the
 * identities in the target's credentials. Nothing is judged when the credentials named none (2.1.1). Returns whether
 * it is (or could not be judged), so that a later comparison leaves the owner to this check.
 */
export function judgeOwner(t: CaseContext, record: InboundRecord, object: Record<string, unknown>, what: string): boolean {
  const identities = t.get('session').partner ?? [];
  if (identities.length === 0) return true;
  const owner = `${String(object['country_code'])}/${String(object['party_id'])}`;
  const own = identities.some((identity) => identity.countryCode.toUpperCase() === String(object['country_code']).toUpperCase() && identity.partyId.toUpperCase() === String(object['party_id']).toUpperCase());
  t.check(own
    ? pass('inbound.object-owner', `${what} is owned by the target (${owner})`, { exchangeId: record.exchange.id })
    : fail('inbound.object-owner', `${what} names ${owner} as its owner, which is not a party of the target's credentials (${identities.map((i) => `${i.countryCode}/${i.partyId}`).join(', ')}): a party pushes the objects it owns`, { exchangeId: record.exchange.id, expected: identities.map((i) => `${i.countryCode}/${i.partyId}`).join(' or '), actual: owner }));
  return own;
}
