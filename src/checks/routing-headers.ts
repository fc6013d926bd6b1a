import type { PartyIdentity } from '../model/party-identity.js';
import type { Exchange } from '../model/exchange.js';
import { fail, pass } from './finding.js';
import type { Finding } from '../model/finding.js';

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toUpperCase() === b.toUpperCase();

const ROUTING_HEADERS = ['ocpi-from-country-code', 'ocpi-from-party-id', 'ocpi-to-country-code', 'ocpi-to-party-id'];

/** The parties a message between the tester and the target is exchanged by. */
export interface RoutingParties {
  /** OCPI-to must name the tester. */
  readonly tester: PartyIdentity;
  /** OCPI-from must name one of these (the target's roles in its credentials); any party when none are known. */
  readonly target: readonly PartyIdentity[];
}

/** How a routing check words its verdicts for the message it judges (a request or a response). */
export interface RoutingWording {
  readonly check: string;
  /** `the request` or `the response`. */
  readonly message: string;
  /** Why the four headers are due, e.g. `responses of functional modules carry ...`. */
  readonly due: string;
  /** What the tester is to this message (`the requester`), and why OCPI-to must name it. */
  readonly tester: string;
  readonly toReason: string;
  readonly passed: string;
}

/**
 * Judges the routing headers of one message from the target to the tester: all four present, OCPI-to naming the
 * tester, OCPI-from one of the target's own identities (when its credentials named any). CiStrings compare
 * case-insensitively. Shared by the request and the response checks, which differ only in wording.
 *
 * The spec exempts a peer-to-peer connection between two parties that each have one role (the tester always has
 * one): with a target whose credentials name at most one role, the headers may be left out, and those present must
 * still be right. A Hub is never peer to peer, and what it routes comes from the parties behind it, which a 2.2.1 Hub
 * names in Hub Client Info, not in its credentials (those list its HUB role): with a Hub target the headers are due,
 * OCPI-to must still name the tester, and OCPI-from may name any party.
 */
export function judgeRouting(headers: Readonly<Record<string, string>>, exchangeId: string, { tester, target }: RoutingParties, wording: RoutingWording): Finding {
  const { check } = wording;
  const missing = ROUTING_HEADERS.filter((name) => headers[name] === undefined);
  const at = { exchangeId };
  const hub = target.some((t) => t.role?.toUpperCase() === 'HUB');
  const peerToPeer = !hub && target.length <= 1;
  if (missing.length > 0 && !peerToPeer) {
    return fail(check, `${wording.message} has no ${missing.join(', ')}: ${wording.due}`, { ...at, expected: ROUTING_HEADERS, actual: ROUTING_HEADERS.filter((n) => !missing.includes(n)) });
  }
  if (missing.length === ROUTING_HEADERS.length) {
    return pass(check, `${wording.message} carries no routing headers, which a peer-to-peer connection between two parties of one role each may leave out`, at);
  }
  const to = { countryCode: headers['ocpi-to-country-code'] as string, partyId: headers['ocpi-to-party-id'] as string };
  const toGiven = to.countryCode !== undefined || to.partyId !== undefined;
  if (toGiven && (!same(to.countryCode, tester.countryCode) || !same(to.partyId, tester.partyId))) {
    return fail(check, `OCPI-to names ${to.countryCode}/${to.partyId}, not ${wording.tester} ${tester.countryCode}/${tester.partyId}: ${wording.toReason}`, { ...at, expected: `${tester.countryCode}/${tester.partyId}`, actual: `${to.countryCode}/${to.partyId}` });
  }
  const from = { countryCode: headers['ocpi-from-country-code'] as string, partyId: headers['ocpi-from-party-id'] as string };
  const fromGiven = from.countryCode !== undefined || from.partyId !== undefined;
  if (fromGiven && !hub && target.length > 0 && !target.some((t) => same(from.countryCode, t.countryCode) && same(from.partyId, t.partyId))) {
    const known = target.map((t) => `${t.countryCode}/${t.partyId}`).join(', ');
    return fail(check, `OCPI-from names ${from.countryCode}/${from.partyId}, which is none of the target's roles in its credentials (${known})`, { ...at, expected: known, actual: `${from.countryCode}/${from.partyId}` });
  }
  return pass(check, wording.passed, at);
}

/**
 * Asserts a functional module's response carries the OCPI routing headers, mirrored from the request: OCPI-to names
 * the tester, OCPI-from one of the target's own identities (when its credentials named any).
 */
export function checkRoutingHeaders(exchange: Exchange, parties: RoutingParties): Finding {
  return judgeRouting(exchange.response?.headers ?? {}, exchange.id, parties, {
    check: 'headers.routing',
    message: 'the response',
    due: 'responses of functional modules carry the OCPI-from and OCPI-to routing headers',
    tester: 'the requester',
    toReason: 'a response is addressed back to whoever sent the request',
    passed: 'OCPI-from and OCPI-to routing headers present and mirrored',
  });
}
