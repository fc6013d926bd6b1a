import { fail, pass } from '../../src/checks/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { checkObjectMatchesList } from '../../src/checks/object-matches-list.js';
import { responseData } from '../../src/checks/response-data.js';
import { checkRequestBody } from '../../src/checks/schema.js';
import type { TriggerActionName } from '../../src/model/trigger-actions.js';
import type { CaseContext, InboundRecord } from '../../src/runner/case-context.js';
import { citedAlike, defineCase, type CaseDefinition } from '../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { judgeOwner, judgeSender, SENDER_CHECKS } from './judge-sender.js';
import { notRegisteredWithTester } from '../common/not-registered.js';

/** An object a party pushes to the tester's Receiver when asked (a CPO its Locations and Tariffs, an eMSP its Tokens), and how its own Sender serves it. */
export interface PushedObject {
  readonly id: 'IN-LOC-01' | 'IN-TAR-01' | 'IN-TOK-01';
  readonly targetRole: 'cpo' | 'emsp';
  readonly module: 'locations' | 'tariffs' | 'tokens';
  /** The schema name, as sentences name it too. */
  readonly object: 'Location' | 'Tariff' | 'Token';
  readonly plural: 'Locations' | 'Tariffs' | 'Tokens';
  readonly digest: 'locationsList' | 'tariffsList' | 'tokensList';
  /** The field that identifies the object, last in its URL (`id`; a Token's `uid`). */
  readonly idField: 'id' | 'uid';
  readonly action: TriggerActionName;
  /** The trigger parameter that names the object. */
  readonly param: string;
  /** How the party's own copy is read: a GET of the object (Locations), or the crawled list's copy (Tariffs and Tokens have no single GET). */
  readonly ownCopy: 'get' | 'list';
  readonly section: string;
}

type Body = Record<string, unknown>;

/** The CPO's own copy of the pushed object and the exchange it came in, or undefined when there is none to compare. */
async function ownCopy(t: CaseContext, spec: PushedObject, id: string, record: InboundRecord, sample: Body): Promise<{ readonly copy: Body; readonly exchangeId: string } | undefined> {
  if (spec.ownCopy === 'list') return String(sample[spec.idField]).toUpperCase() === id.toUpperCase() ? { copy: sample, exchangeId: record.exchange.id } : undefined;
  const response = await moduleRequest(t, { method: 'GET', url: endpointUrl(moduleUrl(t, spec.module, 'SENDER'), id) });
  t.check(checkOcpiResponse(response.exchange, t.version, { data: spec.object }));
  const data = responseData(response.exchange, response.body, 'object');
  // The response checks said why there is no object to compare.
  return data.usable ? { copy: data.data, exchangeId: response.exchange.id } : undefined;
}

// Steps: (1) the tester asks the target's operator, through the trigger (docs/triggers.md), to push a crawled object
// to the tester; (2) waits, within --deadline, for a PUT or PATCH under the module's path at its own endpoint; (3) reads
// the CPO's own copy (a GET of a Location; the crawled Tariff, since Tariffs have no single GET). Validated: the
// request went to the Receiver URL the tester declared, as {url}/{country_code}/{party_id}/{id}, the ids matching the
// body's; it carried the token the tester gave, Base64-encoded, and the routing headers; a PUT's body is a valid object
// owned by the target; the pushed object is the CPO's own copy, unless that is newer. Without a trigger way the case
// skips at once.
/** A case for an object a party pushes when asked (IN-LOC-01 Locations, IN-TAR-01 Tariffs of a CPO; IN-TOK-01 Tokens of an eMSP). */
export function pushedObjectCase(spec: PushedObject): CaseDefinition {
  const { object, plural } = spec;
  return defineCase({
    id: spec.id,
    title: `A ${object} the ${spec.targetRole === 'cpo' ? 'CPO' : 'eMSP'} is asked to push arrives at the tester's declared ${plural} Receiver and reads back the same`,
    module: spec.module,
    versions: ['2.2.1', '2.3.0'],
    targetRole: spec.targetRole,
    endpoint: { module: spec.module, role: 'SENDER' },
    requires: ['session', 'endpoints', spec.digest],
    skipWhen: notRegisteredWithTester,
    spec: citedAlike({
      version: '2.2.1',
      section: spec.section,
      rule: `A${spec.targetRole === 'cpo' ? ' CPO' : 'n eMSP'} pushes a new or changed ${object} to the Receiver URL its partner declared, at {url}/{country_code}/{party_id}/{${spec.idField}}, with the full object, and that object is what its own Sender serves.`,
    }, '2.3.0'),
    severity: 'required',
    checks: [...(spec.ownCopy === 'get' ? OCPI_RESPONSE_CHECKS : []), 'inbound.declared-endpoint', 'inbound.url-structure', ...SENDER_CHECKS, 'schema.request', 'inbound.object-owner', 'inbound.push-reads-back'],
    async run(t) {
      const sample = (t.get(spec.digest).sample as Body | undefined) ?? t.skip(`no ${object} was crawled to ask for`);
      const declared = `${t.peer.detailsUrlOf(t.version)}/${spec.module}`;
      const before = t.peer.inbound.since(0).at(-1)?.seq ?? 0;
      await t.trigger({ action: spec.action, params: { [spec.param]: String(sample[spec.idField]), receiver_url: t.peer.versionsUrl } });
      const under = new RegExp(`/${spec.module}[^/]*/`);
      const record = await t.waitForRequest(`the target to push a ${object} to the tester`, (r) => ['PUT', 'PATCH'].includes(r.exchange.request.method) && under.test(new URL(r.exchange.request.url).pathname), { after: before });
      const { method, url } = record.exchange.request;
      const at = { exchangeId: record.exchange.id };
      const declaredPath = new URL(declared).pathname;
      const path = new URL(url).pathname;
      if (!path.startsWith(`${declaredPath}/`)) {
        t.check(fail('inbound.declared-endpoint', `${method} ${path} is not under the ${plural} Receiver URL the tester declared (${declaredPath}): a party calls only the endpoints its partner declared`, { ...at, expected: `${declaredPath}/...`, actual: path }));
        return;
      }
      t.check(pass('inbound.declared-endpoint', `the push went to the declared ${plural} Receiver (${declaredPath})`, at));
      const ids = path.slice(declaredPath.length + 1).split('/').map(decodeURIComponent);
      const body = record.exchange.request.body as Body | undefined;
      const structured = ids.length >= 3 && (method !== 'PUT' || ids.length > 3 || (body?.['country_code'] === ids[0] && body?.['party_id'] === ids[1] && body?.[spec.idField] === ids[2]));
      t.check(structured
        ? pass('inbound.url-structure', `the URL names ${ids.slice(0, 3).join('/')}${method === 'PUT' && ids.length === 3 ? ', as the body does' : ''}`, at)
        : fail('inbound.url-structure', `the URL must name the country_code, party_id and ${spec.idField} of the pushed ${object} after the Receiver URL; it names ${ids.join('/')} and the body ${String(body?.['country_code'])}/${String(body?.['party_id'])}/${String(body?.[spec.idField])}`, { ...at, expected: `country_code/party_id/${spec.idField} of the body`, actual: ids.join('/') }));
      judgeSender(t, [record], 'the push');
      if (method !== 'PUT' || ids.length !== 3 || !body) return;
      t.check(checkRequestBody(record.exchange, t.version, object));
      const owned = judgeOwner(t, record, body, `the pushed ${object} ${ids[2] ?? ''}`);
      const own = await ownCopy(t, spec, ids[2] ?? '', record, sample);
      if (!own) return;
      // A foreign owner is inbound.object-owner's failure: the comparison takes the owner as the CPO serves it.
      const pushed = owned ? body : { ...body, country_code: own.copy['country_code'], party_id: own.copy['party_id'] };
      const exchange = (t.exchanges.find((e) => e.id === own.exchangeId) ?? record.exchange);
      // The later of the two may be newer: the CPO's GET after the push, or the push after the crawl.
      const [listed, fetched] = spec.ownCopy === 'get' ? [pushed, own.copy] : [own.copy, pushed];
      const judged = checkObjectMatchesList({ exchange, version: t.version, object, what: `${object} ${ids[2] ?? ''}`, listed, fetched, check: 'inbound.push-reads-back' });
      t.check(judged ?? pass('inbound.push-reads-back', spec.ownCopy === 'get' ? `the target's own GET serves ${object} ${ids[2] ?? ''} newer than the push (changed since)` : `the target pushed ${object} ${ids[2] ?? ''} newer than its list served it (changed since)`, { exchangeId: own.exchangeId }));
    },
  });
}
