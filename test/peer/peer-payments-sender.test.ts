import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import type { Peer } from '../../src/peer/peer.js';
import type { OcpiClient } from '../../src/transport/ocpi-client.js';
import { startTestPeer } from '../helpers/test-peer.js';

describe("the peer's Payments Sender (the tester as the PTP of a CPO under test)", () => {
  const peers: Peer[] = [];
  let client: OcpiClient;
  const token = new Secret('the-token-the-tester-gave-the-cpo');
  const start = async (paymentsSender: boolean): Promise<Peer> => {
    const started = await startTestPeer({ role: 'EMSP', version: '2.3.0', versions: ['2.2.1', '2.3.0'], paymentsSender });
    client = started.client;
    const peer = started.peer;
    peer.accept(token, 'token-b');
    peers.push(peer);
    return peer;
  };
  const payments = async (peer: Peer, version: '2.2.1' | '2.3.0'): Promise<unknown[]> => {
    const response = await client.send({ method: 'GET', url: peer.detailsUrlOf(version), token });
    return ((response.body as { data: { endpoints: Array<{ identifier: string }> } }).data.endpoints).filter((e) => e.identifier === 'payments');
  };
  afterEach(async () => {
    await Promise.all(peers.splice(0).map((peer) => peer.stop()));
  });

  it('is declared as payments SENDER in 2.3.0 only, and only when asked for.', async () => {
    const peer = await start(true);
    assert.deepEqual(await payments(peer, '2.3.0'), [{ identifier: 'payments', role: 'SENDER', url: `${peer.detailsUrlOf('2.3.0')}/payments` }]);
    assert.deepEqual(await payments(peer, '2.2.1'), []);
    assert.deepEqual(await payments(await start(false), '2.3.0'), []);
  });

  it('serves empty lists and answers activation, PUT, PATCH and deactivation with success, recording each write by its kind.', async () => {
    const peer = await start(true);
    const url = `${peer.detailsUrlOf('2.3.0')}/payments/terminals`;
    const list = await client.send({ method: 'GET', url, token });
    assert.deepEqual([list.status, (list.body as { data: unknown[] }).data, list.headers['x-total-count']], [200, [], '0']);
    for (const request of [
      { method: 'POST', url: `${url}/activate`, body: { reference: 'R1', last_updated: '2026-01-01T00:00:00Z' } },
      { method: 'PUT', url: `${url}/T1`, body: { terminal_id: 'T1', last_updated: '2026-01-01T00:00:00Z' } },
      { method: 'PATCH', url: `${url}/T1`, body: { location_ids: ['L1'] } },
      { method: 'POST', url: `${url}/T1/deactivate` },
    ] as const) {
      assert.equal((await client.send({ ...request, token })).status, 200, `${request.method} ${request.url}`);
    }
    assert.deepEqual(peer.terminalsRequests().map((request) => request.kind), ['activate', 'put', 'patch', 'deactivate']);
  });

  it('refuses a token it never gave with 401, and records the request all the same.', async () => {
    const peer = await start(true);
    const response = await client.send({ method: 'POST', url: `${peer.detailsUrlOf('2.3.0')}/payments/terminals/activate`, token: new Secret('a-token-nobody-gave-0000'), body: {} });
    assert.equal(response.status, 401);
    assert.deepEqual(peer.terminalsRequests().map((request) => request.record.caller), ['unknown']);
  });
});
