import { checkObjectMatchesList, checkServedUnchanged } from '../../src/checks/object-matches-list.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { responseData } from '../../src/checks/response-data.js';
import { defineCase, type CaseDefinition } from '../../src/runner/define-case.js';
import { moduleRequest, moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';

/** One list of a PTP's Payments Sender whose objects can be fetched on their own. */
export interface FetchedObject {
  readonly id: 'PAY-05' | 'PAY-06';
  /** The list's path under the declared payments URL (spec-notes P1). */
  readonly path: 'terminals' | 'financial-advice-confirmations';
  readonly digest: 'terminalsList' | 'confirmationsList';
  /** The schema name, and how a sentence names it. */
  readonly object: 'Terminal' | 'FinancialAdviceConfirmation';
  readonly what: string;
  readonly idField: 'terminal_id' | 'id';
  /** The Sender interface's GET method of one object, as the chapter heads it. */
  readonly section: string;
}

// A second GET of an object newer than the list comes at least this long after the first, so that a last_updated
// stamped when served (to the second, as most servers write it) shows as a new value.
const SECOND_LOOK_MS = 1100;

// Steps: (1) tester GETs the first object its crawl (TERM-01, FAC-01) saw, by its id alone, under the list's URL;
// (2) when it came back newer than the list's copy and different, GETs it once more a second after the first answer.
// Validated: the response is valid and equals the list's object, compared as OCPI types; one with a later last_updated
// may differ (it changed since the crawl) unless the second GET shows a last_updated that moved with nothing else
// changing (stamped when served); one older than the list's fails.
/** An object of a PTP's Payments Sender fetched on its own matches the list (PAY-05 Terminals, PAY-06 confirmations). */
export function fetchedMatchesListCase(spec: FetchedObject): CaseDefinition {
  return defineCase({
    id: spec.id,
    title: `A ${spec.what} fetched on its own matches the list`,
    module: 'payments',
    versions: ['2.3.0'],
    targetRole: 'ptp',
    endpoint: { module: 'payments', role: 'SENDER' },
    requires: ['session', 'endpoints', spec.digest],
    spec: {
      version: '2.3.0',
      section: spec.section,
      rule: `A ${spec.what} can be fetched on its own by its id, and is the same object the list serves, unless a later last_updated says it changed since.`,
    },
    severity: 'required',
    checks: [...OCPI_RESPONSE_CHECKS, 'payments.object-matches-list'],
    async run(t) {
      const listed = t.get(spec.digest).sample ?? t.skip(`the ${spec.what} list served no object`);
      const id = (listed as Record<string, unknown>)[spec.idField];
      if (typeof id !== 'string' || id === '') return t.skip(`the first ${spec.what} of the list has no ${spec.idField}`);
      const url = endpointUrl(moduleUrl(t, 'payments', 'SENDER'), spec.path, id);
      const what = `${spec.what} ${id}`;
      const response = await moduleRequest(t, { method: 'GET', url });
      const firstAt = performance.now();
      t.check(checkOcpiResponse(response.exchange, t.version, { data: spec.object }));
      // Only an object can be compared; the response checks said why there is none.
      const data = responseData(response.exchange, response.body, 'object');
      if (!data.usable) return;
      const judged = checkObjectMatchesList({ exchange: response.exchange, version: t.version, object: spec.object, what, listed, fetched: data.data, check: 'payments.object-matches-list' });
      if (judged) return t.check(judged);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstAt + SECOND_LOOK_MS - performance.now())));
      const again = await moduleRequest(t, { method: 'GET', url });
      const second = responseData(again.exchange, again.body, 'object');
      // A second GET without an object proves nothing about the first: the change since the crawl stands.
      t.check(checkServedUnchanged({ exchange: again.exchange, version: t.version, object: spec.object, what, first: data.data, second: second.usable ? second.data : data.data, afterMs: Math.round(performance.now() - firstAt), check: 'payments.object-matches-list' }));
    },
  });
}
