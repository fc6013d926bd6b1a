import { compareByType } from '../../../src/checks/compare-by-type.js';
import { fail, pass, type Finding } from '../../../src/checks/finding.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../../src/checks/ocpi-response.js';
import { defineCase } from '../../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../../src/runner/module-request.js';
import { endpointUrl } from '../../../src/transport/endpoint-url.js';
import type { Exchange } from '../../../src/transport/exchange.js';
import { responseData } from '../../../src/checks/response-data.js';
import { sameInstant, type OcpiVersion } from '../../../src/schemas/ocpi-datetime.js';

interface Sample {
  readonly id: string;
  readonly evses: ReadonlyArray<{ readonly uid: string; readonly last_updated?: string; readonly connectors: ReadonlyArray<{ readonly id: string; readonly last_updated?: string }> }>;
  readonly last_updated?: string;
}

/**
 * Compares an object fetched on its own with the same object from the list, as OCPI types (instants, CiStrings without
 * case, null as omitted), allowing for an update in between.
 */
function checkSameAsList(options: { exchange: Exchange; version: OcpiVersion; object: string; what: string; listed: { readonly last_updated?: string }; fetched: unknown }): Finding {
  const { exchange, what, listed, fetched } = options;
  const check = 'locations.object-matches-list';
  const diff = compareByType({ version: options.version, object: options.object, expected: listed, actual: fetched });
  if (diff.length === 0) return pass(check, `${what} is the same as in the list`, { exchangeId: exchange.id });
  const updated = (fetched as { last_updated?: unknown } | null)?.last_updated;
  if (typeof updated === 'string' && !sameInstant(updated, listed.last_updated)) return pass(check, `${what} was updated since the crawl (last_updated ${updated}); not compared`, { exchangeId: exchange.id });
  return fail(check, `${what} differs from the same object in the list, with the same last_updated: a single GET and the list serve one truth`, { exchangeId: exchange.id, at: '/data', diff });
}

// Steps: (1) tester GETs one Location from the crawl by id, (2) one of its EVSEs, (3) one of that EVSE's Connectors.
// Validated: each response is valid and equals the object the list returned.
export default defineCase({
  id: 'LOC-04',
  title: 'A Location, EVSE and Connector fetched on their own match the list',
  module: 'locations',
  versions: ['2.2.1'],
  targetRole: 'cpo',
  endpoint: { module: 'locations', role: 'SENDER' },
  requires: ['session', 'endpoints', 'locationsList'],
  spec: {
    version: '2.2.1',
    section: 'Locations module, Sender interface, GET object',
    rule: 'A Location, an EVSE or a Connector can be fetched on its own by its ids, and is the same object the list serves.',
  },
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
    for (const [what, url, object, listed] of steps) {
      const response = await moduleRequest(t, { method: 'GET', url });
      const findings = checkOcpiResponse(response.exchange, t.version, { data: object });
      t.check(findings);
      // Only an object can be compared; the response checks said why there is none.
      const data = responseData(response.exchange, response.body, 'object');
      if (!data.usable) continue;
      t.check(checkSameAsList({ exchange: response.exchange, version: t.version, object, what, listed, fetched: data.data }));
    }
  },
});
