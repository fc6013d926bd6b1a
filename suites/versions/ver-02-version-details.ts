import { citedAlike, defineCase } from '../../src/runner/define-case.js';
import { checkOcpiResponse, OCPI_RESPONSE_CHECKS } from '../../src/checks/ocpi-response.js';
import { checkCredentialsEndpoint, checkDetailsVersion } from '../../src/checks/versions.js';
import type { EndpointEntry } from '../../src/model/endpoint-entry.js';
import { impliedInterfaces } from '../../src/runner/implied-interfaces.js';

// Steps: (1) tester GETs the details URL of the version under test. Target answers with its endpoints.
// Validated: a valid VersionDetails (every endpoint has an identifier, an InterfaceRole and a URL), the same version
// number as the list gave, and the credentials module among the endpoints.
export default defineCase({
  id: 'VER-02',
  title: 'The version details list the endpoints with their interface roles',
  module: 'versions',
  versions: ['2.1.1', '2.2.1', '2.3.0'],
  stage: 'connect',
  requires: ['target', 'versions'],
  provides: ['endpoints'],
  spec: [
    ...citedAlike({
      version: '2.2.1',
      section: 'Versions module, version details endpoint',
      rule: 'A GET on the version details URL returns the version number and its endpoints, each with module identifier, interface role and URL; credentials is required of every implementation.',
    }, '2.3.0'),
    {
      version: '2.1.1',
      section: 'version_information_endpoint.md, Version details endpoint (Endpoint class, ModuleID enum)',
      rule: 'A GET on the version details URL returns the version number and its endpoints, each a module identifier and a URL (no interface role in 2.1.1); credentials is required of every implementation.',
    },
  ],
  severity: 'required',
  checks: [...OCPI_RESPONSE_CHECKS, 'versions.details-version', 'versions.credentials-endpoint'],
  async run(t) {
    const versions = t.get('versions');
    const response = await t.request({ method: 'GET', url: versions.detailsUrl, token: t.get('target').token });
    t.check(checkOcpiResponse(response.exchange, t.version, { data: 'VersionDetails' }));
    if (!response.json) return;
    t.check(checkDetailsVersion(response.exchange, versions.version), checkCredentialsEndpoint(response.exchange));
    // The body and its data may be any JSON (null, a number, a list): only an object has endpoints.
    const endpoints: unknown = (response.body as { data?: { endpoints?: unknown } | null } | null | undefined)?.data?.endpoints;
    if (Array.isArray(endpoints)) {
      const usable = endpoints.filter((e): e is EndpointEntry => typeof (e as EndpointEntry)?.identifier === 'string' && typeof (e as EndpointEntry)?.url === 'string');
      // 2.1.1 details name no interface roles: the target's role says which side of each module it declared (a PTP has no 2.1.1).
      const role = t.settings.targetRole;
      t.provide('endpoints', t.version === '2.1.1' && role && role !== 'ptp' ? impliedInterfaces(usable, role) : usable);
    }
  },
});
