import type { RunConfig } from '../config/run-config.js';
import { OCPI_VERSIONS } from '../model/ocpi-version.js';
import type { Network } from '../transport/network.js';
import { readVersionsList, versionsProblem, type VersionsRead } from '../runner/discover-versions.js';

/** One thing `doctor` checked, in the user's words. */
export interface PreflightCheck {
  readonly name: string;
  readonly status: 'ok' | 'warn' | 'fail';
  readonly message: string;
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[?::1\]?)$/i;

/** What the versions list read says about the versions URL, the token and the versions to test. */
function versionsChecks(read: VersionsRead, config: RunConfig): PreflightCheck[] {
  switch (read.kind) {
    case 'unreachable':
    case 'not-a-list':
      return [{ name: 'versions URL', status: 'fail', message: versionsProblem(read) ?? '' }];
    case 'refused':
      return [{ name: 'token', status: 'fail', message: versionsProblem(read) ?? '' }];
    case 'listed': {
      const form = read.encoding === 'base64' ? 'Base64-encoded, as OCPI 2.2 and later send it' : 'as it is (unencoded), as OCPI 2.1.1 sends it';
      const checks: PreflightCheck[] = [{ name: 'token', status: 'ok', message: `accepted ${form}` }];
      const testable = OCPI_VERSIONS.filter((version) => read.versions.includes(version));
      if (testable.length === 0) {
        checks.push({ name: 'versions', status: 'fail', message: `the versions list names ${read.versions.join(', ') || 'no version'}, none of which the tester tests (${OCPI_VERSIONS.join(', ')})` });
      } else {
        const tested = config.ocpiVersion === 'all' ? testable.join(', ') : config.ocpiVersion ?? testable[testable.length - 1] ?? '';
        const asked = config.ocpiVersion && config.ocpiVersion !== 'all' && !testable.includes(config.ocpiVersion);
        checks.push(asked
          ? { name: 'versions', status: 'fail', message: `--ocpi-version ${config.ocpiVersion ?? ''}: the target offers ${read.versions.join(', ')}` }
          : { name: 'versions', status: 'ok', message: `the target offers ${read.versions.join(', ')}; a run tests ${tested}` });
        if (tested.includes('2.1.1') && !config.role) checks.push({ name: 'role', status: 'fail', message: 'testing OCPI 2.1.1 needs --role cpo or --role emsp: its credentials do not say the role' });
      }
      return checks;
    }
  }
}

/** Whether the target can reach the tester's endpoint, as far as the tester can tell from here. */
function peerChecks(config: RunConfig): PreflightCheck[] {
  const target = config.versionsUrl ? new URL(config.versionsUrl) : undefined;
  const announced = config.peerUrl ? new URL(config.peerUrl) : undefined;
  const host = announced?.hostname ?? config.peerListen.host;
  const checks: PreflightCheck[] = [];
  if (target && !LOOPBACK.test(target.hostname) && LOOPBACK.test(host)) {
    checks.push({ name: "tester's endpoint", status: 'warn', message: `the target (${target.host}) calls the tester back during the registration, and ${host} is the tester's own machine to it: listen with --peer-listen 0.0.0.0:PORT and give the address the target reaches with --peer-url` });
  } else {
    checks.push({ name: "tester's endpoint", status: 'ok', message: `the target is given ${config.peerUrl ?? `the listening address (${config.peerListen.host})`}` });
  }
  const scheme = announced?.protocol ?? (config.peerTls ? 'https:' : 'http:');
  if (target?.protocol === 'https:' && scheme === 'http:') {
    checks.push({ name: "tester's endpoint", status: 'warn', message: 'the target speaks https and the tester\'s endpoint plain http: many targets refuse plain-http callback URLs (serve it with --peer-tls-cert and --peer-tls-key)' });
  }
  return checks;
}

/**
 * The checks `doctor` makes before a run: the versions URL answers, the token is accepted (and in which form), a
 * version both sides test exists, and the tester's endpoint is one the target can plausibly reach. Nothing is
 * registered, nothing is judged; one GET (two when the first form of the token is refused).
 */
export async function preflight(config: RunConfig, network: Network, signal: AbortSignal): Promise<PreflightCheck[]> {
  if (!config.versionsUrl || !config.token) return [{ name: 'target', status: 'fail', message: 'doctor needs --versions-url and --token' }];
  const read = await readVersionsList({ versionsUrl: config.versionsUrl, token: config.token, rawToken: config.rawToken, timeoutMs: config.timeout, maxResponseBytes: config.maxResponseBytes, allowOrigins: config.allowOrigins, signal, network });
  return [...versionsChecks(read, config), ...peerChecks(config)];
}
