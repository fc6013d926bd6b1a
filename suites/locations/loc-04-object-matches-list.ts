import { checkObjectMatchesList, checkServedUnchanged } from '../../src/checks/object-matches-list.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { responseData } from '../../src/checks/response-data.js';

interface Sample {
  readonly id: string;
  readonly evses: ReadonlyArray<{ readonly uid: string; readonly last_updated?: string; readonly connectors: ReadonlyArray<{ readonly id: string; readonly last_updated?: string }> }>;
  readonly last_updated?: string;
}

// A second GET of an object newer than the list comes at least this long after the first, so that a last_updated
// stamped when served (to the second, as most servers write it) shows as a new value.
const SECOND_LOOK_MS = 1100;

// Steps: (1) tester GETs one Location from the crawl by id, (2) one of its EVSEs, (3) one of that EVSE's Connectors
// (the three at once: none depends on another); (4) an object that came back newer than the list's copy and different
// is fetched once more, a second after its first answer.
// Validated: each response is valid and equals the object the list returned, compared as OCPI types; one with a later
// last_updated may differ (it changed since the crawl) unless its second GET shows a last_updated that moved with
// nothing else changing (stamped when served); one with an earlier last_updated than the list's fails.
export default defineCase({
  id: 'LOC-04',
  title: 'A Location, EVSE and Connector fetched on their own match the list',
  module: 'locations',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints', 'locationsList'],
  spec: [...citedAlike({
    version: '2.2.1',
    section: 'Locations module, Sender interface, GET object',
    rule: 'A Location, an EVSE or a Connector can be fetched on its own by its ids, and is the same object the list serves, unless a later last_updated says it changed since.',
  }, '2.3.0'), {
    version: '2.1.1',
    section: 'mod_locations.md, CPO Interface, GET Method',
    rule: 'A Location, an EVSE or a Connector can be fetched on its own by its ids, and is the same object the list serves, unless a later last_updated says it changed since.',
  }],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'locations.object-matches-list'],
  async run(t) {
    const location = (t.get('locationsList').sample as Sample | undefined) ?? t.skip('no Location with an EVSE and a Connector was crawled');
    const evse = location.evses.find((e) => e.connectors.length > 0) ?? t.skip('no EVSE with a Connector');
    const connector = evse.connectors[0] as Sample['evses'][number]['connectors'][number];
    const base = moduleUrl(t, 'locations', 'SENDER');
    const steps: Array<[string, string, string, { readonly last_updated?: string }]> = [
      [`Location ${location.id}`, endpointUrl(base, location.id), 'Location', location],
      [`EVSE ${evse.uid}`, endpointUrl(base, location.id, evse.uid), 'EVSE', evse],
      [`Connector ${connector.id}`, endpointUrl(base, location.id, evse.uid, connector.id), 'Connector', connector],
    ];
    // The three GETs are independent: sent at once, judged in order.
    const fetched = await t.inParallel(steps, async (step) => ({ step, response: await moduleRequest(t, { method: 'GET', url: step[1] }), firstAt: performance.now() }));
    for (const { step: [what, url, object, listed], response, firstAt } of fetched) {
      const findings = checkOcpiResponse(response.exchange, t.version, { data: object });
      t.check(findings);
      // Only an object can be compared; the response checks said why there is none.
      const data = responseData(response.exchange, response.body, 'object');
      if (!data.usable) continue;
      const judged = checkObjectMatchesList({ exchange: response.exchange, version: t.version, object, what, listed, fetched: data.data });
      if (judged) {
        t.check(judged);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstAt + SECOND_LOOK_MS - performance.now())));
      const again = await moduleRequest(t, { method: 'GET', url });
      const second = responseData(again.exchange, again.body, 'object');
      // A second GET without an object proves nothing about the first: the change since the crawl stands.
      const afterMs = Math.round(performance.now() - firstAt);
      t.check(checkServedUnchanged({ exchange: again.exchange, version: t.version, object, what, first: data.data, second: second.usable ? second.data : data.data, afterMs }));
    }
  },
});
