import type { CaseContext } from '../../src/runner/case-context.js';
import { moduleUrl } from '../../src/runner/module-request.js';
import { endpointUrl } from '../../src/transport/endpoint-url.js';
import { withQuery } from '../../src/transport/with-query.js';

/** The URL of a session at the target's chargingprofiles Receiver, with query parameters. */
export function profileUrl(t: CaseContext, sessionId: string, query: Readonly<Record<string, string>> = {}): string {
  return withQuery(endpointUrl(moduleUrl(t, 'chargingprofiles', 'RECEIVER'), sessionId), query);
}

/** A modest profile: 7.4 kW for the next hour, a limit any charger can apply. */
export const TEST_PROFILE = Object.freeze({
  charging_rate_unit: 'W',
  duration: 3600,
  charging_profile_period: [{ start_period: 0, limit: 7400.0 }],
});
