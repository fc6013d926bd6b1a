import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { checkMutualVersion } from '../../src/checks/versions.js';
import { findVersion } from '../../src/model/find-version.js';

// Steps: (1) tester GETs the versions URL with the token it was given. Target answers with its versions list.
// Validated: HTTP 200, a JSON envelope with status_code 1000, data a non-empty list of Version, the version under test offered.
export default defineCase({
  id: 'VER-01',
  title: 'The versions endpoint lists the OCPI versions the target supports',
  module: 'versions',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'connect',
  requires: ['target'],
  provides: ['versions'],
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Versions module, version information endpoint',
      rule: 'A GET on the versions URL returns a non-empty list of Version objects, each a version number and the URL of its details.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'version_information_endpoint.md, Version information endpoint',
      rule: 'A GET on the versions URL must return the list of versions the party supports, each a version number and the URL of its details.',
    },
  ],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'versions.mutual-version'],
  async run(t) {
    const target = t.get('target');
    const response = await t.request({ method: 'GET', url: target.versionsUrl, token: target.token });
    t.check(checkOcpiResponse(response.exchange, t.version, {
      data: 'VersionList',
      statusHint: response.status === 401 ? 'the target refused the token: check --token (and --raw-token if it expects the token unencoded)' : 'is --versions-url the OCPI versions endpoint?',
    }));
    if (!response.json) return;
    const offered = checkMutualVersion(response.exchange, t.version);
    t.check(offered);
    // The body may be any JSON (null, a number, a list): only an envelope object has data.
    const entry = findVersion((response.body as { data?: unknown } | null | undefined)?.data, t.version);
    if (entry) t.provide('versions', { version: entry.version, detailsUrl: entry.url });
  },
});
