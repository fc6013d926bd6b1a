import assert from 'node:assert/strict';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';
import { Secret } from '../../src/config/secret.js';
import { DeadlineExceededError } from '../../src/peer/deadline-exceeded-error.js';
import { Peer } from '../../src/peer/peer.js';
import { nextLink } from '../../src/transport/next-link.js';
import { OcpiClient, type OcpiResponse } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';
import { startTestServer } from '../helpers/test-server.js';

/** A peer on loopback and a client to call it with, as a target would. */
async function startPeer(options: { role: 'CPO' | 'EMSP'; version?: '2.1.1' | '2.2.1'; tokenEncoding?: 'raw' | 'base64'; maxResponseBytes?: number }): Promise<{ peer: Peer; client: OcpiClient }> {
  const redactor = new Redactor();
  let n = 0;
  const nextExchangeId = (): string => `x${++n}`;
  const client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: options.maxResponseBytes ?? 100_000, tokenEncoding: options.tokenEncoding ?? 'base64', redactor, nextExchangeId, userAgent: 'test' });
  const peer = await Peer.start({ host: '127.0.0.1', port: 0, redactor, nextExchangeId, client, role: options.role, ...(options.version ? { version: options.version } : {}) });
  return { peer, client };
}

describe("the tester's peer", () => {
  let peer: Peer;
  let client: OcpiClient;
  beforeEach(async () => ({ peer, client } = await startPeer({ role: 'EMSP' })));
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

  it('declares its credentials endpoint, its Tokens list and its Locations, Tariffs, Sessions and CDRs Receivers when it plays the eMSP, accepts a pushed Location, and serves no CPO lists.', async () => {
    const token = new Secret('accepted-token-b');
    peer.accept(token, 'token-b');
    const details = await client.send({ method: 'GET', url: peer.detailsUrl, token });
    assert.deepEqual((details.body as { data: { endpoints: unknown } }).data.endpoints, [
      { identifier: 'credentials', role: 'SENDER', url: `${peer.detailsUrl}/credentials` },
      { identifier: 'tokens', role: 'SENDER', url: `${peer.detailsUrl}/tokens` },
      { identifier: 'locations', role: 'RECEIVER', url: `${peer.detailsUrl}/locations` },
      { identifier: 'tariffs', role: 'RECEIVER', url: `${peer.detailsUrl}/tariffs` },
      { identifier: 'sessions', role: 'RECEIVER', url: `${peer.detailsUrl}/sessions` },
      { identifier: 'cdrs', role: 'RECEIVER', url: `${peer.detailsUrl}/cdrs` },
    ]);
    const session = await client.send({ method: 'PUT', url: `${peer.detailsUrl}/sessions/NL/CPO/S1`, token, body: { id: 'S1' } });
    assert.equal(session.status, 200);
    const cdr = await client.send({ method: 'POST', url: `${peer.detailsUrl}/cdrs`, token, body: { id: 'CDR 1' } });
    assert.equal(cdr.status, 201);
    assert.equal(cdr.headers['location'], `${peer.detailsUrl}/cdrs/CDR%201`);
    const tokens = await client.send({ method: 'GET', url: `${peer.detailsUrl}/tokens?limit=5`, token });
    assert.equal((tokens.body as { data: unknown[] }).data.length, 5);
    assert.equal(tokens.headers['x-total-count'], '25');
    const pushed = await client.send({ method: 'PUT', url: `${peer.detailsUrl}/locations/NL/CPO/LOC1`, token, body: { id: 'LOC1' } });
    assert.equal(pushed.status, 200);
    const stranger = await client.send({ method: 'PUT', url: `${peer.detailsUrl}/locations/NL/CPO/LOC1`, token: new Secret('who-is-this'), body: { id: 'LOC1' } });
    assert.equal(stranger.status, 401);
    const list = await client.send({ method: 'GET', url: `${peer.detailsUrl}/locations`, token });
    assert.equal(list.status, 404);
    assert.equal(peer.data, undefined);
    assert.deepEqual(peer.senderRequests().map((r) => r.module), ['tokens']);
  });

  it('declares its versions URL, its details and what lies under its endpoints, and nothing else under the details.', async () => {
    const base = new URL(peer.versionsUrl).origin;
    for (const path of ['/ocpi/versions', '/ocpi/2.2.1', '/ocpi/2.2.1/credentials', '/ocpi/2.2.1/locations/NL/CPO/L1/E1', '/ocpi/2.2.1/tokens?offset=10', '/ocpi/2.2.1/results/CommandResult/x']) assert.ok(peer.declares(`${base}${path}`), path);
    for (const path of ['/ocpi/2.2.1/hubclientinfo', '/ocpi/2.2.1/locations-v2/NL/CPO/L1', '/ocpi/2.1.1/credentials', '/other']) assert.ok(!peer.declares(`${base}${path}`), path);
  });

  it('resolves a wait with a request that arrived before the wait began', async () => {
    await client.send({ method: 'GET', url: peer.versionsUrl, token: null });
    const record = await peer.waitForRequest((r) => r.caller === 'missing', { timeoutMs: 50, what: 'a request' });
    assert.equal(record.exchange.response?.status, 401);
  });
});

describe("the tester's peer playing the CPO", () => {
  let peer: Peer;
  let client: OcpiClient;
  const token = new Secret('the-token-b-it-gave');
  const routing = { 'ocpi-from-country-code': 'NL', 'ocpi-from-party-id': 'REM', 'ocpi-to-country-code': 'ZZ', 'ocpi-to-party-id': 'OCT' };
  const dataOf = (response: OcpiResponse): unknown[] => (response.body as { data: unknown[] }).data;
  beforeEach(async () => {
    ({ peer, client } = await startPeer({ role: 'CPO', maxResponseBytes: 1_000_000 }));
    peer.accept(token, 'token-b');
  });
  afterEach(() => peer.stop());

  it('declares its four CPO lists as SENDER interfaces, and Commands, Tokens and ChargingProfiles Receivers, in its version details.', async () => {
    const details = await client.send({ method: 'GET', url: peer.detailsUrl, token });
    const endpoints = (details.body as { data: { endpoints: Array<{ identifier: string; role: string; url: string }> } }).data.endpoints;
    assert.deepEqual(endpoints.map((e) => [e.identifier, e.role, e.url]), [
      ...['credentials', 'locations', 'tariffs', 'sessions', 'cdrs'].map((id) => [id, 'SENDER', `${peer.detailsUrl}/${id}`]),
      ['commands', 'RECEIVER', `${peer.detailsUrl}/commands`],
      ['tokens', 'RECEIVER', `${peer.detailsUrl}/tokens`],
      ['chargingprofiles', 'RECEIVER', `${peer.detailsUrl}/chargingprofiles`],
    ]);
  });

  it('answers a ChargingProfile PUT, GET and DELETE from its partner with a ChargingProfileResponse ACCEPTED and a timeout, and a stranger with 401.', async () => {
    for (const method of ['PUT', 'GET', 'DELETE'] as const) {
      const answer = await client.send({ method, url: `${peer.detailsUrl}/chargingprofiles/SES0001`, token, headers: routing, ...(method === 'PUT' ? { body: { charging_profile: {}, response_url: 'http://127.0.0.1:9/r' } } : {}) });
      assert.equal(answer.status, 200, method);
      assert.deepEqual((answer.body as { data: unknown }).data, { result: 'ACCEPTED', timeout: 30 }, method);
    }
    const stranger = await client.send({ method: 'PUT', url: `${peer.detailsUrl}/chargingprofiles/SES0001`, token: new Secret('who-is-this'), body: {} });
    assert.equal(stranger.status, 401);
  });

  it('answers a command from its partner with a CommandResponse ACCEPTED and a timeout, and a stranger with 401.', async () => {
    const command = await client.send({ method: 'POST', url: `${peer.detailsUrl}/commands/START_SESSION`, token, headers: routing, body: { response_url: 'http://127.0.0.1:9/r', token: {}, location_id: 'L1' } });
    assert.equal(command.status, 200);
    assert.deepEqual((command.body as { data: unknown }).data, { result: 'ACCEPTED', timeout: 30 });
    assert.equal(command.headers['ocpi-to-party-id'], 'REM');
    const stranger = await client.send({ method: 'POST', url: `${peer.detailsUrl}/commands/START_SESSION`, token: new Secret('who-is-this'), body: {} });
    assert.equal(stranger.status, 401);
  });

  it('serves its Locations in pages of ten to an accepted token, with the next Link and routing headers back to the caller.', async () => {
    const first = await client.send({ method: 'GET', url: `${peer.detailsUrl}/locations`, token, headers: routing });
    assert.equal(first.status, 200);
    assert.equal(dataOf(first).length, 10);
    assert.equal(first.headers['x-total-count'], '12');
    assert.equal(first.headers['x-limit'], '10');
    assert.equal(first.headers['ocpi-from-country-code'], 'ZZ');
    assert.equal(first.headers['ocpi-from-party-id'], 'OCT');
    assert.equal(first.headers['ocpi-to-country-code'], 'NL');
    assert.equal(first.headers['ocpi-to-party-id'], 'REM');
    const next = nextLink(first.headers['link'], first.exchange.request.url);
    assert.equal(next.kind, 'next');
    const second = await client.send({ method: 'GET', url: next.kind === 'next' ? next.url : '', token });
    assert.equal(dataOf(second).length, 2);
    assert.equal(second.headers['link'], undefined);
    assert.equal(second.headers['ocpi-to-country-code'], undefined, 'no OCPI-to when the request named no sender');
    assert.deepEqual([...dataOf(first), ...dataOf(second)], peer.data?.locations);
  });

  it('serves as much generated data as the reference CPO does, owned by the tester, and names one of its EVSEs.', async () => {
    assert.equal(peer.data?.locations.length, 12);
    assert.equal(peer.data?.sessions.length, 30);
    assert.ok(peer.data?.locations.every((l) => l.country_code === 'ZZ' && l.party_id === 'OCT'));
    const evse = peer.firstEvse;
    assert.ok(evse && peer.data?.locations.find((l) => l.id === evse.locationId)?.evses?.some((e) => e.uid === evse.evseUid));
    for (const module of ['tariffs', 'sessions', 'cdrs'] as const) {
      const response = await client.send({ method: 'GET', url: `${peer.detailsUrl}/${module}`, token });
      assert.equal(response.headers['x-total-count'], String(peer.data?.[module].length), module);
    }
  });

  it('refuses its lists with 401 to an unknown token, to Token A and without a token, with routing headers still set.', async () => {
    const tokenA = peer.issueTokenA();
    for (const caller of [new Secret('who-is-this'), tokenA, null]) {
      const response = await client.send({ method: 'GET', url: `${peer.detailsUrl}/locations`, token: caller, headers: routing });
      assert.equal(response.status, 401);
      assert.equal((response.body as { status_code: number }).status_code, 2000);
      assert.equal(response.headers['ocpi-from-party-id'], 'OCT');
    }
    assert.deepEqual(peer.senderRequests().map((r) => r.record.caller), ['unknown', 'token-a', 'missing']);
  });

  it('lists the GETs made to its Sender interfaces with their module, and nothing else.', async () => {
    await client.send({ method: 'GET', url: peer.versionsUrl, token });
    await client.send({ method: 'GET', url: `${peer.detailsUrl}/tariffs?offset=0`, token });
    await client.send({ method: 'GET', url: `${peer.detailsUrl}/locations/LOC1`, token });
    await client.send({ method: 'POST', url: `${peer.detailsUrl}/cdrs`, token, body: {} });
    assert.deepEqual(peer.senderRequests().map((r) => [r.module, r.record.exchange.response?.status]), [['tariffs', 200], ['locations', 404]]);
  });
});

describe("the tester's peer speaking OCPI 2.1.1", () => {
  let peer: Peer;
  let client: OcpiClient;
  beforeEach(async () => ({ peer, client } = await startPeer({ role: 'CPO', version: '2.1.1', tokenEncoding: 'raw' })));
  afterEach(() => peer.stop());

  it('lists 2.1.1 with its details, whose endpoints name no interface role, and serves its Sender lists in 2.1.1 shapes without routing headers.', async () => {
    // A raw token that also reads as Base64 (this one decodes to "token-that-looks-encoded") is still recognised.
    const token = new Secret('dG9rZW4tdGhhdC1sb29rcy1lbmNvZGVk');
    peer.accept(token, 'token-b');
    const versions = await client.send({ method: 'GET', url: peer.versionsUrl, token });
    assert.equal(versions.status, 200);
    assert.deepEqual((versions.body as { data: unknown }).data, [{ version: '2.1.1', url: peer.detailsUrl }]);
    // It was sent raw, and is recorded so, though the header reads as Base64.
    assert.deepEqual(peer.inbound.since(0).map((r) => [r.caller, r.encoding]), [['token-b', 'raw']]);
    assert.match(peer.detailsUrl, /\/ocpi\/2\.1\.1$/);
    const details = await client.send({ method: 'GET', url: peer.detailsUrl, token });
    const identifiers = ['credentials', 'locations', 'tariffs', 'sessions', 'cdrs'];
    assert.deepEqual((details.body as { data: unknown }).data, { version: '2.1.1', endpoints: identifiers.map((identifier) => ({ identifier, url: `${peer.detailsUrl}/${identifier}` })) });
    const sessions = await client.send({ method: 'GET', url: `${peer.detailsUrl}/sessions`, token });
    assert.equal(sessions.status, 200);
    assert.equal(sessions.headers['ocpi-from-party-id'], undefined);
    const page = (sessions.body as { data: Array<Record<string, unknown>> }).data;
    assert.ok(page.length > 0);
    for (const session of page) assert.deepEqual(schemaRegistry().validate('2.1.1', 'Session', session).filter((f) => f.status === 'fail'), []);
  });

  it('describes itself with a 2.1.1 Credentials object: the party at the top level, no roles.', () => {
    const credentials = peer.credentials(new Secret('token-for-the-target'));
    assert.deepEqual(Object.keys(credentials).sort(), ['business_details', 'country_code', 'party_id', 'token', 'url']);
  });

  it('takes a 2.1.1 registration: GETs the target back with its raw token and issues a token of its own.', async () => {
    const target = await startTestServer();
    const seen: Array<[string | undefined, string | undefined]> = [];
    target.handler = (req, res) => {
      seen.push([req.url, req.headers.authorization]);
      const data = req.url === '/versions' ? [{ version: '2.1.1', url: `${target.url}/2.1.1` }] : { version: '2.1.1', endpoints: [{ identifier: 'credentials', url: `${target.url}/2.1.1/credentials` }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status_code: 1000, timestamp: new Date().toISOString(), data }));
    };
    try {
      const tokenA = peer.issueTokenA();
      const body = { token: 'target-token-b-0123', url: `${target.url}/versions`, party_id: 'REM', country_code: 'NL', business_details: { name: 'remote' } };
      const response = await client.send({ method: 'POST', url: `${peer.detailsUrl}/credentials`, token: tokenA, body });
      assert.equal(response.status, 200);
      const issued = (response.body as { data: { token: string; party_id: string } }).data;
      assert.equal(issued.party_id, 'OCT');
      assert.deepEqual(seen, [['/versions', 'Token target-token-b-0123'], ['/2.1.1', 'Token target-token-b-0123']]);
      const registration = await peer.waitForRegistration({ timeoutMs: 1000, what: 'registration' });
      assert.equal(registration.failure, undefined);
      // The token it issued works, sent as it is.
      const again = await client.send({ method: 'GET', url: `${peer.detailsUrl}/credentials`, token: new Secret(issued.token) });
      assert.equal(again.status, 200);
    } finally {
      await target.close();
    }
  });
});
