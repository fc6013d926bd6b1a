import assert from 'node:assert/strict';
import { checkRequestRouting, checkRequestsRouting } from '../../src/checks/request-routing.js';
import type { PartyIdentity } from '../../src/model/party-identity.js';
import { exchange } from '../helpers/exchange.js';

const tester: PartyIdentity = { countryCode: 'ZZ', partyId: 'OCT' };
const target: PartyIdentity[] = [{ countryCode: 'NL', partyId: 'REM' }, { countryCode: 'DE', partyId: 'XYZ' }];

const routing = (from: [string, string], to: [string, string]): Record<string, string> => ({
  'ocpi-from-country-code': from[0], 'ocpi-from-party-id': from[1], 'ocpi-to-country-code': to[0], 'ocpi-to-party-id': to[1],
});

/** One row: the request headers, the target's known identities, and the status and message the check gives. */
type Row = [title: string, headers: Record<string, string>, known: PartyIdentity[], status: 'pass' | 'fail', message?: RegExp];

const rows: Row[] = [
  ['passes a request from the target to the tester', routing(['NL', 'REM'], ['ZZ', 'OCT']), target, 'pass', /OCPI-from names the target and OCPI-to the tester/],
  ['passes when OCPI-from names another of the target\'s identities', routing(['DE', 'XYZ'], ['ZZ', 'OCT']), target, 'pass'],
  ['compares the CiStrings case-insensitively', routing(['nl', 'rem'], ['zz', 'oct']), target, 'pass'],
  ['passes any OCPI-from when the target\'s identities are not known', routing(['BE', 'QQQ'], ['ZZ', 'OCT']), [], 'pass'],
  ['fails a request with no routing headers, naming all four', {}, target, 'fail', /the request has no ocpi-from-country-code, ocpi-from-party-id, ocpi-to-country-code, ocpi-to-party-id: requests to functional modules carry/],
  ['fails a request without OCPI-to (an open routing request is for hubs)', { 'ocpi-from-country-code': 'NL', 'ocpi-from-party-id': 'REM' }, target, 'fail', /the request has no ocpi-to-country-code, ocpi-to-party-id/],
  ['fails when OCPI-to names someone other than the tester', routing(['NL', 'REM'], ['NL', 'RCP']), target, 'fail', /OCPI-to names NL\/RCP, not the tester ZZ\/OCT: a request to a party's own endpoint is addressed to that party/],
  ['fails when OCPI-from is none of the target\'s identities, listing them', routing(['ZZ', 'OCT'], ['ZZ', 'OCT']), target, 'fail', /OCPI-from names ZZ\/OCT, which is none of the target's roles in its credentials \(NL\/REM, DE\/XYZ\)/],
];

describe('the request routing check', () => {
  for (const [title, headers, known, status, message] of rows) {
    it(`${title}.`, () => {
      const finding = checkRequestRouting(exchange({ status: 200 }, { headers }), { tester, target: known });
      assert.equal(finding.check, 'headers.request-routing');
      assert.equal(finding.status, status, finding.message);
      assert.equal(finding.exchangeId, 'x1');
      if (message) assert.match(finding.message, message);
    });
  }

  it('judges the request headers, not the response headers.', () => {
    const finding = checkRequestRouting(exchange({ headers: routing(['ZZ', 'OCT'], ['NL', 'REM']) }, { headers: routing(['NL', 'REM'], ['ZZ', 'OCT']) }), { tester, target });
    assert.equal(finding.status, 'pass', finding.message);
  });

  it('judges a request that got no response.', () => {
    assert.equal(checkRequestRouting(exchange(undefined, { headers: {} }), { tester, target }).status, 'fail');
  });

  it('judges every request of a step, reporting each wrong one and no pass.', () => {
    const right = exchange({}, { headers: routing(['NL', 'REM'], ['ZZ', 'OCT']) });
    const wrong = { ...exchange({}, { method: 'POST', headers: routing(['NL', 'REM'], ['NL', 'REM']) }), id: 'x2' };
    const findings = checkRequestsRouting([right, wrong], { tester, target });
    assert.deepEqual(findings.map((f) => [f.status, f.exchangeId]), [['fail', 'x2']]);
  });

  it('passes every request of a step with one finding, pointing at the request when there is one.', () => {
    const findings = checkRequestsRouting([exchange({}, { headers: routing(['NL', 'REM'], ['ZZ', 'OCT']) })], { tester, target });
    assert.deepEqual(findings.map((f) => [f.status, f.exchangeId, f.message]), [['pass', 'x1', 'OCPI-from names the target and OCPI-to the tester on the one request']]);
  });
});
