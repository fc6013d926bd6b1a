import { fail, pass } from '../../src/checks/finding.js';
import type { Finding } from '../../src/model/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest } from '../../src/runner/module-request.js';
import type { OcpiResponse } from '../../src/runner/case-context.js';
import { push } from '../common/round-trip.js';
import { responseData } from '../../src/checks/response-data.js';
import { laterThan } from '../tokens/test-token.js';
import { storeTestLocation } from './stored-location.js';

// The EVSE must still be there, with the REMOVED status: an EVSE is never deleted.
function evseRemoved(get: OcpiResponse): Finding | undefined {
  const check = 'locations.evse-removed';
  const at = { exchangeId: get.exchange.id };
  const status = get.exchange.response?.status;
  if (status !== 200) return fail(check, `the EVSE set to REMOVED is answered with HTTP ${status ?? 'no response'}: an EVSE is never deleted, REMOVED is a status it keeps`, { ...at, expected: 200, actual: status ?? null });
  const data = responseData(get.exchange, get.body, 'object');
  // No EVSE object to read: the response checks say why, and guessing its status would be a second, untrue failure.
  if (!data.usable) return undefined;
  const actual = data.data['status'];
  return actual === 'REMOVED'
    ? pass(check, 'the EVSE set to REMOVED is still stored, with status REMOVED', at)
    : fail(check, `the EVSE set to REMOVED reads back with status ${JSON.stringify(actual ?? null)}`, { ...at, at: '/data/status', expected: 'REMOVED', actual: actual ?? null });
}

// Steps: (1) tester PUTs a Location; (2) PATCHes its first EVSE to status REMOVED with a later last_updated; (3) GETs
// the EVSE. Validated: the PATCH succeeds; the GET answers HTTP 200 with the EVSE, its status REMOVED.
export default defineCase({
  id: 'LOC-PUSH-07',
  title: 'An EVSE set to REMOVED is kept and read back with that status',
  module: 'locations',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'locations', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Locations module, Flow and Lifecycle; Receiver interface, PATCH',
    rule: 'EVSEs are never deleted: a CPO retires one by setting its status to REMOVED, and the Receiver keeps it with that status.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_locations.md: Flow and Lifecycle; eMSP Interface, PATCH Method',
    rule: 'EVSEs are never deleted: a CPO retires one by setting its status to REMOVED, and the Receiver keeps it with that status.',
  }],
  // "Never deleted" binds the CPO; no SHALL tells the eMSP how to keep a REMOVED EVSE, so keeping it is advice.
  severity: 'recommended',
  checks: [...OCPI_RESPONSE_CHECKS, 'locations.evse-removed'],
  async run(t) {
    const { location, evseUrl } = await storeTestLocation(t);
    const patch = { status: 'REMOVED', last_updated: laterThan(location['last_updated']) };
    if (!(await push(t, { method: 'PATCH', url: evseUrl, body: patch }, { status: [200] })).ok) return;
    const get = await moduleRequest(t, { method: 'GET', url: evseUrl });
    // A GET that found no EVSE has said all there is; an EVSE that is there is judged like any response.
    if (get.exchange.response?.status === 200) t.check(checkOcpiResponse(get.exchange, t.version, { data: 'EVSE' }));
    t.check(evseRemoved(get) ?? []);
  },
});
