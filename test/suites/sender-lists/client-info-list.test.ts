import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadRunConfig } from '../../../src/config/load-run-config.js';
import type { RunResult } from '../../../src/model/case-result.js';
import type { OcpiVersion } from '../../../src/model/ocpi-version.js';
import { run } from '../../../src/run.js';
import { dateTimeMs, ocpiNow } from '../../../src/schemas/ocpi-datetime.js';
import { readAuthorization } from '../../../src/transport/authorization.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

// No reference party serves a Hub Client Info Sender (a Hub is not among them): this small Hub does, so that the list
// cases are seen to pass against a conformant list and to fail against a broken one.

const TOKEN = 'client-info-hub-token-0123456789';
const PAGE = 3;
const NOW = Date.now();
/** Seven parties connected to the Hub, each last updated an hour apart. */
const CLIENT_INFOS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG'].map((partyId, index) => ({
  country_code: 'NL', party_id: partyId, role: index % 2 === 0 ? 'CPO' : 'EMSP', status: index === 6 ? 'PLANNED' : 'CONNECTED',
  last_updated: ocpiNow(new Date(NOW - (7 - index) * 3_600_000)),
}));

/** How the Hub may break its list. */
type HubFault = 'none' | 'no-total-count' | 'date-to-inclusive' | 'ignores-limit';

const envelope = (data: unknown, status = 1000): string => JSON.stringify({ ...(data === undefined ? {} : { data }), status_code: status, timestamp: ocpiNow() });

/** The answers of a minimal Hub offering 2.2.1 and 2.3.0: versions, details, credentials (for --handshake none) and its ClientInfo list. */
function hubAnswer(base: string, fault: HubFault, req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-request-id': String(req.headers['x-request-id'] ?? ''),
    'x-correlation-id': String(req.headers['x-correlation-id'] ?? ''),
    'ocpi-from-country-code': 'NL', 'ocpi-from-party-id': 'HUB', 'ocpi-to-country-code': 'ZZ', 'ocpi-to-party-id': 'OCT',
  };
  const send = (status: number, body: string, more: Record<string, string> = {}): void => void res.writeHead(status, { ...headers, ...more }).end(body);
  if (readAuthorization(req.headers.authorization).token !== TOKEN && readAuthorization(req.headers.authorization).token !== Buffer.from(TOKEN).toString('base64')) return send(401, envelope(undefined, 2000));
  const url = new URL(req.url ?? '/', base);
  const [, , version, module] = url.pathname.replace(/\/+$/, '').split('/');
  if (version === 'versions') return send(200, envelope(['2.2.1', '2.3.0'].map((v) => ({ version: v, url: `${base}/ocpi/${v}` }))));
  if (version !== '2.2.1' && version !== '2.3.0') return send(404, envelope(undefined, 2000));
  if (module === undefined) {
    return send(200, envelope({ version, endpoints: [
      { identifier: 'credentials', role: 'RECEIVER', url: `${base}/ocpi/${version}/credentials` },
      { identifier: 'hubclientinfo', role: 'SENDER', url: `${base}/ocpi/${version}/hubclientinfo` },
    ] }));
  }
  if (module === 'credentials') {
    const role = { role: version === '2.2.1' ? 'HUB' : 'OTHER', country_code: 'NL', party_id: 'HUB', business_details: { name: 'Test Hub' } };
    return send(200, envelope({ token: TOKEN, url: `${base}/ocpi/versions`, roles: [role], ...(version === '2.3.0' ? { hub_party_id: 'NLHUB' } : {}) }));
  }
  if (module !== 'hubclientinfo') return send(404, envelope(undefined, 2000));
  const from = url.searchParams.get('date_from');
  const to = url.searchParams.get('date_to');
  const beforeTo = (at: number): boolean => to === null || (fault === 'date-to-inclusive' ? at <= dateTimeMs(to) : at < dateTimeMs(to));
  const matching = CLIENT_INFOS.filter((c) => (from === null || dateTimeMs(c.last_updated) >= dateTimeMs(from)) && beforeTo(dateTimeMs(c.last_updated)));
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = fault === 'ignores-limit' ? PAGE : Math.min(PAGE, Number(url.searchParams.get('limit') ?? PAGE));
  const more: Record<string, string> = { 'x-limit': String(PAGE), ...(fault === 'no-total-count' ? {} : { 'x-total-count': String(matching.length) }) };
  if (offset + limit < matching.length) {
    const next = new URL(url.href);
    next.searchParams.set('offset', String(offset + limit));
    more['link'] = `<${next.href}>; rel="next"`;
  }
  return send(200, envelope(matching.slice(offset, offset + limit)), more);
}

describe('the Hub Client Info list cases against a small Hub that serves the ClientInfo Sender', function () {
  this.timeout(60_000);
  let hub: TestServer;
  let fault: HubFault = 'none';
  before(async () => {
    hub = await startTestServer();
    hub.handler = (req, res) => hubAnswer(hub.url, fault, req, res);
  });
  after(() => hub.close());

  const runAgainstHub = async (version: OcpiVersion): Promise<RunResult> => {
    const config = loadRunConfig({ flags: { versionsUrl: `${hub.url}/ocpi/versions`, token: TOKEN, handshake: 'none', ocpiVersion: version, only: ['HCI-LIST-01', 'HCI-LIST-02', 'HCI-LIST-03', 'HCI-01', 'HCI-02'], quiet: true }, env: {} });
    return run(config);
  };
  const outcomes = (result: RunResult): string[] => result.cases.filter((c) => c.id.startsWith('HCI-')).map((c) => `${c.id} ${c.status}`).sort();
  const failedChecks = (result: RunResult, id: string): string[] => [...new Set(result.cases.find((c) => c.id === id)?.findings.filter((f) => f.status === 'fail').map((f) => f.check) ?? [])];

  for (const version of ['2.2.1', '2.3.0'] as const) {
    it(`passes HCI-LIST-01 to HCI-LIST-03 in OCPI ${version} when the list pages, counts and filters as the spec says; HCI-01 and HCI-02 skip, no Receiver being declared.`, async () => {
      fault = 'none';
      const result = await runAgainstHub(version);
      assert.deepEqual(outcomes(result), ['HCI-01 skipped', 'HCI-02 skipped', 'HCI-LIST-01 passed', 'HCI-LIST-02 passed', 'HCI-LIST-03 passed'], JSON.stringify(result.cases.map((c) => [c.id, c.status, c.reason, c.findings.filter((f) => f.status === 'fail')])));
      const crawl = result.cases.find((c) => c.id === 'HCI-LIST-01');
      // The three pages were crawled to their end: the crawl received the seven ClientInfo X-Total-Count announced.
      assert.ok(crawl?.findings.some((f) => f.check === 'pagination.complete' && f.status === 'pass'));
    });
  }

  it('fails HCI-LIST-01 when no page carries X-Total-Count.', async () => {
    fault = 'no-total-count';
    const result = await runAgainstHub('2.2.1');
    assert.ok(failedChecks(result, 'HCI-LIST-01').includes('pagination.total-count'));
  });

  it('fails HCI-LIST-02 when the list treats date_to as inclusive.', async () => {
    fault = 'date-to-inclusive';
    const result = await runAgainstHub('2.3.0');
    assert.deepEqual(failedChecks(result, 'HCI-LIST-02'), ['pagination.date-filter']);
  });

  it('fails HCI-LIST-03 when the list ignores the limit asked for.', async () => {
    fault = 'ignores-limit';
    const result = await runAgainstHub('2.2.1');
    assert.deepEqual(failedChecks(result, 'HCI-LIST-03'), ['pagination.limit-honoured']);
  });
});
