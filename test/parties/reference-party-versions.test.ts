import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Secret } from '../../src/config/secret.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import { startReferenceParty, type ReferenceParty } from '../../src/parties/reference-party.js';
import { schemaRegistry } from '../../src/schemas/schema-registry.js';
import { nextLink } from '../../src/transport/next-link.js';
import { OcpiClient, type OcpiResponse } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const PARTNER_TOKEN = 'token-b-of-the-partner';
/** The object schema of each Sender list. */
const OBJECTS: Readonly<Record<string, string>> = { locations: 'Location', tariffs: 'Tariff', sessions: 'Session', cdrs: 'CDR', tokens: 'Token' };

/** A registering partner speaking `version`: its versions list and details, accepting its token in that version's form. */
async function startPartner(version: OcpiVersion): Promise<TestServer> {
  const server = await startTestServer();
  server.handler = (req: IncomingMessage, res: ServerResponse) => {
    const sent = String(req.headers['authorization'] ?? '').replace(/^Token /, '');
    const token = version === '2.1.1' ? sent : Buffer.from(sent, 'base64').toString();
    if (token !== PARTNER_TOKEN) {
      res.writeHead(401).end();
      return;
    }
    const endpoint = version === '2.1.1' ? { identifier: 'credentials', url: `${server.url}/${version}/credentials` } : { identifier: 'credentials', role: 'SENDER', url: `${server.url}/${version}/credentials` };
    const data = req.url === '/versions' ? [{ version, url: `${server.url}/${version}` }] : { version, endpoints: [endpoint] };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data, status_code: 1000, timestamp: '2026-01-01T00:00:00Z' }));
  };
  return server;
}

/** The Credentials object a partner POSTs in `version`. */
function partnerCredentials(version: OcpiVersion, url: string): Record<string, unknown> {
  const business = { name: 'test partner' };
  if (version === '2.1.1') return { token: PARTNER_TOKEN, url, business_details: business, party_id: 'TST', country_code: 'NL' };
  return { token: PARTNER_TOKEN, url, roles: [{ role: 'EMSP', party_id: 'TST', country_code: 'NL', business_details: business }] };
}

/** Collects the failures of each validation and counts what was validated. */
class Judge {
  failures: string[] = [];
  objects = 0;
  constructor(private readonly version: OcpiVersion) {}
  check(name: string, data: unknown, where: string): void {
    this.objects += 1;
    for (const finding of schemaRegistry().validate(this.version, name, data)) {
      if (finding.status === 'fail') this.failures.push(`${where} ${name}: ${finding.message}`);
    }
  }
  envelope(response: OcpiResponse, where: string): unknown {
    assert.equal(response.status, 200, `${where} answered HTTP ${response.status}`);
    this.check('Envelope', response.body, where);
    return (response.body as { data?: unknown }).data;
  }
}

for (const version of ['2.1.1', '2.2.1', '2.3.0'] as const) {
  for (const role of ['cpo', 'emsp'] as const) {
    describe(`the reference ${role} registered with in OCPI ${version}`, () => {
      let party: ReferenceParty;
      let partner: TestServer;
      const client = new OcpiClient({ timeoutMs: 5000, maxResponseBytes: 10_000_000, tokenEncoding: version === '2.1.1' ? 'raw' : 'base64', redactor: new Redactor(), nextExchangeId: () => 'x', userAgent: 'test' });
      const base = (): string => party.versionsUrl.replace(/\/versions$/, '');

      beforeEach(async () => {
        partner = await startPartner(version);
        party = await startReferenceParty({ role, tokenA: new Secret('the-token-a'), versions: ['2.1.1', '2.2.1', '2.3.0'] });
      });
      afterEach(async () => {
        await party.stop();
        await partner.close();
      });

      /** Registers as a partner would in `version`, and answers the token the party issued. */
      async function register(judge: Judge): Promise<Secret> {
        const response = await client.send({ method: 'POST', url: `${base()}/${version}/credentials`, token: party.tokenA, body: partnerCredentials(version, `${partner.url}/versions`) });
        const data = judge.envelope(response, 'POST credentials');
        assert.equal((response.body as { status_code?: unknown }).status_code, 1000, JSON.stringify(response.body));
        judge.check('Credentials', data, 'POST credentials');
        return new Secret((data as { token: string }).token);
      }

      it('registers the partner and serves every endpoint it declares in that version with that version\'s objects', async () => {
        const judge = new Judge(version);
        const token = await register(judge);
        judge.check('VersionList', judge.envelope(await client.send({ method: 'GET', url: party.versionsUrl, token }), 'versions'), 'versions');
        const details = judge.envelope(await client.send({ method: 'GET', url: `${base()}/${version}`, token }), 'details') as { version: string; endpoints: Array<{ identifier: string; role?: string; url: string }> };
        judge.check('VersionDetails', details, 'details');
        assert.equal(details.version, version);
        judge.check('Credentials', judge.envelope(await client.send({ method: 'GET', url: `${base()}/${version}/credentials`, token }), 'GET credentials'), 'GET credentials');
        let listed = 0;
        for (const endpoint of details.endpoints) {
          const name = OBJECTS[endpoint.identifier];
          const sender = endpoint.role === 'SENDER' || (endpoint.role === undefined && ((role === 'cpo' && endpoint.identifier !== 'tokens') || (role === 'emsp' && endpoint.identifier === 'tokens')));
          if (!name || !sender) continue;
          let url: string | undefined = endpoint.url;
          for (let page = 0; url && page < 100; page += 1) {
            const response = await client.send({ method: 'GET', url, token });
            const items = judge.envelope(response, `GET ${endpoint.identifier}`) as unknown[];
            for (const [index, item] of items.entries()) judge.check(name, item, `${endpoint.identifier}[${page}:${index}]`);
            listed += items.length;
            const next = nextLink(response.headers['link'], url);
            url = next.kind === 'next' ? next.url : undefined;
          }
        }
        assert.deepEqual(judge.failures, []);
        if (version === '2.1.1') {
          // 2.1.1 declares credentials and the modules it serves in 2.1.1, never Charging Profiles (2.1.1 has none), without roles.
          assert.deepEqual(details.endpoints.map((e) => e.identifier), role === 'cpo' ? ['credentials', 'locations', 'tariffs', 'sessions', 'cdrs', 'tokens', 'commands'] : ['credentials', 'locations', 'tariffs', 'sessions', 'cdrs', 'tokens']);
          assert.ok(details.endpoints.every((e) => e.role === undefined), 'a 2.1.1 endpoint has no role');
        }
        assert.ok(listed > (role === 'cpo' ? 60 : 20), `listed ${listed}`);
        assert.ok(judge.objects > listed, `checked ${judge.objects}`);
      });

      it('binds the registration to that version', async () => {
        const token = await register(new Judge(version));
        const other = version === '2.3.0' ? '2.2.1' : '2.3.0';
        const otherClient = new OcpiClient({ timeoutMs: 5000, maxResponseBytes: 100_000, tokenEncoding: 'base64', redactor: new Redactor(), nextExchangeId: () => 'y', userAgent: 'test' });
        const module = role === 'cpo' ? 'locations' : 'tokens';
        assert.equal((await otherClient.send({ method: 'GET', url: `${base()}/${other}/${module}`, token })).status, 401);
        assert.equal((await client.send({ method: 'GET', url: `${base()}/${version}/${module}`, token })).status, 200);
      });
    });
  }
}

describe('the reference party in OCPI 2.1.1', () => {
  let party: ReferenceParty;
  let partner: TestServer;
  beforeEach(async () => {
    partner = await startPartner('2.1.1');
    party = await startReferenceParty({ role: 'cpo', tokenA: new Secret('the-token-a'), versions: ['2.1.1'] });
  });
  afterEach(async () => {
    await party.stop();
    await partner.close();
  });
  const clientIn = (tokenEncoding: 'raw' | 'base64'): OcpiClient => new OcpiClient({ timeoutMs: 5000, maxResponseBytes: 100_000, tokenEncoding, redactor: new Redactor(), nextExchangeId: () => 'x', userAgent: 'test' });
  const credentialsUrl = (): string => party.versionsUrl.replace(/versions$/, '2.1.1/credentials');

  it('takes the token as it is: the raw form works and the Base64 form is refused', async () => {
    const posted = await clientIn('raw').send({ method: 'POST', url: credentialsUrl(), token: party.tokenA, body: partnerCredentials('2.1.1', `${partner.url}/versions`) });
    const token = new Secret((posted.body as { data: { token: string } }).data.token);
    assert.equal((await clientIn('raw').send({ method: 'GET', url: credentialsUrl(), token })).status, 200);
    assert.equal((await clientIn('base64').send({ method: 'GET', url: credentialsUrl(), token })).status, 401);
  });

  it('refuses a 2.2.1 Credentials object (roles, no party at the top level) with 2001', async () => {
    const posted = await clientIn('raw').send({ method: 'POST', url: credentialsUrl(), token: party.tokenA, body: partnerCredentials('2.2.1', `${partner.url}/versions`) });
    assert.equal((posted.body as { status_code: number }).status_code, 2001);
  });

  it('lists only 2.1.1 in its versions list', async () => {
    const list = await clientIn('raw').send({ method: 'GET', url: party.versionsUrl, token: party.tokenA });
    assert.deepEqual((list.body as { data: Array<{ version: string }> }).data.map((v) => v.version), ['2.1.1']);
  });
});

describe('a reference party registering with a partner', () => {
  const started: ReferenceParty[] = [];
  afterEach(async () => {
    for (const party of started.splice(0)) await party.stop();
  });

  for (const [offered, expected] of [[['2.1.1', '2.2.1'], '2.2.1'], [['2.1.1'], '2.1.1'], [['2.1.1', '2.2.1', '2.3.0'], '2.3.0']] as const) {
    it(`picks the highest version both offer (partner offers ${offered.join(', ')}: ${expected})`, async () => {
      const posted: string[] = [];
      const target = await startReferenceParty({ role: 'cpo', versions: offered, onExchange: (exchange) => { if (exchange.request.method === 'POST') posted.push(exchange.request.url); } });
      started.push(target);
      const party = await startReferenceParty({ role: 'emsp', versions: ['2.1.1', '2.2.1', '2.3.0'] });
      started.push(party);
      assert.equal(await party.registerWith({ versionsUrl: target.versionsUrl, tokenA: target.tokenA }), 'registered');
      assert.deepEqual(posted.map((url) => new URL(url).pathname), [`/ocpi/cpo/${expected}/credentials`]);
    });
  }
});
