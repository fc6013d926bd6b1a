import assert from 'node:assert/strict';
import { cdrsReceiverRoutes } from '../../src/parties/cdrs-receiver.js';
import { EmspStore } from '../../src/parties/emsp-store.js';
import type { ModuleRoute } from '../../src/parties/functional-endpoint.js';
import type { ServerResponseSpec } from '../../src/server/ocpi-server.js';
import { STAMP, testParty } from '../helpers/test-party.js';
import { callRoute, envelopeOf } from '../helpers/server-request.js';

const CDR = {
  country_code: 'DE',
  party_id: 'CPO',
  id: 'CDR1',
  start_date_time: STAMP,
  end_date_time: '2026-01-01T01:00:00Z',
  cdr_token: { country_code: 'NL', party_id: 'REM', uid: 'AB1234', type: 'RFID', contract_id: 'NL-REM-C12345678' },
  auth_method: 'WHITELIST',
  cdr_location: { id: 'LOC1', address: 'Main Street 1', city: 'Utrecht', country: 'NLD', coordinates: { latitude: '52.090000', longitude: '5.120000' }, evse_uid: 'EVSE1', evse_id: 'DE*CPO*E1', connector_id: '1', connector_standard: 'IEC_62196_T2', connector_format: 'SOCKET', connector_power_type: 'AC_3_PHASE' },
  currency: 'EUR',
  charging_periods: [{ start_date_time: STAMP, dimensions: [{ type: 'ENERGY', volume: 10 }] }],
  total_cost: { excl_vat: 2.5, incl_vat: 3.03 },
  total_energy: 10,
  total_time: 1,
  remark: 'driver stopped',
  last_updated: STAMP,
};
const CREDIT = { ...CDR, id: 'CDR1-C', credit: true, credit_reference_id: 'CDR1', total_cost: { excl_vat: -2.5, incl_vat: -3.03 } };
const MODULE_URL = 'http://127.0.0.1:9/ocpi/emsp/2.2.1/cdrs';

describe('the CDRs receiver of the reference eMSP', () => {
  let store: EmspStore;
  let routes: ModuleRoute[];
  const start = (faults: readonly string[] = []): void => {
    store = new EmspStore([]);
    routes = cdrsReceiverRoutes(testParty(faults, 'emsp'), store);
  };
  const post = (body: unknown) => callRoute(routes, 'POST', { body });
  const get = (id: string) => callRoute(routes, 'GET', { params: { cdr_id: id } });
  // The id the eMSP gave the CDR, from the Location header of its POST response.
  const idIn = (response: ServerResponseSpec): string => {
    const location = response.headers?.['location'] ?? '';
    assert.ok(location.startsWith(`${MODULE_URL}/`), `Location ${location} is not under ${MODULE_URL}`);
    return location.slice(MODULE_URL.length + 1);
  };
  const refusal = async (body: unknown, message: RegExp): Promise<void> => {
    const response = await post(body);
    assert.equal(response.status, 200);
    assert.equal(envelopeOf(response).status_code, 2001);
    assert.match(envelopeOf(response).status_message ?? '', message);
  };
  beforeEach(() => start());

  it('answers a POSTed CDR with 201 and a Location under its module URL, where a GET returns the CDR.', async () => {
    const response = await post(CDR);
    assert.equal(response.status, 201);
    assert.equal(envelopeOf(response).status_code, 1000);
    const fetched = await get(idIn(response));
    assert.equal(fetched.status, 200);
    assert.deepEqual(envelopeOf(fetched).data, CDR);
  });

  it('accepts a credit CDR for a CDR it received, and serves it at its own Location.', async () => {
    const original = idIn(await post(CDR));
    const response = await post(CREDIT);
    assert.equal(response.status, 201);
    const credit = idIn(response);
    assert.notEqual(credit, original);
    assert.deepEqual(envelopeOf(await get(credit)).data, CREDIT);
  });

  it('refuses with 2001 a credit CDR without credit_reference_id.', async () => {
    const { credit_reference_id: _dropped, ...unreferenced } = CREDIT;
    await refusal(unreferenced, /credit_reference_id/);
  });

  it('refuses with 2001 a credit_reference_id on a CDR that is not a credit CDR.', async () => {
    await refusal({ ...CDR, credit_reference_id: 'CDR0' }, /credit_reference_id/);
  });

  it('refuses with 2001 a second CDR with the same owner and id, since CDRs cannot be replaced.', async () => {
    await post(CDR);
    await refusal({ ...CDR, id: 'cdr1' }, /cannot be replaced/);
    assert.equal(store.cdrs.size, 1);
  });

  it('refuses with 2001 a CDR that lacks a required field, naming it.', async () => {
    const { total_cost: _dropped, ...incomplete } = CDR;
    await refusal(incomplete, /total_cost/);
  });

  it('refuses with 2001 a body that is not an object.', async () => {
    await refusal([CDR], /CDR object/);
  });

  it('answers GET of an unknown CDR with HTTP 404 and the generic client error 2000.', async () => {
    const response = await get('CDR-404');
    assert.equal(response.status, 404);
    assert.equal(envelopeOf(response).status_code, 2000);
  });

  describe('with faults', () => {
    it('cdr-post-no-location-header answers the POST without a Location header but stores the CDR.', async () => {
      start(['cdr-post-no-location-header']);
      const response = await post(CDR);
      assert.equal(envelopeOf(response).status_code, 1000);
      assert.equal(response.headers?.['location'], undefined);
      assert.equal(store.cdrs.size, 1);
    });

    it('cdr-stored-without-field stores the CDR without its remark.', async () => {
      start(['cdr-stored-without-field']);
      const { remark: _dropped, ...withoutRemark } = CDR;
      assert.deepEqual(envelopeOf(await get(idIn(await post(CDR)))).data, withoutRemark);
    });

    it('credit-cdr-refused refuses a credit CDR with 2001 but takes other CDRs.', async () => {
      start(['credit-cdr-refused']);
      assert.equal(envelopeOf(await post(CDR)).status_code, 1000);
      assert.equal(envelopeOf(await post(CREDIT)).status_code, 2001);
    });
  });
});
