import { compareByType } from '../../src/checks/compare-by-type.js';
import { fail, pass } from '../../src/checks/finding.js';
import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import { ocpiNow } from '../../src/schemas/ocpi-datetime.js';
import { push, pushForCase, readBack } from '../common/round-trip.js';
import { testCdr, type TesterObject } from '../common/tester-objects.js';
import { postedCdrUrl } from './posted-cdr-url.js';
import { sameOrigin } from '../../src/model/same-origin.js';

const CHECK = 'cdrs.credit-accepted';

// The amounts of a Price in every version: 2.2.1 excl_vat and incl_vat; 2.3.0 before_taxes and each tax's amount.
const AMOUNTS = new Set(['excl_vat', 'incl_vat', 'before_taxes', 'amount']);

/** A Price with its amounts negated (a 2.3.0 Price's taxes too); percentages and names stay as they are. */
function negated(price: unknown): unknown {
  if (Array.isArray(price)) return price.map(negated);
  if (price === null || typeof price !== 'object') return price;
  return Object.fromEntries(Object.entries(price as TesterObject).map(([field, value]) => [field, AMOUNTS.has(field) && typeof value === 'number' ? -value : negated(value)]));
}

/** The credit CDR for `cdr`: all its data, a new id (the original's plus -C), credit and its reference, a negated total_cost. */
function creditFor(cdr: TesterObject): TesterObject {
  return { ...cdr, id: `${String(cdr['id'])}-C`, credit: true, credit_reference_id: cdr['id'], total_cost: negated(cdr['total_cost']), last_updated: ocpiNow() };
}

// Steps: (1) tester POSTs a new CDR (set-up: CDR-PUSH-01 judges it); (2) POSTs the credit CDR for it; (3) GETs the
// credit CDR at the URL of its response's Location header.
// Validated: the credit CDR is accepted (HTTP 200 or 201, status_code 1000) with a Location, and the CDR read there is
// that credit CDR (its id, credit, credit_reference_id and total_cost as sent).
export default defineCase({
  id: 'CDR-PUSH-02',
  title: 'A credit CDR for a CDR the CPO POSTed is accepted',
  module: 'cdrs',
  versions: ['2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'cdrs', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: citedAlike({
    version: '2.2.1',
    section: 'CDRs module, Credit CDRs; Receiver interface, POST',
    rule: 'A CDR is corrected by a credit CDR: a new id, credit true, credit_reference_id naming the original, negative total_cost; the eMSP accepts it like any CDR.',
  }, '2.3.0'),
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, CHECK],
  async run(t) {
    const url = moduleUrl(t, 'cdrs', 'RECEIVER');
    const original = testCdr(t.version);
    const first = await pushForCase(t, { method: 'POST', url, body: original }, 'CDR-PUSH-01');
    if ('problem' in postedCdrUrl(first)) t.skip('the first CDR got no usable Location (CDR-PUSH-01 reports why)');
    const credit = creditFor(original);
    const posted = await push(t, { method: 'POST', url, body: credit });
    const at = { exchangeId: posted.response.exchange.id };
    if (!posted.ok) {
      t.check(fail(CHECK, `the eMSP refused the credit CDR ${String(credit['id'])} for CDR ${String(original['id'])}: a credit CDR is a CDR like any other`, at));
      return;
    }
    const location = postedCdrUrl(posted.response);
    if ('problem' in location) {
      t.check(fail(CHECK, `${location.problem} for the credit CDR, though the original CDR's response had one`, at));
      return;
    }
    if (!sameOrigin(location.url, url)) t.skip(`the credit CDR's URL ${location.url} is on another host than the CDRs module; the tester sends the target's token to the target's own host only`);
    const read = await readBack(t, location.url, 'CDR');
    if (!read) return;
    const fields = ['id', 'credit', 'credit_reference_id', 'total_cost'];
    const diff = compareByType({ version: t.version, object: 'CDR', expected: Object.fromEntries(fields.map((f) => [f, credit[f]])), actual: read.stored, mode: 'has' });
    t.check(diff.length === 0
      ? pass(CHECK, `the credit CDR ${String(credit['id'])} was accepted and reads back at ${location.url}`, { exchangeId: read.exchangeId })
      : fail(CHECK, 'the CDR read at the credit CDR\'s Location is not the credit CDR POSTed', { exchangeId: read.exchangeId, at: '/data', diff }));
  },
});
