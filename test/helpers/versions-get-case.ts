import { expectStatus } from '../../src/checks/http-status.js';
import type { OcpiVersion } from '../../src/model/ocpi-version.js';
import { defineCase, type CaseDefinition } from '../../src/runner/define-case.js';

/** A case written outside suites/ that runs in `versions`: it GETs the target's versions list and expects HTTP 200. */
export function versionsGetCase(id: string, versions: readonly OcpiVersion[]): CaseDefinition {
  return defineCase({
    id,
    title: 'The versions list answers',
    module: 'versions',
    versions,
    stage: 'connect',
    requires: ['target'],
    spec: versions.map((version) => ({ version, section: `Versions (${version})`, rule: 'a GET of the versions list answers 200' })),
    severity: 'required',
    checks: ['http.status'],
    async run(t) {
      const target = t.get('target');
      const response = await t.request({ method: 'GET', url: target.versionsUrl, token: target.token });
      t.check(expectStatus({ exchange: response.exchange, expected: 200 }));
    },
  });
}
