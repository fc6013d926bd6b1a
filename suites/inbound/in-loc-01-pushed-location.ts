import { fail, pass } from '../../src/checks/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { checkObjectMatchesList } from '../../src/checks/object-matches-list.js';
import { responseData } from '../../src/checks/response-data.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { judgeOwner, judgeSender, SENDER_CHECKS } from './judge-sender.js';

// Steps: (1) the tester asks the target's operator, through the trigger (docs/triggers.md), to push a crawled
// Location to the tester; (2) waits, within --deadline, for a PUT or PATCH under a Locations path at its own endpoint;
// (3) GETs the same Location from the target. Validated: the request went to the Locations Receiver URL the tester
// declared, as {url}/{country_code}/{party_id}/{location_id}, the ids matching the body's; it carried the token the
// tester gave; a PUT's body is a valid Location; the pushed Location reads back the same from the target's own GET.
// Without a trigger way (no --trigger-command or --trigger-url, stdin not a terminal) the case skips at once.
export default defineCase({
  id: 'IN-LOC-01',
  title: 'A Location the CPO is asked to push arrives at the tester\'s declared Locations Receiver and reads back the same',
  module: 'locations',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints', 'locationsList'],
  skipWhen: (s) => (s.handshake === 'none' ? '--handshake none: the target holds no token the tester gave it, nor the tester\'s endpoints' : undefined),
  spec: citedAlike({
    version: '2.2.1',
    section: 'Locations module, Receiver interface, PUT method; Transport and format, client owned object push',
    rule: 'A CPO pushes a new or changed Location to the Receiver URL its partner declared, at {url}/{country_code}/{party_id}/{location_id}, with the full object, and that object is what its own Sender serves.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'inbound.declared-endpoint', 'inbound.url-structure', ...SENDER_CHECKS, 'schema.request', 'inbound.object-owner', 'inbound.push-reads-back'],
  async run(t) {
    const sample = (t.get('locationsList').sample as { readonly id: string } | undefined) ?? t.skip('no Location was crawled to ask for');
    const declared = `${t.peer.detailsUrlOf(t.version)}/locations`;
    const before = t.peer.inbound.since(0).at(-1)?.seq ?? 0;
    await t.trigger({ action: 'push-location', params: { location_id: sample.id, receiver_url: t.peer.versionsUrl } });
    const record = await t.waitForRequest('the target to push a Location to the tester', (r) => ['PUT', 'PATCH'].includes(r.exchange.request.method) && /\/locations[^/]*\//.test(new URL(r.exchange.request.url).pathname), { after: before });
    const { method, url } = record.exchange.request;
    const at = { exchangeId: record.exchange.id };
    const declaredPath = new URL(declared).pathname;
    const path = new URL(url).pathname;
    if (!path.startsWith(`${declaredPath}/`)) {
      t.check(fail('inbound.declared-endpoint', `${method} ${path} is not under the Locations Receiver URL the tester declared (${declaredPath}): a party calls only the endpoints its partner declared`, { ...at, expected: `${declaredPath}/...`, actual: path }));
      return;
    }
    t.check(pass('inbound.declared-endpoint', `the push went to the declared Locations Receiver (${declaredPath})`, at));
    const ids = path.slice(declaredPath.length + 1).split('/').map(decodeURIComponent);
    const body = record.exchange.request.body as { country_code?: unknown; party_id?: unknown; id?: unknown } | undefined;
    const structured = ids.length >= 3 && (method !== 'PUT' || ids.length > 3 || (body?.country_code === ids[0] && body?.party_id === ids[1] && body?.id === ids[2]));
    t.check(structured
      ? pass('inbound.url-structure', `the URL names ${ids.slice(0, 3).join('/')}${method === 'PUT' && ids.length === 3 ? ', as the body does' : ''}`, at)
      : fail('inbound.url-structure', `the URL must name the country_code, party_id and id of the pushed Location after the Receiver URL; it names ${ids.join('/')} and the body ${String(body?.country_code)}/${String(body?.party_id)}/${String(body?.id)}`, { ...at, expected: 'country_code/party_id/id of the body', actual: ids.join('/') }));
    judgeSender(t, [record], 'the push');
    if (method !== 'PUT' || ids.length !== 3) return;
    t.check(checkRequestBody(record.exchange, t.version, 'Location'));
    const owned = body ? judgeOwner(t, record, body as Record<string, unknown>, `the pushed Location ${ids[2] ?? ''}`) : true;
    const response = await moduleRequest(t, { method: 'GET', url: endpointUrl(moduleUrl(t, 'locations', 'SENDER'), ids[2] ?? '') });
    t.check(checkOcpiResponse(response.exchange, t.version, { data: 'Location' }));
    const data = responseData(response.exchange, response.body, 'object');
    // The response checks said why there is no object to compare.
    if (!data.usable) return;
    // A foreign owner is inbound.object-owner's failure: the comparison takes the owner as the CPO serves it.
    const pushed = owned ? body : { ...body, country_code: data.data['country_code'], party_id: data.data['party_id'] };
    const judged = checkObjectMatchesList({ exchange: response.exchange, version: t.version, object: 'Location', what: `Location ${ids[2] ?? ''}`, listed: pushed, fetched: data.data, check: 'inbound.push-reads-back' });
    t.check(judged ?? pass('inbound.push-reads-back', `the target's own GET serves Location ${ids[2] ?? ''} newer than the push (changed since)`, { exchangeId: response.exchange.id }));
  },
});
