import assert from 'node:assert/strict';
import { Secret } from '../../src/config/secret.js';
import type { Peer } from '../../src/peer/peer.js';
import { firstIdentity, pullPartnerList } from '../../src/parties/pull-partner.js';
import { startReferenceParty, type ReferenceParty } from '../../src/parties/reference-party.js';
import type { OcpiClient } from '../../src/transport/ocpi-client.js';
import { testParty } from '../helpers/test-party.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { startTestPeer } from '../helpers/test-peer.js';

const TESTER = { countryCode: 'ZZ', partyId: 'OCT' };

/** A tester's peer playing the CPO, with a client for sending as the tester. */
async function startPeer(): Promise<{ peer: Peer; client: OcpiClient }> {
  return startTestPeer({ role: 'CPO' });
}

describe("the reference eMSP's pull of its partner's Locations", () => {
  let peer: Peer;
  const given = new Secret('the-token-the-partner-gave');
  /** The eMSP context, registered with the peer: it holds the token the peer accepts and the peer's endpoints. */
  const registered = (faults: readonly string[] = [], role: 'cpo' | 'emsp' = 'emsp', endpoints = [{ identifier: 'locations', role: 'SENDER', url: `${peer.detailsUrl}/locations` }]) => {
    const party = testParty(faults, role);
    party.state.registration = { inbound: Secret.generate(), outbound: given, versionsUrl: peer.versionsUrl, endpoints, version: '2.2.1' };
    return party;
  };
  beforeEach(async () => {
    ({ peer } = await startPeer());
    peer.accept(given, 'token-b');
  });
  afterEach(() => peer.stop());

  it('follows the next Links with the token it was given and routing headers from itself to the partner.', async () => {
    const summary = await pullPartnerList(registered(), TESTER);
    assert.deepEqual(summary, { pages: 2, objects: 12 });
    const requests = peer.senderRequests();
    assert.deepEqual(requests.map((r) => [r.module, r.record.caller, r.record.exchange.response?.status]), [['locations', 'token-b', 200], ['locations', 'token-b', 200]]);
    for (const { record } of requests) {
      const headers = record.exchange.request.headers;
      assert.deepEqual([headers['ocpi-from-country-code'], headers['ocpi-from-party-id'], headers['ocpi-to-country-code'], headers['ocpi-to-party-id']], ['NL', 'REM', 'ZZ', 'OCT']);
    }
  });

  it('leaves OCPI-to out when the partner named no identity.', async () => {
    await pullPartnerList(registered(), undefined);
    const headers = peer.senderRequests()[0]?.record.exchange.request.headers ?? {};
    assert.equal(headers['ocpi-from-party-id'], 'REM');
    assert.equal(headers['ocpi-to-party-id'], undefined);
  });

  it('pulls nothing when the partner declares no Sender of the list the party pulls (Locations for the eMSP, Tokens for the CPO).', async () => {
    assert.deepEqual(await pullPartnerList(registered([], 'emsp', [{ identifier: 'locations', role: 'RECEIVER', url: `${peer.detailsUrl}/locations` }]), TESTER), { pages: 0, objects: 0 });
    assert.deepEqual(await pullPartnerList(registered([], 'cpo'), TESTER), { pages: 0, objects: 0 });
    assert.equal(peer.inbound.position, 0);
  });

  it('pulls with OCPI-to naming itself under the fault pull-routing-to-itself.', async () => {
    assert.deepEqual(await pullPartnerList(registered(['pull-routing-to-itself']), TESTER), { pages: 2, objects: 12 });
    const headers = peer.senderRequests()[0]?.record.exchange.request.headers ?? {};
    assert.deepEqual([headers['ocpi-to-country-code'], headers['ocpi-to-party-id']], [headers['ocpi-from-country-code'], headers['ocpi-from-party-id']]);
  });

  it('pulls with the token it issued under the fault pull-with-own-token, which the partner refuses with 401.', async () => {
    assert.deepEqual(await pullPartnerList(registered(['pull-with-own-token']), TESTER), { pages: 0, objects: 0 });
    assert.deepEqual(peer.senderRequests().map((r) => [r.record.caller, r.record.exchange.response?.status]), [['unknown', 401]]);
  });

  it('resolves when the partner does not answer at all.', async () => {
    const party = registered([], 'emsp', [{ identifier: 'locations', role: 'SENDER', url: 'http://127.0.0.1:9/locations' }]);
    assert.deepEqual(await pullPartnerList(party, TESTER), { pages: 0, objects: 0 });
  });
});

describe("the reference CPO's pull of its partner's Tokens", () => {
  it('follows the next Links of the eMSP\'s Tokens list with the token it was given and routing headers.', async () => {
    const { peer } = await startTestPeer({ role: 'EMSP' });
    try {
      const given = new Secret('the-token-the-emsp-gave');
      peer.accept(given, 'token-b');
      const party = testParty([], 'cpo');
      party.state.registration = { inbound: Secret.generate(), outbound: given, versionsUrl: peer.versionsUrl, endpoints: [{ identifier: 'tokens', role: 'SENDER', url: `${peer.detailsUrl}/tokens` }], version: '2.2.1' };
      assert.deepEqual(await pullPartnerList(party, TESTER), { pages: 3, objects: 25 });
      assert.deepEqual(peer.senderRequests().map((r) => [r.module, r.record.caller, r.record.exchange.request.headers['ocpi-from-party-id']]), [['tokens', 'token-b', 'RCP'], ['tokens', 'token-b', 'RCP'], ['tokens', 'token-b', 'RCP']]);
    } finally {
      await peer.stop();
    }
  });
});

describe('the page cap of a pull', () => {
  let partner: TestServer;
  let served = 0;
  beforeEach(async () => {
    served = 0;
    partner = await startTestServer();
    // Every page links to itself: a pull that trusted the Links would never end.
    partner.handler = (req, res) => {
      served += 1;
      res.writeHead(200, { 'content-type': 'application/json', link: `<${partner.url}${req.url ?? '/'}>; rel="next"` });
      res.end(JSON.stringify({ data: [{}], status_code: 1000, timestamp: '2026-01-01T00:00:00Z' }));
    };
  });
  afterEach(() => partner.close());

  it('stops after 20 pages of a list whose Links never end.', async () => {
    const party = testParty([], 'emsp');
    party.state.registration = { inbound: Secret.generate(), outbound: Secret.generate(), versionsUrl: '', endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${partner.url}/locations` }], version: '2.2.1' };
    assert.deepEqual(await pullPartnerList(party, TESTER), { pages: 20, objects: 20 });
    assert.equal(served, 20);
  });
});

describe('the first identity of a Credentials object', () => {
  it('is the country code and party id of its first complete role.', () => {
    assert.deepEqual(firstIdentity({ roles: [{ role: 'CPO' }, { role: 'CPO', country_code: 'ZZ', party_id: 'OCT' }] }), TESTER);
  });

  it('is undefined without roles.', () => {
    assert.equal(firstIdentity({ token: 'x' }), undefined);
    assert.equal(firstIdentity(null), undefined);
  });
});

describe('the reference eMSP registering with the tester playing the CPO', () => {
  let peer: Peer;
  let client: OcpiClient;
  let party: ReferenceParty;
  beforeEach(async () => {
    ({ peer, client } = await startPeer());
    party = await startReferenceParty({ role: 'emsp' });
  });
  afterEach(async () => {
    await party.stop();
    await peer.stop();
  });

  it('has pulled the Locations with Token B before it answers the POST of the tester\'s credentials.', async () => {
    const tokenB = new Secret('the-testers-token-b');
    peer.accept(tokenB, 'token-b');
    const credentialsUrl = party.versionsUrl.replace(/versions$/, '2.2.1/credentials');
    const response = await client.send({ method: 'POST', url: credentialsUrl, token: party.tokenA, body: peer.credentials(tokenB) });
    assert.equal((response.body as { status_code: number }).status_code, 1000);
    assert.deepEqual(peer.senderRequests().map((r) => [r.module, r.record.caller, r.record.exchange.response?.status]), [['locations', 'token-b', 200], ['locations', 'token-b', 200]]);
  });

  it('has pulled the Locations with Token C when its own registration with the tester resolves.', async () => {
    assert.equal(await party.registerWith({ versionsUrl: peer.versionsUrl, tokenA: peer.issueTokenA() }), 'registered');
    assert.deepEqual(peer.senderRequests().map((r) => [r.record.caller, r.record.exchange.response?.status]), [['token-c', 200], ['token-c', 200]]);
  });
});
