import { fail, pass } from '../../src/checks/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { responseData } from '../../src/checks/response-data.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { judgeSender, SENDER_CHECKS } from './judge-sender.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

/** The status the tester asks for: one the EVSE does not have, so that the change shows. */
const newStatus = (current: unknown): string => (current === 'INOPERATIVE' ? 'AVAILABLE' : 'INOPERATIVE');

// Steps: (1) through the trigger (docs/triggers.md) the tester asks the CPO's operator to change the status of the
// first EVSE of a crawled Location; (2) waits, within --deadline, for a PATCH (or PUT) of that EVSE at the tester's
// declared Locations Receiver; (3) GETs the EVSE's Location from the CPO's own Locations Sender. At the end of the run, whatever
// happened, it asks for the old status back. Validated: the push went to
// {url}/{country_code}/{party_id}/{location_id}/{evse_uid} of the declared URL, with the token the tester gave
// (Base64-encoded) and the routing headers; a PATCH carries last_updated and the status; a PUT is a valid EVSE; the CPO's own GET shows the
// pushed status.
export default defineCase({
  id: 'IN-LOC-02',
  title: 'An EVSE status change the CPO is asked to make is PATCHed to the tester\'s declared Locations Receiver, with last_updated, and reads back',
  module: 'locations',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints', 'locationsList'],
  // It changes the Location that IN-LOC-01 pushes and reads back and that LOC-04 compares with the list: after them.
  after: ['IN-LOC-01', 'LOC-04'],
  skipWhen: notRegisteredWithTester,
  spec: citedAlike({
    version: '2.2.1',
    section: 'Locations module, Flow (updates), Receiver interface, PATCH method; Transport and format, PATCH and message routing',
    rule: 'A CPO sends a change of an EVSE (its status) to its eMSP with PATCH to {url}/{country_code}/{party_id}/{location_id}/{evse_uid}, carrying last_updated, and its own Sender serves the same state.',
  }, '2.3.0'),
  severity: 'required',
  checks: ['inbound.declared-endpoint', 'inbound.url-structure', ...SENDER_CHECKS, 'inbound.patch-last-updated', 'schema.request', ...OCPI_RESPONSE_CHECKS, 'inbound.push-reads-back'],
  async run(t) {
    const sample = t.get('locationsList').sample as { readonly id?: string; readonly evses?: ReadonlyArray<{ readonly uid?: string; readonly status?: string }> } | undefined;
    const evse = sample?.evses?.[0];
    const locationId = sample?.id ?? t.skip('no Location was crawled to ask for a status change on');
    const evseUid = evse?.uid ?? t.skip('the crawled Location has no EVSE to ask for a status change on');
    const site = { location_id: locationId, evse_uid: evseUid, receiver_url: t.peer.versionsUrl };
    const status = newStatus(evse?.status);
    const oldStatus = evse?.status;
    const declared = `${new URL(t.peer.detailsUrlOf(t.version)).pathname}/locations`;
    const before = t.peer.inbound.since(0).at(-1)?.seq ?? 0;
    await t.trigger({ action: 'change-evse-status', params: { ...site, status } });
    // Whatever happens next, the EVSE is asked to take its old status back at the end of the run (never settled).
    if (typeof oldStatus === 'string') t.compensateWithTrigger('IN-LOC-02 status', `change-evse-status back to ${oldStatus} for the EVSE IN-LOC-02 changed`, () => ({ action: 'change-evse-status', params: { ...site, status: oldStatus } }));
    const record = await t.waitForRequest(`the target to push the status of EVSE ${site.evse_uid}`, (r) => ['PATCH', 'PUT'].includes(r.exchange.request.method) && decodeURIComponent(new URL(r.exchange.request.url).pathname.replace(/\/+$/, '').split('/').at(-1) ?? '') === site.evse_uid, { after: before });
    const { method } = record.exchange.request;
    const at = { exchangeId: record.exchange.id };
    const path = new URL(record.exchange.request.url).pathname.replace(/\/+$/, '');
    if (!path.startsWith(`${declared}/`)) {
      t.check(fail('inbound.declared-endpoint', `${method} ${path} is not under the Locations Receiver URL the tester declared (${declared}): a party calls only the endpoints its partner declared`, { ...at, expected: `${declared}/...`, actual: path }));
      return;
    }
    t.check(pass('inbound.declared-endpoint', `the status went to the declared Locations Receiver (${declared})`, at));
    const ids = path.slice(declared.length + 1).split('/').map(decodeURIComponent);
    const owner = sample as { readonly country_code?: string; readonly party_id?: string };
    const expected = [owner.country_code, owner.party_id, site.location_id, site.evse_uid].map((id) => String(id ?? '').toUpperCase());
    t.check(ids.length === 4 && ids.every((id, i) => id.toUpperCase() === expected[i])
      ? pass('inbound.url-structure', `the URL names ${ids.join('/')}`, at)
      : fail('inbound.url-structure', `the URL must name the country_code, party_id, location_id and evse_uid of the EVSE after the Receiver URL; it names ${ids.join('/')}`, { ...at, expected: expected.join('/'), actual: ids.join('/') }));
    judgeSender(t, [record], 'the push');
    const body = (record.exchange.request.body ?? {}) as Record<string, unknown>;
    if (method === 'PATCH') {
      t.check(body['last_updated'] !== undefined
        ? pass('inbound.patch-last-updated', 'the EVSE PATCH carried last_updated', at)
        : fail('inbound.patch-last-updated', `the EVSE PATCH ${path} carries no last_updated: every PATCH must carry it`, at));
    } else t.check(checkRequestBody(record.exchange, t.version, 'EVSE'));
    const pushed = body['status'];
    // The whole Location, as IN-LOC-01 reads it: how a single EVSE is served is LOC-04's to judge (one root cause, one failure).
    const read = await moduleRequest(t, { method: 'GET', url: endpointUrl(moduleUrl(t, 'locations', 'SENDER'), site.location_id) });
    t.check(checkOcpiResponse(read.exchange, t.version, { data: 'Location' }));
    const data = responseData(read.exchange, read.body, 'object');
    // The response checks said why there is no Location to look in.
    if (!data.usable || pushed === undefined) return;
    const served = (Array.isArray(data.data['evses']) ? (data.data['evses'] as Array<Record<string, unknown>>) : []).find((e) => String(e['uid']).toUpperCase() === site.evse_uid.toUpperCase()) ?? {};
    t.check(served['status'] === pushed
      ? pass('inbound.push-reads-back', `the CPO's own GET shows EVSE ${site.evse_uid} as ${String(pushed)}, as pushed`, { exchangeId: read.exchange.id })
      : fail('inbound.push-reads-back', `the CPO pushed EVSE ${site.evse_uid} as ${String(pushed)}, but its own GET shows ${String(served['status'])}: what a CPO pushes is what it serves`, { exchangeId: read.exchange.id, expected: pushed, actual: served['status'] }));
  },
});
