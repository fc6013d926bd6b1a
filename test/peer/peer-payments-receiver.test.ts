import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import type { Peer } from '../../src/peer/peer.js';
import type { OcpiClient } from '../../src/transport/ocpi-client.js';
import { startTestPeer } from '../helpers/test-peer.js';

describe("the peer's Payments Receiver (the tester as the CPO of a PTP under test)", () => {
  const peers: Peer[] = [];
  let client: OcpiClient;
  const start = async (paymentsReceiver: boolean, version: '2.2.1' | '2.3.0' = '2.3.0'): Promise<Peer> => {
    const started = await startTestPeer({ role: 'CPO', version, versions: ['2.2.1', '2.3.0'], paymentsReceiver });
    client = started.client;
    const peer = started.peer;
    peers.push(peer);
    return peer;
  };
  const token = new Secret('the-token-the-tester-gave');
  const declared = async (peer: Peer, version: '2.2.1' | '2.3.0'): Promise<unknown[]> => {
    peer.accept(token, 'token-b');
    const response = await client.send({ method: 'GET', url: peer.detailsUrlOf(version), token });
    return ((response.body as { data: { endpoints: Array<{ identifier: string; role?: string; url: string }> } }).data.endpoints).filter((e) => e.identifier === 'payments');
  };
  afterEach(async () => {
    await Promise.all(peers.splice(0).map((peer) => peer.stop()));
  });

  it('is declared as payments RECEIVER in 2.3.0 only, and only against a PTP.', async () => {
    const peer = await start(true);
    assert.deepEqual(await declared(peer, '2.3.0'), [{ identifier: 'payments', role: 'RECEIVER', url: `${peer.detailsUrlOf('2.3.0')}/payments` }]);
    assert.deepEqual(await declared(peer, '2.2.1'), []);
    assert.deepEqual(await declared(await start(false), '2.3.0'), []);
  });

  it('answers a registered partner\'s POST with 201 and records it by collection; an unknown token gets 401 and is recorded too.', async () => {
    const peer = await start(true);
    peer.accept(token, 'token-b');
    const url = `${peer.detailsUrlOf('2.3.0')}/payments`;
    const accepted = await client.send({ method: 'POST', url: `${url}/terminals`, token, body: { terminal_id: 'T1' } });
    assert.equal(accepted.status, 201);
    assert.equal(accepted.headers['ocpi-from-party-id'], 'OCT');
    const refused = await client.send({ method: 'POST', url: `${url}/financial-advice-confirmations`, token: new Secret('a-token-nobody-gave-0000'), body: {} });
    assert.equal(refused.status, 401);
    assert.deepEqual(peer.paymentsPosts().map((post) => [post.collection, post.record.caller]), [['terminals', 'token-b'], ['financial-advice-confirmations', 'unknown']]);
  });
});
