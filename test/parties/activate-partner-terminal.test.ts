import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import type { Peer } from '../../src/peer/peer.js';
import { activatePartnerTerminal } from '../../src/parties/activate-partner-terminal.js';
import { testParty } from '../helpers/test-party.js';
import { startTestPeer } from '../helpers/test-peer.js';

const TESTER = { countryCode: 'ZZ', partyId: 'OCT' };

describe("the reference CPO's activation of a terminal at its PTP partner", () => {
  let peer: Peer;
  const given = new Secret('the-token-the-ptp-gave-the-cpo');
  /** The CPO context in `version`, registered with the peer: it holds the token the peer accepts and the peer's endpoints. */
  const registered = (faults: readonly string[] = [], version: '2.2.1' | '2.3.0' = '2.3.0', endpoints = [{ identifier: 'payments', role: 'SENDER', url: `${peer.detailsUrlOf('2.3.0')}/payments` }]) => {
    const party = testParty(faults, 'cpo', [], version);
    party.state.registration = { inbound: Secret.generate(), outbound: given, versionsUrl: peer.versionsUrl, endpoints, version };
    return party;
  };
  beforeEach(async () => {
    peer = await (await startTestPeer({ role: 'EMSP', version: '2.3.0', paymentsSender: true })).peer;
    peer.accept(given, 'token-b');
  });
  afterEach(() => peer.stop());

  it('POSTs one TerminalActivation to {terminals}/activate with the token it was given, Base64-encoded, and routing headers to the partner.', async () => {
    assert.equal(await activatePartnerTerminal(registered(), TESTER), true);
    const [request, ...more] = peer.terminalsRequests();
    assert.equal(more.length, 0);
    assert.deepEqual([request?.kind, request?.record.caller, request?.record.encoding, request?.record.exchange.response?.status], ['activate', 'token-b', 'base64', 200]);
    const body = request?.record.exchange.request.body as Record<string, unknown>;
    assert.equal(body['terminal_id'], undefined);
    assert.equal(typeof body['last_updated'], 'string');
    const headers = request?.record.exchange.request.headers ?? {};
    assert.deepEqual([headers['ocpi-from-party-id'], headers['ocpi-to-country-code'], headers['ocpi-to-party-id']], ['RCP', 'ZZ', 'OCT']);
  });

  it('sends nothing in 2.2.1, or when the partner declares no Payments Sender.', async () => {
    assert.equal(await activatePartnerTerminal(registered([], '2.2.1'), TESTER), false);
    assert.equal(await activatePartnerTerminal(registered([], '2.3.0', []), TESTER), false);
    assert.equal(peer.inbound.position, 0);
  });

  it('bends one rule per fault: the raw token, OCPI-to naming itself, the token it issued, no last_updated.', async () => {
    await activatePartnerTerminal(registered(['activation-raw-token']), TESTER);
    await activatePartnerTerminal(registered(['activation-routing-to-itself']), TESTER);
    await activatePartnerTerminal(registered(['activation-with-own-token']), TESTER);
    await activatePartnerTerminal(registered(['activation-without-last-updated']), TESTER);
    const [raw, itself, own, undated] = peer.terminalsRequests().map((request) => request.record);
    assert.equal(raw?.encoding, 'raw');
    assert.equal(itself?.exchange.request.headers['ocpi-to-party-id'], 'RCP');
    assert.equal(own?.exchange.response?.status, 401);
    assert.equal((undated?.exchange.request.body as Record<string, unknown>)['last_updated'], undefined);
  });
});
