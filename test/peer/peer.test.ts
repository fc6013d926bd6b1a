import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import { DeadlineExceededError } from '../../src/peer/deadline-exceeded-error.js';
import { Peer } from '../../src/peer/peer.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';

describe("the tester's peer", () => {
  let peer: Peer;
  let client: OcpiClient;
  beforeEach(async () => {
    const redactor = new Redactor();
    let n = 0;
    const nextExchangeId = (): string => `x${++n}`;
    client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 100_000, tokenEncoding: 'base64', redactor, nextExchangeId, userAgent: 'test' });
    peer = await Peer.start({ host: '127.0.0.1', port: 0, redactor, nextExchangeId, client, role: 'EMSP' });
  });
  afterEach(() => peer.stop());

  it('refuses an unknown token with 401 and records the request as made by an unknown caller', async () => {
    const response = await client.send({ method: 'GET', url: peer.versionsUrl, token: new Secret('who-is-this') });
    assert.equal(response.status, 401);
    assert.equal(peer.inbound.since(0)[0]?.caller, 'unknown');
  });

  it('serves its versions to a token it accepts, and says how the token was encoded', async () => {
    const token = new Secret('accepted-token-b');
    peer.accept(token, 'token-b');
    const response = await client.send({ method: 'GET', url: peer.versionsUrl, token });
    assert.equal(response.status, 200);
    assert.deepEqual((response.body as { data: unknown }).data, [{ version: '2.2.1', url: peer.detailsUrl }]);
    const [record] = peer.inbound.since(0);
    assert.equal(record?.caller, 'token-b');
    assert.equal(record?.encoding, 'base64');
  });

  it('records a malformed body verbatim and answers it with 400', async () => {
    const tokenA = peer.issueTokenA();
    const response = await client.send({ method: 'POST', url: `${peer.detailsUrl}/credentials`, token: tokenA, rawBody: '{"token": oops' });
    assert.equal(response.status, 400);
    const recorded = peer.inbound.since(0).at(-1)?.exchange;
    assert.equal(recorded?.request.rawBody, '{"token": oops');
    const registration = await peer.waitForRegistration({ timeoutMs: 1000, what: 'registration' });
    assert.match(registration.failure ?? '', /not JSON/);
  });

  it('ends a wait that nothing satisfies at its deadline, with a named error', async () => {
    await assert.rejects(peer.waitForRequest(() => false, { timeoutMs: 50, what: 'a callback' }), (error: unknown) => {
      assert.ok(error instanceof DeadlineExceededError);
      assert.equal(error.message, 'no a callback within 50 ms');
      return true;
    });
  });

  it('resolves a wait with a request that arrived before the wait began', async () => {
    await client.send({ method: 'GET', url: peer.versionsUrl, token: null });
    const record = await peer.waitForRequest((r) => r.caller === 'missing', { timeoutMs: 50, what: 'a request' });
    assert.equal(record.exchange.response?.status, 401);
  });
});
