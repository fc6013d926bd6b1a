import assert from 'node:assert/strict';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import { paymentsReceiverRoutes } from '../../src/parties/payments-receiver.js';
import { PaymentsStore } from '../../src/parties/payments-store.js';
import type { ServerResponseSpec } from '../../src/server/ocpi-server.js';
import { STAMP, testParty } from '../helpers/test-party.js';
import { envelopeOf, serverRequest } from '../helpers/server-request.js';

const TERMINAL = {
  terminal_id: 'TERM-1',
  customer_reference: 'CUSTOMER-7',
  address: 'Street 1',
  city: 'Vienna',
  country: 'AUT',
  coordinates: { latitude: '51.047599', longitude: '3.729944' },
  invoice_creator: 'CPO',
  last_updated: STAMP,
};
const CONFIRMATION = {
  id: 'FAC-1',
  authorization_reference: 'AUTH-1',
  total_costs: { before_taxes: 10, taxes: [{ name: 'VAT', amount: 2.1 }] },
  currency: 'EUR',
  eft_data: ['terminal 1', 'receipt 42'],
  capture_status_code: 'SUCCESS',
  capture_status_message: 'captured',
  last_updated: STAMP,
};

describe('the payments receiver of the reference CPO', () => {
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = [], variants: readonly string[] = []): void => {
    routes = paymentsReceiverRoutes(testParty(faults, 'cpo', variants), new PaymentsStore());
  };
  const call = async (method: 'GET' | 'POST', path: string, parts: { params?: Record<string, string>; body?: unknown } = {}): Promise<ServerResponseSpec> => {
    const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
    if (!route) throw new Error(`no ${method} ${path} route`);
    return route.handler(serverRequest({ ...parts, method }));
  };
  const postTerminal = (body: unknown) => call('POST', '/terminals', { body });
  const getTerminal = (id: string) => call('GET', '/terminals/:object_id', { params: { object_id: id } });
  const postConfirmation = (body: unknown) => call('POST', '/financial-advice-confirmations', { body });
  const getConfirmation = (id: string) => call('GET', '/financial-advice-confirmations/:object_id', { params: { object_id: id } });
  beforeEach(() => start());

  it('stores a POSTed Terminal with 201 and no data, and returns it on a GET of its terminal_id, in any letter case.', async () => {
    const posted = await postTerminal(TERMINAL);
    assert.equal(posted.status, 201);
    assert.equal(envelopeOf(posted).status_code, 1000);
    assert.equal(envelopeOf(posted).data, undefined);
    assert.deepEqual(envelopeOf(await getTerminal('TERM-1')).data, TERMINAL);
    assert.deepEqual(envelopeOf(await getTerminal('term-1')).data, TERMINAL);
  });

  it('stores a POSTed Financial Advice Confirmation and returns it on a GET of its id.', async () => {
    assert.equal((await postConfirmation(CONFIRMATION)).status, 201);
    assert.deepEqual(envelopeOf(await getConfirmation('FAC-1')).data, CONFIRMATION);
  });

  it('keeps the two collections apart: a Terminal id is no confirmation id.', async () => {
    await postTerminal({ ...TERMINAL, terminal_id: 'SAME' });
    assert.equal((await getConfirmation('SAME')).status, 404);
  });

  it('answers a GET of an unknown Terminal or confirmation with HTTP 404 and status_code 2000.', async () => {
    for (const response of [await getTerminal('NONE'), await getConfirmation('NONE')]) {
      assert.equal(response.status, 404);
      assert.equal(envelopeOf(response).status_code, 2000);
    }
  });

  it('refuses with 2001 a Terminal that is not valid as the 2.3.0 schema has it, naming where, and stores nothing.', async () => {
    const { last_updated: _dropped, ...incomplete } = TERMINAL;
    const response = await postTerminal(incomplete);
    assert.equal(response.status, 200);
    assert.equal(envelopeOf(response).status_code, 2001);
    assert.match(envelopeOf(response).status_message ?? '', /last_updated/);
    assert.equal((await getTerminal('TERM-1')).status, 404);
  });

  it('refuses with 2001 a confirmation with a 2.2.1 Price and one without eft_data.', async () => {
    assert.equal(envelopeOf(await postConfirmation({ ...CONFIRMATION, total_costs: { excl_vat: 10, incl_vat: 12.1 } })).status_code, 2001);
    assert.equal(envelopeOf(await postConfirmation({ ...CONFIRMATION, eft_data: [] })).status_code, 2001);
    assert.equal(envelopeOf(await postTerminal([TERMINAL])).status_code, 2001);
  });

  it('under its faults drops a field of each object, refuses valid objects, and answers an unknown Terminal with 200.', async () => {
    start(['terminal-post-drops-field', 'fac-post-drops-field']);
    await postTerminal(TERMINAL);
    await postConfirmation(CONFIRMATION);
    assert.equal(envelopeOf(await getTerminal('TERM-1')).data?.['customer_reference'], undefined);
    assert.equal(envelopeOf(await getConfirmation('FAC-1')).data?.['capture_status_message'], undefined);
    start(['terminal-coordinates-refused', 'fac-taxes-400', 'unknown-terminal-200']);
    assert.equal(envelopeOf(await postTerminal(TERMINAL)).status_code, 2001);
    assert.equal((await postConfirmation(CONFIRMATION)).status, 400);
    assert.equal((await getTerminal('NONE')).status, 200);
  });

  it('under its variants echoes the stored object in the POST answer and reads ids back in lower case.', async () => {
    start([], ['payments-post-echoes-object', 'payments-lowercase-ids']);
    const posted = await postTerminal(TERMINAL);
    assert.equal(envelopeOf(posted).data?.['terminal_id'], 'term-1');
    assert.equal(envelopeOf(await getTerminal('TERM-1')).data?.['terminal_id'], 'term-1');
  });
});
