import { fail, pass } from '../../src/checks/finding.js';
import { OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import { push, readBack, sameAsSent } from '../common/round-trip.js';
import { testCdr } from '../common/tester-objects.js';
import { postedCdrUrl } from './posted-cdr-url.js';
import { sameOrigin } from '../../src/model/same-origin.js';

// Steps: (1) tester, as a CPO, POSTs a new CDR of its own (with a remark) to the eMSP's CDRs endpoint; (2) GETs the
// URL the response's Location header names.
// Validated: the POST succeeds (HTTP 200 or 201, status_code 1000) and carries a Location header with an absolute URL;
// the GET there returns a valid CDR equal to the one POSTed.
export default defineCase({
  id: 'CDR-PUSH-01',
  title: 'A CDR the CPO POSTs gets a Location where it can be read back unchanged',
  module: 'cdrs',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'emsp',
  endpoint: { module: 'cdrs', role: 'RECEIVER' },
  requires: ['session', 'endpoints'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'CDRs module, Receiver interface, POST (response headers) and GET',
    rule: 'The response to a POSTed CDR carries a Location header with the URL of the CDR in the eMSP\'s system, and a GET of that URL returns the CDR.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_cdrs.md: eMSP Interface, POST Method (Response Headers) and GET Method',
    rule: 'A CDR POSTed is answered with a Location header naming where it can be read (the chapter\'s own example is a path, resolved against the POST\'s URL), and a GET there returns it as sent.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'cdrs.location-header', 'cdrs.stored-as-posted'],
  async run(t) {
    const cdr = testCdr(t.version);
    const cdrs = moduleUrl(t, 'cdrs', 'RECEIVER');
    const posted = await push(t, { method: 'POST', url: cdrs, body: cdr });
    if (!posted.ok) return;
    // 2.1.1's own example of the header is a path: there it is read relative to the POST's URL.
    const location = postedCdrUrl(posted.response, t.version === '2.1.1' ? cdrs : undefined);
    const at = { exchangeId: posted.response.exchange.id };
    if ('problem' in location) {
      t.check(fail('cdrs.location-header', `${location.problem}: the eMSP answers a POSTed CDR with the URL where the CPO can GET it`, { ...at, expected: 'Location: an absolute URL' }));
      return;
    }
    t.check(pass('cdrs.location-header', `the CDR's URL in the eMSP is ${location.url}`, at));
    if (!sameOrigin(location.url, cdrs)) t.skip(`the CDR's URL ${location.url} is on another host than the CDRs module; the tester sends the target's token to the target's own host only`);
    const read = await readBack(t, location.url, 'CDR');
    if (read) t.check(sameAsSent(t, 'cdrs.stored-as-posted', cdr, read, 'POSTed'));
  },
});
