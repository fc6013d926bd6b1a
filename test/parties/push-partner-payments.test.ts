import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import type { Peer } from '../../src/peer/peer.js';
import { pushPartnerPayments } from '../../src/parties/push-partner-payments.js';
import { testParty } from '../helpers/test-party.js';
import { startTestPeer } from '../helpers/test-peer.js';

const TESTER = { countryCode: 'ZZ', partyId: 'OCT' };

describe("the reference PTP's POSTs to its CPO partner's Payments Receiver", () => {
  let peer: Peer;
  const given = new Secret('the-token-the-cpo-gave-the-ptp');
  /** The PTP context in 2.3.0, registered with the peer: it holds the token the peer accepts and the peer's endpoints. */
  const registered = (faults: readonly string[] = [], role: 'ptp' | 'emsp' = 'ptp', endpoints = [{ identifier: 'payments', role: 'RECEIVER', url: `${peer.detailsUrlOf('2.3.0')}/payments` }]) => {
    const party = testParty(faults, role, [], '2.3.0');
    party.state.registration = { inbound: Secret.generate(), outbound: given, versionsUrl: peer.versionsUrl, endpoints, version: '2.3.0' };
    return party;
  };
  beforeEach(async () => {
    peer = await (await startTestPeer({ role: 'CPO', version: '2.3.0', paymentsReceiver: true })).peer;
    peer.accept(given, 'token-b');
  });
  afterEach(() => peer.stop());

  it('POSTs a Terminal and a confirmation with the token it was given, Base64-encoded, and routing headers to the partner, each accepted with 201.', async () => {
    assert.deepEqual(await pushPartnerPayments(registered(), TESTER), { sent: 2, accepted: 2 });
    const posts = peer.paymentsPosts();
    assert.deepEqual(posts.map((p) => [p.collection, p.record.caller, p.record.encoding, p.record.exchange.response?.status]), [
      ['terminals', 'token-b', 'base64', 201],
      ['financial-advice-confirmations', 'token-b', 'base64', 201],
    ]);
    const headers = posts[0]?.record.exchange.request.headers ?? {};
    assert.deepEqual([headers['ocpi-from-country-code'], headers['ocpi-from-party-id'], headers['ocpi-to-country-code'], headers['ocpi-to-party-id']], ['NL', 'RPT', 'ZZ', 'OCT']);
  });

  it('sends nothing when the partner declares no Payments Receiver, or when the party is not a PTP.', async () => {
    assert.deepEqual(await pushPartnerPayments(registered([], 'ptp', []), TESTER), { sent: 0, accepted: 0 });
    assert.deepEqual(await pushPartnerPayments(registered([], 'emsp'), TESTER), { sent: 0, accepted: 0 });
    assert.equal(peer.paymentsPosts().length, 0);
  });

  it('bends one rule per fault: the raw token, OCPI-to naming itself, the token it issued, numeric coordinates.', async () => {
    await pushPartnerPayments(registered(['ptp-push-raw-token']), TESTER);
    assert.equal(peer.paymentsPosts()[0]?.record.encoding, 'raw');
    await pushPartnerPayments(registered(['ptp-push-routing-to-itself']), TESTER);
    assert.equal(peer.paymentsPosts()[2]?.record.exchange.request.headers['ocpi-to-party-id'], 'RPT');
    await pushPartnerPayments(registered(['ptp-push-with-own-token']), TESTER);
    assert.equal(peer.paymentsPosts()[4]?.record.exchange.response?.status, 401);
    await pushPartnerPayments(registered(['ptp-push-coordinates-numbers']), TESTER);
    assert.equal(typeof (peer.paymentsPosts()[6]?.record.exchange.request.body as { coordinates: { latitude: unknown } }).coordinates.latitude, 'number');
  });
});
