import assert from 'node:assert/strict';
import { checkRoutingHeaders } from '../../src/checks/routing-headers.js';
import type { PartyIdentity } from '../../src/model/party-identity.js';
import { exchange } from '../helpers/exchange.js';

const tester: PartyIdentity = { countryCode: 'ZZ', partyId: 'OCT' };
const target: PartyIdentity[] = [{ countryCode: 'NL', partyId: 'ABC' }, { countryCode: 'DE', partyId: 'XYZ' }];

const routing = (from: [string, string], to: [string, string]): Record<string, string> => ({
  'ocpi-from-country-code': from[0], 'ocpi-from-party-id': from[1], 'ocpi-to-country-code': to[0], 'ocpi-to-party-id': to[1],
});

/** One row: the response headers, the target's known identities, and the status and message the check gives. */
type Row = [title: string, headers: Record<string, string>, known: PartyIdentity[], status: 'pass' | 'fail', message?: RegExp];

const rows: Row[] = [
  ['passes when all four routing headers are mirrored', routing(['NL', 'ABC'], ['ZZ', 'OCT']), target, 'pass', /present and mirrored/],
  ['passes when OCPI-from names another of the target\'s identities', routing(['DE', 'XYZ'], ['ZZ', 'OCT']), target, 'pass'],
  ['compares the CiStrings case-insensitively', routing(['nl', 'abc'], ['zz', 'oct']), target, 'pass'],
  ['fails when routing headers are missing, naming each one', { 'ocpi-from-country-code': 'NL', 'ocpi-from-party-id': 'ABC' }, target, 'fail', /the response has no ocpi-to-country-code, ocpi-to-party-id: responses of functional modules carry/],
  ['fails a response with no routing headers at all, naming all four', {}, target, 'fail', /no ocpi-from-country-code, ocpi-from-party-id, ocpi-to-country-code, ocpi-to-party-id/],
  ['fails when OCPI-to names someone other than the tester', routing(['NL', 'ABC'], ['NL', 'ABC']), target, 'fail', /OCPI-to names NL\/ABC, not the requester ZZ\/OCT/],
  ['fails when OCPI-to has the tester\'s country but another party', routing(['NL', 'ABC'], ['ZZ', 'OCX']), target, 'fail', /OCPI-to names ZZ\/OCX/],
  ['fails when OCPI-from is none of the target\'s identities, listing them', routing(['NL', 'XYZ'], ['ZZ', 'OCT']), target, 'fail', /OCPI-from names NL\/XYZ, which is none of the target's roles in its credentials \(NL\/ABC, DE\/XYZ\)/],
  ['passes any OCPI-from when the target\'s identities are not known', routing(['BE', 'QQQ'], ['ZZ', 'OCT']), [], 'pass'],
  ['passes no routing headers at all from a target of one role (a peer-to-peer connection between single-role parties)', {}, [{ countryCode: 'NL', partyId: 'ABC' }], 'pass', /may leave out/],
  ['still fails a wrong OCPI-to from a target of one role', routing(['NL', 'ABC'], ['NL', 'ABC']), [{ countryCode: 'NL', partyId: 'ABC' }], 'fail', /OCPI-to names NL\/ABC/],
  ['passes the headers a single-role target did send when they are right, though others are left out', { 'ocpi-from-country-code': 'NL', 'ocpi-from-party-id': 'ABC' }, [{ countryCode: 'NL', partyId: 'ABC' }], 'pass'],
  ['passes an OCPI-from naming a party behind a Hub target, which its credentials (its HUB role) do not list', routing(['DE', 'CPX'], ['ZZ', 'OCT']), [{ countryCode: 'NL', partyId: 'HUB', role: 'HUB' }], 'pass'],
  ['still fails a wrong OCPI-to from a Hub target', routing(['DE', 'CPX'], ['DE', 'CPX']), [{ countryCode: 'NL', partyId: 'HUB', role: 'HUB' }], 'fail', /OCPI-to names DE\/CPX/],
  ['fails a Hub target that leaves the routing headers out, though its credentials name one role: a Hub is never peer to peer', {}, [{ countryCode: 'NL', partyId: 'HUB', role: 'HUB' }], 'fail', /no ocpi-from-country-code/],
];

describe('the routing headers check', () => {
  for (const [title, headers, known, status, message] of rows) {
    it(title, () => {
      const finding = checkRoutingHeaders(exchange({ headers }), { tester, target: known });
      assert.equal(finding.check, 'headers.routing');
      assert.equal(finding.status, status, finding.message);
      if (message) assert.match(finding.message, message);
    });
  }

  it('lists the expected headers and the ones present when some are missing', () => {
    const finding = checkRoutingHeaders(exchange({ headers: { 'ocpi-to-party-id': 'OCT' } }), { tester, target });
    assert.deepEqual(finding.expected, ['ocpi-from-country-code', 'ocpi-from-party-id', 'ocpi-to-country-code', 'ocpi-to-party-id']);
    assert.deepEqual(finding.actual, ['ocpi-to-party-id']);
  });
});
