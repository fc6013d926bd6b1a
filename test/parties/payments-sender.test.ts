import assert from 'node:assert/strict';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { generatePayments } from '../../src/ocpi-data/generate-payments.js';
import { paymentsSenderRoutes } from '../../src/parties/payments-sender.js';
import type { ServerResponseSpec } from '../../src/server/ocpi-server.js';
import { testParty } from '../helpers/test-party.js';
import { envelopeOf, serverRequest } from '../helpers/server-request.js';

const DATA = generatePayments({ countryCode: 'NL', partyId: 'RPT', now: new Date('2026-05-01T10:00:00Z') });

describe('the payments sender of the reference PTP', () => {
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = [], variants: readonly string[] = []): void => {
    routes = paymentsSenderRoutes(testParty(faults, 'ptp', variants, '2.3.0'), DATA, 5);
  };
  const call = async (path: string, parts: { params?: Record<string, string> } = {}): Promise<ServerResponseSpec> => {
    const route = routes.find((candidate) => candidate.method === 'GET' && candidate.path === path);
    if (!route) throw new Error(`no GET ${path} route`);
    return route.handler(serverRequest({ method: 'GET', ...parts }));
  };
  beforeEach(() => start());

  it('serves the Terminals and the confirmations lists in pages of its page size, with X-Total-Count.', async () => {
    for (const path of ['/terminals', '/financial-advice-confirmations']) {
      const page = await call(path);
      assert.equal(page.status, 200);
      assert.equal((envelopeOf(page).data as unknown as unknown[]).length, 5);
      assert.equal(page.headers?.['x-total-count'], '12');
    }
  });

  it('serves a Terminal and a confirmation by their id alone, in any letter case, as the list has them.', async () => {
    const terminal = await call('/terminals/:object_id', { params: { object_id: 'rpt-term-0003' } });
    assert.deepEqual(envelopeOf(terminal).data, DATA.terminals[2]);
    const confirmation = await call('/financial-advice-confirmations/:object_id', { params: { object_id: 'RPT-FAC-0004' } });
    assert.deepEqual(envelopeOf(confirmation).data, DATA.confirmations[3]);
  });

  it('answers an unknown Terminal or confirmation id with HTTP 404, and with 200 under unknown-ptp-terminal-200.', async () => {
    assert.equal((await call('/terminals/:object_id', { params: { object_id: 'NOPE' } })).status, 404);
    assert.equal((await call('/financial-advice-confirmations/:object_id', { params: { object_id: 'NOPE' } })).status, 404);
    start(['unknown-ptp-terminal-200']);
    assert.equal((await call('/terminals/:object_id', { params: { object_id: 'NOPE' } })).status, 200);
  });

  it('serves a single object that differs from the list under terminal-detail-differs and confirmation-detail-older.', async () => {
    start(['terminal-detail-differs', 'confirmation-detail-older']);
    const terminal = envelopeOf(await call('/terminals/:object_id', { params: { object_id: 'RPT-TERM-0001' } })).data as Record<string, unknown>;
    assert.equal(terminal['customer_reference'], 'CUST-STALE');
    assert.equal(terminal['last_updated'], DATA.terminals[0]?.last_updated);
    const confirmation = envelopeOf(await call('/financial-advice-confirmations/:object_id', { params: { object_id: 'RPT-FAC-0001' } })).data as { last_updated: string };
    assert.ok(Date.parse(confirmation.last_updated) < Date.parse(DATA.confirmations[0]?.last_updated ?? ''));
  });

  it('writes the ids and references in lower case under payments-lowercase-ids, in the lists and the single objects.', async () => {
    start([], ['payments-lowercase-ids']);
    const [first] = envelopeOf(await call('/terminals')).data as unknown as Array<Record<string, unknown>>;
    assert.equal(first?.['terminal_id'], 'rpt-term-0001');
    const confirmation = envelopeOf(await call('/financial-advice-confirmations/:object_id', { params: { object_id: 'RPT-FAC-0002' } })).data as Record<string, unknown>;
    assert.equal(confirmation['authorization_reference'], 'rpt-auth-0002');
  });
});
