import type { PartyIdentity } from '../transport/party-identity.js';
import type { Exchange } from '../transport/exchange.js';
import { fail, pass, type Finding } from './finding.js';

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toUpperCase() === b.toUpperCase();

/**
 * Asserts a functional module's response carries the OCPI routing headers, mirrored from the request: OCPI-to names
 * the tester, OCPI-from one of the target's own identities (when its credentials named any). CiStrings compare
 * case-insensitively.
 */
export function checkRoutingHeaders(exchange: Exchange, { tester, target }: { tester: PartyIdentity; target: readonly PartyIdentity[] }): Finding {
  const check = 'headers.routing';
  const headers = exchange.response?.headers ?? {};
  const names = ['ocpi-from-country-code', 'ocpi-from-party-id', 'ocpi-to-country-code', 'ocpi-to-party-id'];
  const missing = names.filter((name) => headers[name] === undefined);
  const at = { exchangeId: exchange.id };
  if (missing.length > 0) {
    return fail(check, `the response has no ${missing.join(', ')}: responses of functional modules carry the OCPI-from and OCPI-to routing headers`, { ...at, expected: names, actual: names.filter((n) => !missing.includes(n)) });
  }
  const to = { countryCode: headers['ocpi-to-country-code'] as string, partyId: headers['ocpi-to-party-id'] as string };
  if (!same(to.countryCode, tester.countryCode) || !same(to.partyId, tester.partyId)) {
    return fail(check, `OCPI-to names ${to.countryCode}/${to.partyId}, not the requester ${tester.countryCode}/${tester.partyId}: a response is addressed back to whoever sent the request`, { ...at, expected: `${tester.countryCode}/${tester.partyId}`, actual: `${to.countryCode}/${to.partyId}` });
  }
  const from = { countryCode: headers['ocpi-from-country-code'] as string, partyId: headers['ocpi-from-party-id'] as string };
  if (target.length > 0 && !target.some((t) => same(from.countryCode, t.countryCode) && same(from.partyId, t.partyId))) {
    const known = target.map((t) => `${t.countryCode}/${t.partyId}`).join(', ');
    return fail(check, `OCPI-from names ${from.countryCode}/${from.partyId}, which is none of the target's roles in its credentials (${known})`, { ...at, expected: known, actual: `${from.countryCode}/${from.partyId}` });
  }
  return pass(check, 'OCPI-from and OCPI-to routing headers present and mirrored', at);
}
